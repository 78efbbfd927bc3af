import { json } from '@sveltejs/kit';
import { presentRoundState } from '$lib/server/api/presenters/rounds';
import { apiCall, requireApiActor } from '$lib/server/http';
import { closeRound } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		const round = await closeRound(locals.db, requireApiActor(locals), params.roundId);
		return json(presentRoundState(round));
	});
