import { fail, redirect } from '@sveltejs/kit';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { importChoices, listImports, MAX_ERRORS_SHOWN, previewImport } from '$lib/server/import/service';
import { invalid } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return orErrorPage(async () => ({ ...(await importChoices(event.locals.db, actor)), imports: await listImports(event.locals.db, actor) }));
};

export const actions: Actions = {
	preview: async (event) => {
		const actor = requireActor(event);
		const form = await event.request.formData();
		const file = form.get('file');
		const values = { scope: form.get('scope') ? String(form.get('scope')) : undefined, kommun: form.get('kommun') ? String(form.get('kommun')) : undefined };
		const result = await formAction(values, async () => {
			if (!(file instanceof File) || file.size === 0) throw invalid('Välj en fil att läsa in.', { file: 'Välj en fil (CSV eller Excel) att läsa in.' });
			return previewImport(event.locals.db, actor, { kind: 'file', fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, values);
		});
		if (!('importId' in result)) return result;
		if (result.importId) redirect(303, `/admin/import/${result.importId}`);
		const n = result.errors.length;
		return fail(400, {
			message: `${n === 1 ? 'Filen har ett fel' : `Filen har ${n} fel`}. Ingenting är inläst. Rätta filen och ladda upp den igen.`,
			fieldErrors: {} as Record<string, string>,
			values,
			fileName: file instanceof File ? file.name : '',
			rowErrors: result.errors.slice(0, MAX_ERRORS_SHOWN),
			errorCount: n
		});
	}
};
