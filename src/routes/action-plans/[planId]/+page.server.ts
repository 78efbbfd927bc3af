import { addNote, getPlan, updatePlan } from '$lib/server/action-plans/service';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const view = await orErrorPage(() => getPlan(event.locals.db, actor, event.params.planId));
	return { ...view, offered: event.url.searchParams.has('offered') };
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await updatePlan(event.locals.db, actor, event.params.planId, values);
			return { saved: 'plan' };
		});
	},
	note: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await addNote(event.locals.db, actor, event.params.planId, values);
			return { saved: 'note' };
		});
	}
};
