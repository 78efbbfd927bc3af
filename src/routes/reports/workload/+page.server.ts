import { orErrorPage, requireActor } from '$lib/server/http';
import { monthlyWorkload } from '$lib/server/workload/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { view: await orErrorPage(() => monthlyWorkload(event.locals.db, actor, { unit: event.url.searchParams.get('unit') })) };
};
