import { json } from '@sveltejs/kit';
import { presentPlanMatrix } from '$lib/server/api/presenters/city-plan';
import { apiCall, requireApiActor } from '$lib/server/http';
import { planMatrix } from '$lib/server/city-plan/matrix';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => json(presentPlanMatrix(await planMatrix(locals.db, requireApiActor(locals), Object.fromEntries(url.searchParams)))));
