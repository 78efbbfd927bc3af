import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { introductionStatusLabel } from '$lib/server/introductions/rules';
import { addNote, introductionDetail, programmeMentors, setProgrammeMentor, tickStep } from '$lib/server/introductions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const introduction = await orErrorPage(() => introductionDetail(event.locals.db, actor, event.params.id));
	return { introduction, statusLabels: introductionStatusLabel, mentors: await programmeMentors(event.locals.db, actor, event.params.id) };
};

export const actions: Actions = {
	tick: savingAction('Steget är uppdaterat.', (e, v) => tickStep(e.locals.db, e.locals.actor!, e.params.id!, v)),
	note: savingAction('Anteckningen är sparad.', (e, v) => addNote(e.locals.db, e.locals.actor!, e.params.id!, v)),
	mentor: savingAction('Mentorn är vald. Mentorn ser nu programmet under Mina adepter.', (e, v) => setProgrammeMentor(e.locals.db, e.locals.actor!, e.params.id!, v))
};
