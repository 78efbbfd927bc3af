import { json } from '@sveltejs/kit';
import { presentIndividualPlan, presentIndividualPlans } from '$lib/server/api/presenters/individual-plans';
import { offerIndividualPlan, individualPlansOfEmployee, individualPlansOfManager } from '$lib/server/individual-plans/service';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The caller's plans: those they follow up as manager, and their own. */
export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		return json(
			presentIndividualPlans({
				managed: (await individualPlansOfManager(locals.db, actor)).map(({ plan, employeeName }) => ({ ...plan, employeeName })),
				own: (await individualPlansOfEmployee(locals.db, actor)).map(({ plan, managerName }) => ({ ...plan, managerName }))
			})
		);
	});

export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		const plan = await offerIndividualPlan(locals.db, requireApiActor(locals), await readJson(request));
		return json(presentIndividualPlan(plan), { status: 201 });
	});
