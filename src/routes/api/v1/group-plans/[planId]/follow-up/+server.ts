import { json } from '@sveltejs/kit';
import { presentGroupPlan } from '$lib/server/api/presenters/group-plans';
import { followUpGroupPlan } from '$lib/server/group-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentGroupPlan(await followUpGroupPlan(locals.db, requireApiActor(locals), params.planId, await readJson(request)))));
