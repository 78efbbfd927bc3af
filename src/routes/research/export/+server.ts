import { audit } from '$lib/server/audit/audit';
import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { researchTable } from '$lib/server/research/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const q = event.url.searchParams;
	const format = q.get('format') === 'csv' ? 'csv' : 'xlsx';
	const table = await orErrorPage(() => researchTable(event.locals.db, actor, { unit: q.get('unit') || undefined, round: q.get('round') || undefined }));
	await audit(event.locals.db, actor, { action: 'export.research', detail: { format, rows: table.rows.length, title: table.title } });
	return exportResponse(table, format, { filenameBase: `lagesbild ${table.title}` });
};
