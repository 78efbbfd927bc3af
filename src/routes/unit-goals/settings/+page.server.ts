import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { addGoal, addItem, archiveGoal, archiveItem, goalSettings, moveItem, updateGoal, updateItem } from '$lib/server/unit-goals/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { settings: await orErrorPage(() => goalSettings(event.locals.db, actor, event.url.searchParams.get('enhet'))) };
};

const id = (v: Record<string, unknown>) => String(v.id ?? '');
const enhet = (v: Record<string, unknown>) => String(v.enhetId ?? '');

export const actions: Actions = {
	addGoal: savingAction('Målet är tillagt. Lägg till frågorna som mäter det.', (e, v) => addGoal(e.locals.db, e.locals.actor!, enhet(v), v)),
	updateGoal: savingAction('Målet är ändrat.', (e, v) => updateGoal(e.locals.db, e.locals.actor!, id(v), v)),
	archiveGoal: savingAction('Målet följs inte längre upp. Det som redan sammanställts finns kvar.', (e, v) => archiveGoal(e.locals.db, e.locals.actor!, id(v))),
	addItem: savingAction('Frågan är tillagd i checklistan.', (e, v) => addItem(e.locals.db, e.locals.actor!, enhet(v), v)),
	updateItem: savingAction('Frågan är ändrad.', (e, v) => updateItem(e.locals.db, e.locals.actor!, id(v), v)),
	moveItem: savingAction('Frågan är flyttad.', (e, v) => moveItem(e.locals.db, e.locals.actor!, id(v), v)),
	archiveItem: savingAction('Frågan är borttagen ur checklistan. Tidigare svar finns kvar i sammanställningen.', (e, v) => archiveItem(e.locals.db, e.locals.actor!, id(v)))
};
