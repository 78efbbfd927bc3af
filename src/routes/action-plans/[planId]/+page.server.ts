import { addIndividualPlanNote, getIndividualPlan, updateIndividualPlan } from '$lib/server/individual-plans/service';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const view = await orErrorPage(() => getIndividualPlan(event.locals.db, actor, event.params.planId));
	return { ...view, offered: event.url.searchParams.has('offered') };
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await updateIndividualPlan(event.locals.db, actor, event.params.planId, values);
			return { saved: 'plan' };
		});
	},
	note: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await addIndividualPlanNote(event.locals.db, actor, event.params.planId, values);
			return { saved: 'note' };
		});
	}
};
