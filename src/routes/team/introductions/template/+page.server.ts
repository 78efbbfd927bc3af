import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { MAX_DUE_WEEK } from '$lib/server/introductions/rules';
import { addTemplateStep, endMentorRole, enhetSetup, giveMentorRole, removeTemplateStep } from '$lib/server/introductions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const setup = await orErrorPage(() => enhetSetup(event.locals.db, actor, { unit: event.url.searchParams.get('unit') }));
	return { ...setup, maxWeek: MAX_DUE_WEEK };
};

const unit = (e: { url: URL }) => e.url.searchParams.get('unit');

export const actions: Actions = {
	addStep: savingAction('Steget är tillagt i mallen.', (e, v) => addTemplateStep(e.locals.db, e.locals.actor!, unit(e), v)),
	removeStep: savingAction('Steget är borttaget ur mallen. Program som redan har startat behåller det.', (e, v) => removeTemplateStep(e.locals.db, e.locals.actor!, unit(e), v)),
	giveMentor: savingAction('Mentorsrollen är given.', (e, v) => giveMentorRole(e.locals.db, e.locals.actor!, unit(e), v)),
	endMentor: savingAction('Mentorsrollen är avslutad. Pågående program behåller sin mentor tills du byter.', (e, v) => endMentorRole(e.locals.db, e.locals.actor!, unit(e), v))
};
