import { json } from '@sveltejs/kit';
import { presentPeopleSearch } from '$lib/server/api/presenters/people';
import { apiCall, requireApiActor } from '$lib/server/http';
import { searchPeople } from '$lib/server/privacy/people';
import type { RequestHandler } from './$types';

/** People by name, e-mail or anställningsnummer (?q=). */
export const GET: RequestHandler = ({ locals, url }) => apiCall(async () => json(presentPeopleSearch(await searchPeople(locals.db, requireApiActor(locals), { q: url.searchParams.get('q') ?? '' }))));
