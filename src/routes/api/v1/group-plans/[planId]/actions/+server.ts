import { json } from '@sveltejs/kit';
import { presentGroupPlanAction } from '$lib/server/api/presenters/group-plans';
import { addGroupPlanAction } from '$lib/server/group-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentGroupPlanAction(await addGroupPlanAction(locals.db, requireApiActor(locals), params.planId, await readJson(request))), { status: 201 }));
