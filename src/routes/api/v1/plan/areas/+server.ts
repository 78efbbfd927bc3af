import { json } from '@sveltejs/kit';
import { presentArea, presentAreas } from '$lib/server/api/presenters/city-plan';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { createArea, listAreas } from '$lib/server/city-plan/areas';
import type { RequestHandler } from './$types';

/** The areas of the plan; `?retired=1` includes retired ones. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		requireApiActor(locals);
		return json(presentAreas(await listAreas(locals.db, { includeRetired: url.searchParams.get('retired') === '1' })));
	});

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => json(presentArea(await createArea(locals.db, requireApiActor(locals), await readJson(request))), { status: 201 }));
