import { json } from '@sveltejs/kit';
import { addNote } from '$lib/server/action-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(await addNote(locals.db, requireApiActor(locals), params.planId, await readJson(request)), { status: 201 }));
