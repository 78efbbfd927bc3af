import { json } from '@sveltejs/kit';
import { presentRoundState } from '$lib/server/api/presenters/rounds';
import { apiCall, requireApiActor } from '$lib/server/http';
import { openRound } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

/** Opens a draft; `{ "allowOverlap": true }` when another open round for the same people is intended. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		const input = await request.json().catch(() => ({}));
		const round = await openRound(locals.db, requireApiActor(locals), params.roundId, input);
		return json(presentRoundState(round));
	});
