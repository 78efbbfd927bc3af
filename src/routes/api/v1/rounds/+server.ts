import { json } from '@sveltejs/kit';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { presentCreated, presentRounds } from '$lib/server/api/presenters/rounds';
import { createRound, listRounds } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		return json(presentRounds({ rounds: await listRounds(locals.db, actor) }));
	});

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const round = await createRound(locals.db, actor, await readJson(request));
		return json(presentCreated(round), { status: 201 });
	});
