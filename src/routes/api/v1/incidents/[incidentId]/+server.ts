import { json } from '@sveltejs/kit';
import { presentIncidentDetail } from '$lib/server/api/presenters/incidents';
import { apiCall, requireApiActor } from '$lib/server/http';
import { getIncident } from '$lib/server/incidents/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(async () => json(presentIncidentDetail(await getIncident(event.locals.db, requireApiActor(event.locals), event.params.incidentId))));
