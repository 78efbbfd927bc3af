import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { definitionHistory, getIndicator, updateIndicator } from '$lib/server/indicators/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	// The history decides access (administrators only) before the definition is read.
	const history = await orErrorPage(() => definitionHistory(event.locals.db, actor, event.params.key));
	return {
		indicator: await orErrorPage(() => getIndicator(event.locals.db, event.params.key)),
		history,
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData(), ['splits']);
		values.active = values.active === 'on';
		return formAction(values, async () => {
			await updateIndicator(event.locals.db, actor, event.params.key, values);
			return { done: 'Indikatorn är sparad.' };
		});
	}
};
