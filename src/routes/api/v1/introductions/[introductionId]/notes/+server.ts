import { json } from '@sveltejs/kit';
import { presentStarted } from '$lib/server/api/presenters/introductions';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { addNote } from '$lib/server/introductions/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentStarted(await addNote(locals.db, requireApiActor(locals), params.introductionId, await readJson(request))), { status: 201 }));
