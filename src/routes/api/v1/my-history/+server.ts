import { json } from '@sveltejs/kit';
import { presentMyHistory } from '$lib/server/api/presenters/rounds';
import { apiCall, requireApiActor } from '$lib/server/http';
import { myHistory } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

/** The caller's own answers over all rounds, oldest first. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => json(presentMyHistory({ history: await myHistory(locals.db, requireApiActor(locals)) })));
