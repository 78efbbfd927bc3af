import { redirect } from '@sveltejs/kit';
import { createGroupPlan, prepareGroupPlan } from '$lib/server/group-plans/service';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { formToObject } from '$lib/server/validation';
import { todayInStockholm } from '$lib/server/clock';
import { addDays } from '$lib/time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const q = event.url.searchParams;
	const prepared = await orErrorPage(() => prepareGroupPlan(event.locals.db, actor, { unitId: q.get('unit'), roundId: q.get('round') }));
	return { ...prepared, defaultFollowUp: addDays(todayInStockholm(), 90) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData(), ['focusStatements', 'areaIds']);
		const result = await formAction(values, () => createGroupPlan(event.locals.db, actor, values));
		if ('id' in result) redirect(303, `/group-plans/${result.id}?created=1`);
		return result;
	}
};
