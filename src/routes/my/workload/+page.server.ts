import { redirect } from '@sveltejs/kit';
import { formAction, orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { dismissWorkloadPrompt, myWorkload, rateWorkload } from '$lib/server/workload/service';
import { WORKLOAD_QUESTION, workloadLevelLabel } from '$lib/server/workload/rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const ratings = await orErrorPage(() => myWorkload(event.locals.db, actor));
	return { ratings, question: WORKLOAD_QUESTION, labels: workloadLevelLabel };
};

export const actions: Actions = {
	rate: savingAction('Tack! Din gradering är sparad. Din närmaste chef ser den inför era ärendegenomgångar.', (e, v) => rateWorkload(e.locals.db, e.locals.actor!, v)),
	/** "Inte nu" on the start page: the weekly question rests until next week. */
	dismiss: async (event) => {
		const actor = requireActor(event);
		await formAction({}, () => dismissWorkloadPrompt(event.locals.db, actor));
		redirect(303, '/');
	}
};
