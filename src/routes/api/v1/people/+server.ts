import { json } from '@sveltejs/kit';
import { apiCall, requireApiActor } from '$lib/server/http';
import { searchPeople } from '$lib/server/privacy/people';
import type { RequestHandler } from './$types';

/** People by name, e-mail or anställningsnummer (?q=). */
export const GET: RequestHandler = ({ locals, url }) => apiCall(async () => json(await searchPeople(locals.db, requireApiActor(locals), { q: url.searchParams.get('q') ?? '' })));
