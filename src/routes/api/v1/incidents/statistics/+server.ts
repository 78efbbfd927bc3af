import { json } from '@sveltejs/kit';
import { apiCall, requireApiActor } from '$lib/server/http';
import { appNow } from '$lib/server/clock';
import { incidentStatistics } from '$lib/server/incidents/statistics';
import type { RequestHandler } from './$types';

/** Counts of incidents by unit, form and year, through the anonymity rule (no details, no names). */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => json(await incidentStatistics(locals.db, requireApiActor(locals), Object.fromEntries(url.searchParams), appNow())));
