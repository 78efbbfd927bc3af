import { json } from '@sveltejs/kit';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { presentRound } from '$lib/server/api/presenters';
import { createRound, listRounds } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		return json({ rounds: (await listRounds(locals.db, actor)).map(presentRound) });
	});

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const round = await createRound(locals.db, actor, await readJson(request));
		return json({ id: round.id }, { status: 201 });
	});
