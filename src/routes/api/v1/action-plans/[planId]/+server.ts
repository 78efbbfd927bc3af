import { json } from '@sveltejs/kit';
import { presentIndividualPlan, presentIndividualPlanWithNotes } from '$lib/server/api/presenters/individual-plans';
import { getIndividualPlan, updateIndividualPlan } from '$lib/server/individual-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => json(presentIndividualPlanWithNotes(await getIndividualPlan(locals.db, requireApiActor(locals), params.planId))));

export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentIndividualPlan(await updateIndividualPlan(locals.db, requireApiActor(locals), params.planId, await readJson(request)))));
