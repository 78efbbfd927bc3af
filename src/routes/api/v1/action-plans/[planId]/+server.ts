import { json } from '@sveltejs/kit';
import { getPlan, updatePlan } from '$lib/server/action-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => json(await getPlan(locals.db, requireApiActor(locals), params.planId)));

export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(await updatePlan(locals.db, requireApiActor(locals), params.planId, await readJson(request))));
