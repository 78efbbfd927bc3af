import { json } from '@sveltejs/kit';
import { presentIntroductionList, presentStarted } from '$lib/server/api/presenters/introductions';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { startIntroduction, teamIntroductions } from '$lib/server/introductions/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => apiCall(async () => json(presentIntroductionList(await teamIntroductions(locals.db, requireApiActor(locals)))));

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => json(presentStarted(await startIntroduction(locals.db, requireApiActor(locals), await readJson(request))), { status: 201 }));
