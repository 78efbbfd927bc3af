import { redirect } from '@sveltejs/kit';
import { boardReport, saveBoardReportTexts } from '$lib/server/board-report/service';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const query = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	const { logo, ...report } = await orErrorPage(() => boardReport(event.locals.db, actor, query));
	return { report: { ...report, hasLogo: logo !== null }, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		const result = await formAction(values, () => saveBoardReportTexts(event.locals.db, actor, values));
		if ('unit' in result) redirect(303, `/indicators/report?unit=${result.unit.id}&period=${encodeURIComponent(`${result.period.kind} ${result.period.year}`)}&saved=1#texts`);
		return result;
	}
};
