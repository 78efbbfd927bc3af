import { orErrorPage, requireActor } from '$lib/server/http';
import { indicatorDashboard } from '$lib/server/indicators/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const query = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	return { dashboard: await orErrorPage(() => indicatorDashboard(event.locals.db, actor, query)) };
};
