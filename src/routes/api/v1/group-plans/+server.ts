import { json } from '@sveltejs/kit';
import { presentGroupPlan, presentGroupPlans } from '$lib/server/api/presenters/group-plans';
import { createGroupPlan, groupPlansFor } from '$lib/server/group-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The groups' plans the caller may read: their own group's, those they lead, those below them. */
export const GET: RequestHandler = ({ locals }) => apiCall(async () => json(presentGroupPlans({ groupPlans: await groupPlansFor(locals.db, requireApiActor(locals)) })));

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => json(presentGroupPlan(await createGroupPlan(locals.db, requireApiActor(locals), await readJson(request))), { status: 201 }));
