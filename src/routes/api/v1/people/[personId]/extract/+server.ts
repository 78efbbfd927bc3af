import { json } from '@sveltejs/kit';
import { presentRegisterExtract } from '$lib/server/api/presenters/people';
import { apiCall, requireApiActor } from '$lib/server/http';
import { registerExtract } from '$lib/server/privacy/extract';
import type { RequestHandler } from './$types';

/** Everything stored about one person (GDPR art. 15); taking it is logged. */
export const GET: RequestHandler = (event) =>
	apiCall(async () => json(presentRegisterExtract(await registerExtract(event.locals.db, requireApiActor(event.locals), event.params.personId, 'json'))));
