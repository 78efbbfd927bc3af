import { json } from '@sveltejs/kit';
import { presentStoredImport } from '$lib/server/api/presenters/import';
import { apiCall, requireApiActor } from '$lib/server/http';
import { getImport } from '$lib/server/import/service';
import type { RequestHandler } from './$types';

/** A stored import; for a dry run not yet applied, its plan as it would be now. */
export const GET: RequestHandler = ({ locals, params }) => apiCall(async () => json(presentStoredImport(await getImport(locals.db, requireApiActor(locals), params.importId))));
