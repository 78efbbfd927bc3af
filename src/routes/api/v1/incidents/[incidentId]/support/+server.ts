import { json } from '@sveltejs/kit';
import { presentIncident } from '$lib/server/api/presenters/incidents';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { answerSupport } from '$lib/server/incidents/service';
import type { RequestHandler } from './$types';

/** The employee says whether the support after the incident was enough (and may change the answer). */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentIncident(await answerSupport(locals.db, requireApiActor(locals), params.incidentId, await readJson(request)))));
