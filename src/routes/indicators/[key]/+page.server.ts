import { orErrorPage, requireActor } from '$lib/server/http';
import { indicatorDetail } from '$lib/server/indicators/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const query = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	return { detail: await orErrorPage(() => indicatorDetail(event.locals.db, actor, event.params.key, query)) };
};
