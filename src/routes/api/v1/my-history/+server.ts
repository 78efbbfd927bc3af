import { json } from '@sveltejs/kit';
import { presentResponse } from '$lib/server/api/presenters';
import { apiCall, requireApiActor } from '$lib/server/http';
import { myHistory } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

/** The caller's own answers over all rounds, oldest first. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const history = await myHistory(locals.db, requireApiActor(locals));
		return json({ history: history.map(({ round, response }) => ({ round: { id: round.id, name: round.name, status: round.status }, response: presentResponse(response) })) });
	});
