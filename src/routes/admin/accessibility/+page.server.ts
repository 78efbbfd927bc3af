import { contactForEditing, saveAccessibilityContact } from '$lib/server/accessibility/statement';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { contact: await orErrorPage(() => contactForEditing(event.locals.db, actor)) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await saveAccessibilityContact(event.locals.db, actor, values);
			return { saved: 'Kontaktuppgifterna är sparade och visas i tillgänglighetsredogörelsen.' };
		});
	}
};
