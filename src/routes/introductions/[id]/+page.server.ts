import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { introductionStatusLabel } from '$lib/server/introductions/rules';
import { addNote, introductionDetail, tickStep } from '$lib/server/introductions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const introduction = await orErrorPage(() => introductionDetail(event.locals.db, actor, event.params.id));
	return { introduction, statusLabels: introductionStatusLabel };
};

export const actions: Actions = {
	tick: savingAction('Steget är uppdaterat.', (e, v) => tickStep(e.locals.db, e.locals.actor!, e.params.id!, v)),
	note: savingAction('Anteckningen är sparad.', (e, v) => addNote(e.locals.db, e.locals.actor!, e.params.id!, v))
};
