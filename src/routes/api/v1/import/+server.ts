import { json } from '@sveltejs/kit';
import { presentImportRefused, presentImportResult, presentImports } from '$lib/server/api/presenters/import';
import { apiCall, requireApiActor } from '$lib/server/http';
import { readImportRequest } from '$lib/server/import/request';
import { importNow, listImports, MAX_ERRORS_SHOWN, previewImport, type PreviewResult } from '$lib/server/import/service';
import type { RequestHandler } from './$types';

/** The latest imports. */
export const GET: RequestHandler = ({ locals }) => apiCall(async () => json(presentImports({ imports: await listImports(locals.db, requireApiActor(locals)) })));

/** A dry run (dryRun=true: nothing changes, the plan is returned and kept for /apply), or the whole import at once. */
export const POST: RequestHandler = (event) =>
	apiCall(async () => {
		const actor = requireApiActor(event.locals);
		const { source, options, dryRun } = await readImportRequest(event.request, event.url);
		const result: PreviewResult & { applied?: boolean } = dryRun
			? await previewImport(event.locals.db, actor, source, options)
			: await importNow(event.locals.db, actor, source, options);
		if (result.errors.length > 0) {
			const n = result.errors.length;
			const message = `${n === 1 ? 'Filen har ett fel' : `Filen har ${n} fel`}. Ingenting är inläst.`;
			return json(presentImportRefused({ error: { code: 'invalid', message, fields: {}, rows: result.errors.slice(0, MAX_ERRORS_SHOWN), rowCount: n } }), { status: 400 });
		}
		const { importId, plan, guard, format, encoding, ignoredColumns } = result;
		return json(presentImportResult({ dryRun, applied: !dryRun, importId, format, encoding, ignoredColumns, plan, guard }), { status: dryRun ? 200 : 201 });
	});
