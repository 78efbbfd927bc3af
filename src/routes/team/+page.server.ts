import { redirect } from '@sveltejs/kit';
import { offerIndividualPlan } from '$lib/server/individual-plans/service';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { defaultTeamRoundId, teamRounds, teamView } from '$lib/server/team/service';
import { formToObject } from '$lib/server/validation';
import { addDays } from '$lib/time';
import { todayInStockholm } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const rounds = await orErrorPage(() => teamRounds(event.locals.db, actor));
	const roundId = event.url.searchParams.get('round') ?? (await defaultTeamRoundId(event.locals.db, actor)) ?? rounds[0]?.id;
	if (!roundId) return { rounds: [], view: null, defaultFollowUp: '' };
	const view = await orErrorPage(() => teamView(event.locals.db, actor, roundId));
	return {
		rounds: rounds.map((r) => ({ id: r.id, name: r.name, status: r.status })),
		view: { round: { id: view.round.id, name: view.round.name, status: view.round.status, closesAt: view.round.closesAt }, members: view.members, summary: view.summary },
		defaultFollowUp: addDays(todayInStockholm(), 42)
	};
};

export const actions: Actions = {
	offerIndividualPlan: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		const result = await formAction(values, () => offerIndividualPlan(event.locals.db, actor, values));
		if ('id' in result) redirect(303, `/action-plans/${result.id}?offered=1`);
		return result;
	}
};
