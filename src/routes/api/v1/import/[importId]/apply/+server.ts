import { json } from '@sveltejs/kit';
import { presentAppliedImport } from '$lib/server/api/presenters/import';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { applyImport } from '$lib/server/import/service';
import type { RequestHandler } from './$types';

/** Applies a dry run, if the plan is still the one with this fingerprint. */
export const POST: RequestHandler = (event) =>
	apiCall(async () => {
		const result = await applyImport(event.locals.db, requireApiActor(event.locals), event.params.importId, await readJson(event.request));
		return json(presentAppliedImport({ applied: true, importId: result.importId, summary: result.plan.summary }));
	});
