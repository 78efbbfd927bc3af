import { json } from '@sveltejs/kit';
import { presentPlanOverview } from '$lib/server/api/presenters/city-plan';
import { apiCall, requireApiActor } from '$lib/server/http';
import { getPlanOverview } from '$lib/server/city-plan/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) =>
	apiCall(async () => json(presentPlanOverview(await getPlanOverview(locals.db, requireApiActor(locals), params.forvaltningId))));
