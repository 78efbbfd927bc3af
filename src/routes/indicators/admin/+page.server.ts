import { redirect } from '@sveltejs/kit';
import { getBranding, saveBranding } from '$lib/server/board-report/branding';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { createIndicator, indicatorsToDefine } from '$lib/server/indicators/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const indicators = await orErrorPage(() => indicatorsToDefine(event.locals.db, actor));
	const branding = await getBranding(event.locals.db);
	return {
		indicators,
		branding: { name: branding.name, nameSet: branding.nameSet, logo: branding.logo ? `data:${branding.logo.mime};base64,${branding.logo.data.toString('base64')}` : null }
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData(), ['splits']);
		values.active = values.active === 'on';
		const result = await formAction(values, () => createIndicator(event.locals.db, actor, values));
		if ('key' in result) redirect(303, `/indicators/admin/${result.key}?created=1`);
		return result;
	},
	branding: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const file = data.get('logo');
		const logo = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
		const values = formToObject(data);
		delete values.logo;
		const result = await formAction(values, () => saveBranding(event.locals.db, actor, values, logo));
		if ('name' in result) return { values: { _form: 'branding' }, done: 'Kommunens namn och logotyp är sparade.' };
		return result;
	}
};
