import { json } from '@sveltejs/kit';
import { getIndividualPlan, updateIndividualPlan } from '$lib/server/individual-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => json(await getIndividualPlan(locals.db, requireApiActor(locals), params.planId)));

export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(await updateIndividualPlan(locals.db, requireApiActor(locals), params.planId, await readJson(request))));
