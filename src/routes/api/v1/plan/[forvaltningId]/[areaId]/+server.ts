import { json } from '@sveltejs/kit';
import { presentAreaPlan, presentAreaState } from '$lib/server/api/presenters/city-plan';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { getAreaPlan, saveAreaState } from '$lib/server/city-plan/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => json(presentAreaPlan(await getAreaPlan(locals.db, requireApiActor(locals), params.forvaltningId, params.areaId))));

/** The area's status and assessment (the förvaltning's lokal styrgrupp). */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentAreaState(await saveAreaState(locals.db, requireApiActor(locals), params.forvaltningId, params.areaId, await readJson(request)))));
