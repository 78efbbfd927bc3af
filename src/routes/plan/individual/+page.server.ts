import { orErrorPage, requireActor } from '$lib/server/http';
import { planCounts } from '$lib/server/plan/individual';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { counts: await orErrorPage(() => planCounts(event.locals.db, actor, { unit: event.url.searchParams.get('unit') })) };
};
