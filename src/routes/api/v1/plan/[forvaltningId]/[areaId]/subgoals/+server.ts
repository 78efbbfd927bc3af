import { json } from '@sveltejs/kit';
import { presentSubgoal } from '$lib/server/api/presenters/city-plan';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { addSubgoal } from '$lib/server/city-plan/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentSubgoal(await addSubgoal(locals.db, requireApiActor(locals), params.forvaltningId, params.areaId, await readJson(request))), { status: 201 }));
