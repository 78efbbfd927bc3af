import { json } from '@sveltejs/kit';
import { apiCall, requireApiActor } from '$lib/server/http';
import { openRound } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		const round = await openRound(locals.db, requireApiActor(locals), params.roundId);
		return json({ id: round.id, status: round.status });
	});
