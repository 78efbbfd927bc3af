import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { addSuggestion, answerSuggestion, getPlanOverview } from '$lib/server/city-plan/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { plan: await orErrorPage(() => getPlanOverview(event.locals.db, actor, event.params.forvaltningId)) };
};

export const actions: Actions = {
	suggest: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await addSuggestion(event.locals.db, actor, event.params.forvaltningId, values);
			return { saved: 'Tack! Ditt förslag är skickat till styrgruppen, som svarar här.' };
		});
	},
	answer: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await answerSuggestion(event.locals.db, actor, event.params.forvaltningId, String(values.id ?? ''), values);
			return { saved: 'Svaret är sparat och syns för medarbetarna.' };
		});
	}
};
