import { json } from '@sveltejs/kit';
import { presentSavedEntries } from '$lib/server/api/presenters/indicators';
import { apiCall, apiError, readJson, requireApiActor } from '$lib/server/http';
import { saveEntries } from '$lib/server/indicators/service';
import type { RequestHandler } from './$types';

/** Saves a unit's figures for a report period; implausible jumps answer 409 until sent with confirm: true. */
export const PUT: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const result = await saveEntries(locals.db, actor, await readJson(request), 'api');
		if (result.needsConfirmation) {
			return apiError(409, 'conflict', 'Några värden skiljer sig mycket från förra perioden. Kontrollera dem och skicka igen med "confirm": true.', result.warnings);
		}
		return json(presentSavedEntries(result));
	});
