import { json } from '@sveltejs/kit';
import { presentIndicatorDetail } from '$lib/server/api/presenters/indicators';
import { apiCall, requireApiActor } from '$lib/server/http';
import { indicatorDetail } from '$lib/server/indicators/dashboard';
import type { RequestHandler } from './$types';

/** One indicator for a unit (?unit=): the series over time, splits, comparison, history. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const query = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
		return json(presentIndicatorDetail(await indicatorDetail(locals.db, actor, params.key, query)));
	});
