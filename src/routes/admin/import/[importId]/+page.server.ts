import { redirect } from '@sveltejs/kit';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { pageOf } from '$lib/server/import/guard';
import { applyImport, getImport } from '$lib/server/import/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/** Rows per page of each detail list: a preview of thousands of changes stays a short page. */
const PAGE_SIZE = 100;

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { plan, ...imp } = await orErrorPage(() => getImport(event.locals.db, actor, event.params.importId));
	const params = event.url.searchParams;
	const page = <T>(key: string, list: T[]) => pageOf(list, Number(params.get(key) ?? 1), PAGE_SIZE);
	return {
		imp,
		plan: plan && {
			scope: plan.scope,
			fingerprint: plan.fingerprint,
			byForvaltning: plan.byForvaltning,
			lists: {
				newUnits: page('newUnits', plan.newUnits),
				newPeople: page('newPeople', plan.newPeople),
				moved: page('moved', plan.moved),
				changed: page('changed', plan.changed),
				reactivated: page('reactivated', plan.reactivated),
				roles: page('roles', plan.roles),
				leavers: page('leavers', plan.leavers),
				kept: page('kept', plan.kept),
				releasedEmails: page('releasedEmails', plan.releasedEmails)
			}
		},
		/** The list being paged is shown open. */
		openList: [...params.keys()].find((k) => k !== 'applied') ?? null,
		applied: params.has('applied')
	};
};

export const actions: Actions = {
	apply: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		const result = await formAction(values, () => applyImport(event.locals.db, actor, event.params.importId, values));
		if ('importId' in result) redirect(303, `/admin/import/${result.importId}?applied=1`);
		return result;
	}
};
