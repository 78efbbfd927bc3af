import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { nearestManagers } from '$lib/server/org/service';
import { getMyResponse, saveMyResponse } from '$lib/server/rounds/service';
import { anonymityRules } from '$lib/server/anonymity';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const mine = await orErrorPage(() => getMyResponse(event.locals.db, actor, event.params.roundId));
	return {
		round: { id: mine.round.id, name: mine.round.name, status: mine.round.status, closesAt: mine.round.closesAt },
		participates: mine.participates,
		response: mine.response,
		managers: await nearestManagers(event.locals.db, actor.orgUnitPath),
		// The rules in force, from the one place that decides every upward figure.
		minGroup: anonymityRules().minGroup,
		minTextGroup: anonymityRules().minTextGroup
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await saveMyResponse(event.locals.db, actor, event.params.roundId, values);
			return { saved: true };
		});
	}
};
