import { redirect } from '@sveltejs/kit';
import { todayInStockholm } from '$lib/server/clock';
import { formAction, requireActor } from '$lib/server/http';
import { reportableStaff, reportIncident } from '$lib/server/incidents/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return {
		staff: await reportableStaff(event.locals.db, actor),
		me: { id: actor.personId, name: actor.name, activityArea: actor.activityArea },
		today: todayInStockholm()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		const result = await formAction(values, () => reportIncident(event.locals.db, actor, values));
		if ('id' in result) redirect(303, `/incidents/${result.id}?reported=1`);
		return result;
	}
};
