import { formAction, orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { formToObject } from '$lib/server/validation';
import { addTerm, lexiconToAdminister, removeTerm, tryText } from '$lib/server/themes/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { themes: await orErrorPage(() => lexiconToAdminister(event.locals.db, actor)) };
};

export const actions: Actions = {
	add: savingAction('Ordet är tillagt. Alla motiveringar har lästs igen med det.', (e, v) => addTerm(e.locals.db, e.locals.actor!, v)),
	remove: savingAction('Ordet är borttaget. Alla motiveringar har lästs igen utan det.', (e, v) => removeTerm(e.locals.db, e.locals.actor!, String(v.id ?? ''))),
	try: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => ({ tried: await tryText(event.locals.db, actor, values) }));
	}
};
