import { json } from '@sveltejs/kit';
import { addIndividualPlanNote } from '$lib/server/individual-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(await addIndividualPlanNote(locals.db, requireApiActor(locals), params.planId, await readJson(request)), { status: 201 }));
