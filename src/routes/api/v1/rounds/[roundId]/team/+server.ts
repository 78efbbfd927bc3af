import { json } from '@sveltejs/kit';
import { apiCall, requireApiActor } from '$lib/server/http';
import { teamView } from '$lib/server/team/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(async () => {
		const actor = requireApiActor(event.locals);
		const view = await teamView(event.locals.db, actor, event.params.roundId);
		return json({ round: { id: view.round.id, name: view.round.name, status: view.round.status }, members: view.members, summary: view.summary });
	});
