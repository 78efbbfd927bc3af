import { buildReport } from '$lib/server/reports/service';
import { orErrorPage, requireActor } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const params = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	return { report: await orErrorPage(() => buildReport(event.locals.db, actor, params, { themes: true })), query: event.url.search };
};
