import { json } from '@sveltejs/kit';
import { presentCoded } from '$lib/server/api/presenters/research';
import { setTextCodes } from '$lib/server/research/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Sets the codes of one text, replacing what it had. */
export const PUT: RequestHandler = ({ locals, request }) =>
	apiCall(async () => json(presentCoded({ codeIds: await setTextCodes(locals.db, requireApiActor(locals), await readJson(request)) })));
