import { todayInStockholm } from '$lib/server/clock';
import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { checklistFromForm } from '$lib/server/unit-goals/rules';
import { checklistForm, fillChecklist, myChecklists } from '$lib/server/unit-goals/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const form = await orErrorPage(() => checklistForm(event.locals.db, actor));
	return { ...form, mine: await myChecklists(event.locals.db, actor, 20), today: todayInStockholm() };
};

export const actions: Actions = {
	fill: savingAction('Checklistan är sparad. Tack!', (e, v) => fillChecklist(e.locals.db, e.locals.actor!, checklistFromForm(v)))
};
