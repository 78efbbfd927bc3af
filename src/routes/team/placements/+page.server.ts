import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { semesterLabel, semesterOf } from '$lib/server/introductions/rules';
import { enhetPlacements, recordPlacement, removePlacement } from '$lib/server/introductions/service';
import { todayInStockholm } from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const view = await orErrorPage(() => enhetPlacements(event.locals.db, actor, { unit: event.url.searchParams.get('unit') }));
	// This semester, the two before it and the next: what is usually recorded.
	const year = Number(todayInStockholm().slice(0, 4));
	const current = semesterOf(todayInStockholm());
	const semesters = [`${year + 1}-VT`, `${year}-HT`, `${year}-VT`, `${year - 1}-HT`, `${year - 1}-VT`].map((key) => ({ key, label: semesterLabel(key) }));
	return { ...view, semesters, current, semesterLabels: Object.fromEntries(view.placements.map((p) => [p.semester, semesterLabel(p.semester)])) };
};

const unit = (e: { url: URL }) => e.url.searchParams.get('unit');

export const actions: Actions = {
	record: savingAction('Raden är sparad.', (e, v) => recordPlacement(e.locals.db, e.locals.actor!, unit(e), v)),
	remove: savingAction('Raden är borttagen.', (e, v) => removePlacement(e.locals.db, e.locals.actor!, unit(e), v))
};
