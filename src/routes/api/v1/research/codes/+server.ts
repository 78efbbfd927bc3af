import { json } from '@sveltejs/kit';
import { presentResearchCode } from '$lib/server/api/presenters/research';
import { createCode } from '$lib/server/research/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => json(presentResearchCode(await createCode(locals.db, requireApiActor(locals), await readJson(request))), { status: 201 }));
