import { orErrorPage, requireActor } from '$lib/server/http';
import { now } from '$lib/server/clock';
import { incidentStatistics } from '$lib/server/incidents/statistics';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const query = Object.fromEntries(event.url.searchParams);
	return { stats: await orErrorPage(() => incidentStatistics(event.locals.db, actor, query, now())) };
};
