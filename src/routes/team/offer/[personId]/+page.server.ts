import { redirect } from '@sveltejs/kit';
import { offerIndividualPlan, prepareOffer } from '$lib/server/individual-plans/service';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { formToObject } from '$lib/server/validation';
import { todayInStockholm } from '$lib/server/clock';
import { addDays } from '$lib/time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const offer = await orErrorPage(() => prepareOffer(event.locals.db, actor, event.params.personId, event.url.searchParams.get('round')));
	return { ...offer, defaultFollowUp: addDays(todayInStockholm(), 42) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const values = { ...formToObject(await event.request.formData(), ['measureIds']), personId: event.params.personId };
		const result = await formAction(values, () => offerIndividualPlan(event.locals.db, actor, values));
		if ('id' in result) redirect(303, `/action-plans/${result.id}?offered=1`);
		return result;
	}
};
