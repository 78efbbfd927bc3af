import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { listAreas } from '$lib/server/city-plan/areas';
import { createMeasure, measuresToAdminister, setMeasureRetired, updateMeasure } from '$lib/server/measures/service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const measures = await orErrorPage(() => measuresToAdminister(event.locals.db, actor));
	return { measures, areas: (await listAreas(event.locals.db)).map((a) => ({ id: a.id, title: a.title, position: a.position })) };
};

const action = (saved: string, work: (event: RequestEvent, values: Record<string, unknown>) => Promise<unknown>) => savingAction<RequestEvent>(saved, work, ['areaIds']);
const idOf = (values: Record<string, unknown>) => String(values.id ?? '');

export const actions: Actions = {
	create: action('Åtgärden är tillagd och föreslås nu när en chef erbjuder en handlingsplan.', (e, v) => createMeasure(e.locals.db, e.locals.actor!, v)),
	update: action('Åtgärden är ändrad.', (e, v) => updateMeasure(e.locals.db, e.locals.actor!, idOf(v), v)),
	retire: action('Åtgärden föreslås inte längre. Planer som redan har den behåller sin text.', (e, v) => setMeasureRetired(e.locals.db, e.locals.actor!, idOf(v), true)),
	restore: action('Åtgärden föreslås igen.', (e, v) => setMeasureRetired(e.locals.db, e.locals.actor!, idOf(v), false))
};
