import { orErrorPage, requireActor } from '$lib/server/http';
import { individualPlanCounts } from '$lib/server/individual-plans/counts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { counts: await orErrorPage(() => individualPlanCounts(event.locals.db, actor, { unit: event.url.searchParams.get('unit') })) };
};
