import { json } from '@sveltejs/kit';
import { presentMyWorkload, presentWorkloadRating } from '$lib/server/api/presenters/workload';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { myWorkload, rateWorkload } from '$lib/server/workload/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => apiCall(async () => json(presentMyWorkload({ ratings: await myWorkload(locals.db, requireApiActor(locals)) })));

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => json(presentWorkloadRating(await rateWorkload(locals.db, requireApiActor(locals), await readJson(request))), { status: 201 }));
