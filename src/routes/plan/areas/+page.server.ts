import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { areasToAdminister, createArea, setAreaRetired, updateArea } from '$lib/server/city-plan/areas';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { areas: await orErrorPage(() => areasToAdminister(event.locals.db, actor)) };
};

const action = (saved: string, work: (event: RequestEvent, values: Record<string, unknown>) => Promise<unknown>) => savingAction<RequestEvent>(saved, work);
const idOf = (values: Record<string, unknown>) => String(values.id ?? '');

export const actions: Actions = {
	create: action('Området är tillagt.', (e, v) => createArea(e.locals.db, e.locals.actor!, v)),
	update: action('Området är ändrat.', (e, v) => updateArea(e.locals.db, e.locals.actor!, idOf(v), v)),
	retire: action('Området är avslutat. Förvaltningarnas historik finns kvar.', (e, v) => setAreaRetired(e.locals.db, e.locals.actor!, idOf(v), true)),
	restore: action('Området är aktivt igen.', (e, v) => setAreaRetired(e.locals.db, e.locals.actor!, idOf(v), false))
};
