import { json } from '@sveltejs/kit';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { presentResponse } from '$lib/server/api/presenters';
import { getMyResponse, saveMyResponse } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const mine = await getMyResponse(locals.db, actor, params.roundId);
		return json({ participates: mine.participates, response: mine.response ? presentResponse(mine.response) : null });
	});

export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const saved = await saveMyResponse(locals.db, actor, params.roundId, await readJson(request));
		return json({ response: presentResponse(saved) });
	});
