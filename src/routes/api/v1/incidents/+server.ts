import { json } from '@sveltejs/kit';
import { presentIncident, presentIncidents } from '$lib/server/api/presenters/incidents';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { listIncidents, reportIncident } from '$lib/server/incidents/service';
import type { RequestHandler } from './$types';

/** The incidents the caller may read: their own, their staff's, and where the kommun designated them. */
export const GET: RequestHandler = (event) =>
	apiCall(async () => json(presentIncidents(await listIncidents(event.locals.db, requireApiActor(event.locals)))));

/** Reports an incident, for oneself or (a nearest manager) on behalf of own staff. */
export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => json(presentIncident(await reportIncident(locals.db, requireApiActor(locals), await readJson(request))), { status: 201 }));
