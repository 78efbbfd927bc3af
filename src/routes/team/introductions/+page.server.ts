import { redirect } from '@sveltejs/kit';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { introductionStatusLabel } from '$lib/server/introductions/rules';
import { startIntroduction, teamIntroductions } from '$lib/server/introductions/service';
import { todayInStockholm } from '$lib/server/clock';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const view = await orErrorPage(() => teamIntroductions(event.locals.db, actor));
	return { ...view, statusLabels: introductionStatusLabel, today: todayInStockholm() };
};

export const actions: Actions = {
	start: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		const started = await formAction(values, () => startIntroduction(event.locals.db, actor, values));
		if ('id' in started) redirect(303, `/introductions/${started.id}`);
		return started;
	}
};
