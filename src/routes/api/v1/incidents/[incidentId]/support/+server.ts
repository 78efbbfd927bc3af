import { json } from '@sveltejs/kit';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { answerSupport } from '$lib/server/incidents/service';
import type { RequestHandler } from './$types';

/** The employee says whether the support after the incident was enough (and may change the answer). */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(await answerSupport(locals.db, requireApiActor(locals), params.incidentId, await readJson(request))));
