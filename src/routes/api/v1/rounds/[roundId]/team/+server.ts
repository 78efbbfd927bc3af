import { json } from '@sveltejs/kit';
import { presentTeam } from '$lib/server/api/presenters/team';
import { apiCall, requireApiActor } from '$lib/server/http';
import { teamView } from '$lib/server/team/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(async () => {
		const actor = requireApiActor(event.locals);
		const view = await teamView(event.locals.db, actor, event.params.roundId);
		return json(presentTeam(view));
	});
