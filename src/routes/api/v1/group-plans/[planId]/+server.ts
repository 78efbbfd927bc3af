import { json } from '@sveltejs/kit';
import { presentGroupPlanView } from '$lib/server/api/presenters/group-plans';
import { getGroupPlan } from '$lib/server/group-plans/service';
import { apiCall, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => apiCall(async () => json(presentGroupPlanView(await getGroupPlan(locals.db, requireApiActor(locals), params.planId))));
