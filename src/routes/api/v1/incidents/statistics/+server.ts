import { json } from '@sveltejs/kit';
import { presentIncidentStatistics } from '$lib/server/api/presenters/incidents';
import { apiCall, requireApiActor } from '$lib/server/http';
import { now } from '$lib/server/clock';
import { incidentStatistics } from '$lib/server/incidents/statistics';
import type { RequestHandler } from './$types';

/** Counts of incidents by unit, form and year, through the anonymity rule (no details, no names). */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => json(presentIncidentStatistics(await incidentStatistics(locals.db, requireApiActor(locals), Object.fromEntries(url.searchParams), now()))));
