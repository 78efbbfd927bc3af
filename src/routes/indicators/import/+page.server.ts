import { fail } from '@sveltejs/kit';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { applyImport, importInfo, previewImport } from '$lib/server/indicators/import-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { info: await orErrorPage(() => importInfo(event.locals.db, actor)) };
};

export const actions: Actions = {
	preview: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { message: 'Välj en fil att läsa in.', fieldErrors: { file: 'Välj en CSV- eller Excel-fil.' }, values: {} });
		}
		const bytes = new Uint8Array(await file.arrayBuffer());
		const result = await formAction({}, () => previewImport(event.locals.db, actor, { name: file.name, bytes }));
		if (!('problems' in result)) return result;
		if (result.problems.length > 0) return fail(400, { message: 'Filen har fel och har inte lästs in. Inget är sparat.', preview: result, fieldErrors: {}, values: {} });
		return { preview: result };
	},
	apply: async (event) => {
		const actor = requireActor(event);
		const data = await event.request.formData();
		const importId = String(data.get('importId') ?? '');
		return formAction({}, async () => {
			const applied = await applyImport(event.locals.db, actor, importId);
			return { applied };
		});
	}
};
