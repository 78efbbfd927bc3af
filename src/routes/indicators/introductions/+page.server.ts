import { todayInStockholm } from '$lib/server/clock';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { introductionFigures, introductionFigureUnits, saveIntroductionFigures } from '$lib/server/introductions/indicators';
import { semesterLabel, semesterOf } from '$lib/server/introductions/rules';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/** This semester and the three before it: what is usually counted. */
function semesters(today: string) {
	const year = Number(today.slice(0, 4));
	return [`${year}-HT`, `${year}-VT`, `${year - 1}-HT`, `${year - 1}-VT`].map((key) => ({ key, label: semesterLabel(key) }));
}

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const db = event.locals.db;
	const units = await orErrorPage(() => introductionFigureUnits(db, actor));
	const today = todayInStockholm();
	const unit = event.url.searchParams.get('unit') || units[0].id;
	const period = event.url.searchParams.get('period') || semesterOf(today);
	const figures = await orErrorPage(() => introductionFigures(db, actor, { unit, period }));
	return { units, semesters: semesters(today), figures };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			const saved = await saveIntroductionFigures(event.locals.db, actor, values);
			return { saved: `Värdena för ${saved.periodLabel} är sparade som ${saved.unit.name}s indikatorvärden.` };
		});
	}
};
