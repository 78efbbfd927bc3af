import { plansOfEmployee, plansOfManager } from '$lib/server/action-plans/service';
import { todayInStockholm } from '$lib/server/clock';
import { requireActor } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const db = event.locals.db;
	return {
		managed: (await plansOfManager(db, actor)).map(({ plan, employeeName }) => ({ ...plan, employeeName })),
		own: (await plansOfEmployee(db, actor)).map(({ plan, managerName }) => ({ ...plan, managerName })),
		today: todayInStockholm()
	};
};
