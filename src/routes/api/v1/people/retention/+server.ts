import { now } from '$lib/server/clock';
import { presentRetentionRun, presentRetentionStatus } from '$lib/server/api/presenters/people';
import { json } from '@sveltejs/kit';
import { apiCall, requireApiActor } from '$lib/server/http';
import { retentionStatus, runRetention } from '$lib/server/privacy/retention';
import type { RequestHandler } from './$types';

/** The retention setting, the rounds that are due and those already retained. */
export const GET: RequestHandler = ({ locals }) => apiCall(async () => json(presentRetentionStatus(await retentionStatus(locals.db, requireApiActor(locals)))));

/** Retains the due rounds now (it also runs by itself every quarter of an hour). */
export const POST: RequestHandler = (event) =>
	apiCall(async () => json(presentRetentionRun(await runRetention(event.locals.db, requireApiActor(event.locals), now(), undefined))));
