import { fail } from '@sveltejs/kit';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { entriesFromForm } from '$lib/server/indicators/form';
import { entryForm, saveEntries } from '$lib/server/indicators/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const query = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	return { form: await orErrorPage(() => entryForm(event.locals.db, actor, query)) };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		const result = await formAction(values, () => saveEntries(event.locals.db, actor, entriesFromForm(values)));
		if (!('saved' in result)) return result;
		if (result.needsConfirmation) {
			return fail(409, {
				message: 'Några värden skiljer sig mycket från förra perioden. Kontrollera dem och spara igen om de stämmer.',
				warnings: result.warnings,
				fieldErrors: {} as Record<string, string>,
				values
			});
		}
		return { done: result.saved === 0 ? 'Inget ändrades: värdena var redan sparade.' : `Sparat: ${result.saved} ${result.saved === 1 ? 'värde' : 'värden'} ändrades.`, warnings: result.warnings };
	}
};
