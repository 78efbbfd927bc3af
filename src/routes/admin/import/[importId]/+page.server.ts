import { redirect } from '@sveltejs/kit';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { applyImport, getImport } from '$lib/server/import/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const imp = await orErrorPage(() => getImport(event.locals.db, actor, event.params.importId));
	return { imp, applied: event.url.searchParams.has('applied') };
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
