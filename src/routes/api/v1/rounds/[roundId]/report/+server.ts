import { json } from '@sveltejs/kit';
import { presentReport } from '$lib/server/api/presenters/reports';
import { apiCall, requireApiActor } from '$lib/server/http';
import { buildReport } from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const query = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
		const report = await buildReport(locals.db, actor, { ...query, round: params.roundId }, { themes: true });
		return json(presentReport(report));
	});
