import { requireAdministrator } from '$lib/server/access/gate';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { reminderText, saveReminderText } from '$lib/server/rounds/manager-reminders';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	await orErrorPage(async () => requireAdministrator(actor));
	return { message: await reminderText(event.locals.db) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await saveReminderText(event.locals.db, actor, values);
			return { saved: 'Texten är sparad. Cheferna ser den när de påminner sin personal, och kan ändra den innan de skickar.' };
		});
	}
};
