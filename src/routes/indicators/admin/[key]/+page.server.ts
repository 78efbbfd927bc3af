import { error } from '@sveltejs/kit';
import { canDefineIndicators } from '$lib/server/access/policy';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { definitionHistory, getIndicator, updateIndicator } from '$lib/server/indicators/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	if (!canDefineIndicators(actor)) error(404, 'Sidan finns inte.');
	return {
		indicator: await orErrorPage(() => getIndicator(event.locals.db, event.params.key)),
		history: await orErrorPage(() => definitionHistory(event.locals.db, actor, event.params.key)),
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
