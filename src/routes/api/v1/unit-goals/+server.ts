import { json } from '@sveltejs/kit';
import { presentCompilation } from '$lib/server/api/presenters/unit-goals';
import { apiCall, requireApiActor } from '$lib/server/http';
import { compilation } from '$lib/server/unit-goals/service';
import type { RequestHandler } from './$types';

/** ?unit=…&period=2026-T2 | 2026 | from..to */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => json(presentCompilation(await compilation(locals.db, requireApiActor(locals), { unit: url.searchParams.get('unit'), period: url.searchParams.get('period') }))));
