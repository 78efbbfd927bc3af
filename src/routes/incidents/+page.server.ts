import { yearInStockholm } from '$lib/server/clock';
import { requireActor } from '$lib/server/http';
import { listIncidents } from '$lib/server/incidents/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { list: await listIncidents(event.locals.db, actor), thisYear: yearInStockholm() };
};
