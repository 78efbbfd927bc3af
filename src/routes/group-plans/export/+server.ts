import { audit } from '$lib/server/audit/audit';
import { exportResponse } from '$lib/server/export/table-export';
import { groupPlansTable } from '$lib/server/group-plans/export';
import { requireActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const table = await groupPlansTable(event.locals.db, actor);
	await audit(event.locals.db, actor, { action: 'export.group_plans', detail: { format, rows: table.rows.length } });
	return exportResponse(table, format, { filenameBase: 'lagesbild gruppernas handlingsplaner' });
};
