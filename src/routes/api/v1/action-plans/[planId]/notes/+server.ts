import { json } from '@sveltejs/kit';
import { presentIndividualPlanNote } from '$lib/server/api/presenters/individual-plans';
import { addIndividualPlanNote } from '$lib/server/individual-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentIndividualPlanNote(await addIndividualPlanNote(locals.db, requireApiActor(locals), params.planId, await readJson(request))), { status: 201 }));
