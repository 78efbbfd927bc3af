import { addIncidentReader, listIncidentReaders, removeIncidentReader } from '$lib/server/incidents/readers';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return await orErrorPage(() => listIncidentReaders(event.locals.db, actor));
};

export const actions: Actions = {
	add: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			const added = await addIncidentReader(event.locals.db, actor, values);
			return { saved: `${added.personName} läser nu händelser i ${added.unitName}.` };
		});
	},
	remove: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			const removed = await removeIncidentReader(event.locals.db, actor, String(values.id ?? ''));
			return { saved: `${removed.personName} läser inte längre händelser i ${removed.unitName}.` };
		});
	}
};
