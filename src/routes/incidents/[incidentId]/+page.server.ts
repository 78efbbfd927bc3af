import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { answerSupport, getIncident, recordMeasures } from '$lib/server/incidents/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const view = await orErrorPage(() => getIncident(event.locals.db, actor, event.params.incidentId));
	return { ...view, reported: event.url.searchParams.has('reported') };
};

export const actions: Actions = {
	support: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction({ ...values, _form: 'support' }, async () => {
			await answerSupport(event.locals.db, actor, event.params.incidentId, values);
			return { saved: 'Tack! Ditt svar är sparat.' };
		});
	},
	measures: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction({ ...values, _form: 'measures' }, async () => {
			await recordMeasures(event.locals.db, actor, event.params.incidentId, values);
			return { saved: 'Åtgärderna är sparade.' };
		});
	}
};
