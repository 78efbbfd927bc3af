import { json } from '@sveltejs/kit';
import { presentTeamWorkload } from '$lib/server/api/presenters/workload';
import { apiCall, requireApiActor } from '$lib/server/http';
import { teamWorkload } from '$lib/server/workload/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => apiCall(async () => json(presentTeamWorkload({ members: await teamWorkload(locals.db, requireApiActor(locals)) })));
