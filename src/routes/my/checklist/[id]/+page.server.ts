import { redirect } from '@sveltejs/kit';
import { todayInStockholm } from '$lib/server/clock';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { checklistFromForm } from '$lib/server/unit-goals/rules';
import { checklistForm, deleteChecklist, ownChecklist, updateChecklist } from '$lib/server/unit-goals/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const form = await orErrorPage(() => checklistForm(event.locals.db, actor));
	const checklist = await orErrorPage(() => ownChecklist(event.locals.db, actor, event.params.id));
	return { ...form, checklist, today: todayInStockholm() };
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		const result = await formAction(values, () => updateChecklist(event.locals.db, actor, event.params.id, checklistFromForm(values)));
		if (result && 'status' in result) return result;
		redirect(303, '/my/checklist');
	},
	delete: async (event) => {
		const actor = requireActor(event);
		await formAction({}, () => deleteChecklist(event.locals.db, actor, event.params.id));
		redirect(303, '/my/checklist');
	}
};
