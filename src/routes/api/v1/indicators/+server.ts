import { json } from '@sveltejs/kit';
import { presentIndicators } from '$lib/server/api/presenters/indicators';
import { notFound } from '$lib/server/errors';
import { apiCall, requireApiActor } from '$lib/server/http';
import { listIndicators, readableUnits } from '$lib/server/indicators/service';
import type { RequestHandler } from './$types';

/** The indicators and the units whose figures the caller reads. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const units = await readableUnits(locals.db, actor);
		if (units.length === 0) throw notFound('Indikatorerna');
		return json(presentIndicators({ indicators: await listIndicators(locals.db), units }));
	});
