import { redirect } from '@sveltejs/kit';
import { yearInStockholm } from '$lib/server/clock';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { unitsOfKind } from '$lib/server/org/service';
import { createRound, roundsOverview } from '$lib/server/rounds/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const rounds = await orErrorPage(() => roundsOverview(event.locals.db, actor));
	return {
		rounds: rounds.map((r) => ({ id: r.id, name: r.name, status: r.status, opensAt: r.opensAt, closesAt: r.closesAt, unitCount: r.units.length, progress: r.progress })),
		forvaltningar: (await unitsOfKind(event.locals.db, 'forvaltning')).map((u) => ({ id: u.id, name: u.name })),
		year: yearInStockholm()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData(), ['unitIds']);
		const result = await formAction(values, () => createRound(event.locals.db, actor, values));
		if ('id' in result) redirect(303, `/admin/rounds/${result.id}?created=1`);
		return result;
	}
};
