import { audit } from '$lib/server/audit/audit';
import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { monthlyWorkloadTable } from '$lib/server/workload/export';
import { monthlyWorkload } from '$lib/server/workload/service';
import type { RequestHandler } from './$types';

/** ?unit=…&format=csv|xlsx */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const view = await orErrorPage(() => monthlyWorkload(event.locals.db, actor, { unit: event.url.searchParams.get('unit') }));
	const table = monthlyWorkloadTable(view);
	await audit(event.locals.db, actor, { action: 'export.workload', subjectType: 'org_unit', subjectId: view.unit.id, detail: { format } });
	return exportResponse(table, format, { filenameBase: `lagesbild ${table.title}` });
};
