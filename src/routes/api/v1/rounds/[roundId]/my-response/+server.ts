import { json } from '@sveltejs/kit';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { presentMyResponse, presentSavedResponse } from '$lib/server/api/presenters/rounds';
import { getMyResponse, saveMyResponse } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		return json(presentMyResponse(await getMyResponse(locals.db, actor, params.roundId)));
	});

export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const saved = await saveMyResponse(locals.db, actor, params.roundId, await readJson(request));
		return json(presentSavedResponse({ response: saved }));
	});
