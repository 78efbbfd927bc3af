import { json } from '@sveltejs/kit';
import { presentSuggestion } from '$lib/server/api/presenters/city-plan';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { addSuggestion } from '$lib/server/city-plan/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentSuggestion(await addSuggestion(locals.db, requireApiActor(locals), params.forvaltningId, await readJson(request))), { status: 201 }));
