import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { nearestManagers } from '$lib/server/org/service';
import { getMyResponse, saveMyResponse } from '$lib/server/rounds/service';
import { env } from '$lib/server/env';
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
		minGroup: env().ANONYMITY_MIN_GROUP,
		minTextGroup: env().ANONYMITY_MIN_TEXT_GROUP
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
