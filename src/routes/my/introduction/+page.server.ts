import { orErrorPage, requireActor } from '$lib/server/http';
import { introductionStatusLabel } from '$lib/server/introductions/rules';
import { mentoredIntroductions, myIntroduction } from '$lib/server/introductions/service';
import type { PageServerLoad } from './$types';

/** The new employee's own programme, and the programmes the person mentors. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const db = event.locals.db;
	return {
		introduction: await orErrorPage(() => myIntroduction(db, actor)),
		mentored: await orErrorPage(() => mentoredIntroductions(db, actor)),
		statusLabels: introductionStatusLabel
	};
};
