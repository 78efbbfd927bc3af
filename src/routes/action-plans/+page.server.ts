import { individualPlansOfEmployee, individualPlansOfManager } from '$lib/server/individual-plans/service';
import { groupPlansFor, groupsToLead } from '$lib/server/group-plans/service';
import { todayInStockholm } from '$lib/server/clock';
import { requireActor } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const db = event.locals.db;
	return {
		managed: (await individualPlansOfManager(db, actor)).map(({ plan, employeeName }) => ({ ...plan, employeeName })),
		own: (await individualPlansOfEmployee(db, actor)).map(({ plan, managerName }) => ({ ...plan, managerName })),
		groupPlans: await groupPlansFor(db, actor),
		leadsGroups: (await groupsToLead(db, actor)).length > 0,
		today: todayInStockholm()
	};
};
