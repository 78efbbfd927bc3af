import { error } from '@sveltejs/kit';
import { administersPlanAreas } from '$lib/server/access/policy';
import { formAction, requireActor } from '$lib/server/http';
import { createArea, listAreas, setAreaRetired, updateArea } from '$lib/server/plan/areas';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	if (!administersPlanAreas(actor)) error(404, 'Sidan finns inte.');
	return { areas: await listAreas(event.locals.db, { includeRetired: true }) };
};

function action(saved: string, work: (event: RequestEvent, values: Record<string, unknown>) => Promise<unknown>) {
	return async (event: RequestEvent) => {
		requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			await work(event, values);
			return { saved };
		});
	};
}
const idOf = (values: Record<string, unknown>) => String(values.id ?? '');

export const actions: Actions = {
	create: action('Området är tillagt.', (e, v) => createArea(e.locals.db, e.locals.actor!, v)),
	update: action('Området är ändrat.', (e, v) => updateArea(e.locals.db, e.locals.actor!, idOf(v), v)),
	retire: action('Området är avslutat. Förvaltningarnas historik finns kvar.', (e, v) => setAreaRetired(e.locals.db, e.locals.actor!, idOf(v), true)),
	restore: action('Området är aktivt igen.', (e, v) => setAreaRetired(e.locals.db, e.locals.actor!, idOf(v), false))
};
