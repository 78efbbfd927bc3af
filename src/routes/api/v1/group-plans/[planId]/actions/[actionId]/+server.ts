import { json } from '@sveltejs/kit';
import { presentGroupPlanAction } from '$lib/server/api/presenters/group-plans';
import { setGroupPlanActionDone } from '$lib/server/group-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Marks the action done or not done: the group's manager, or the member who owns it. */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentGroupPlanAction(await setGroupPlanActionDone(locals.db, requireApiActor(locals), params.planId, params.actionId, await readJson(request)))));
