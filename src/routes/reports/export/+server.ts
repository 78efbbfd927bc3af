import { audit } from '$lib/server/audit/audit';
import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { reportTable, trendTable } from '$lib/server/reports/export';
import { buildReport } from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

/** ?format=csv|xlsx&view=round|trend plus the report's own parameters. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const { format: formatParam, view, ...params } = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	const format = formatParam === 'csv' ? 'csv' : 'xlsx';
	// Exports carry figures only, never the motivations: skip reading them.
	const report = await orErrorPage(() => buildReport(event.locals.db, actor, params, { texts: false }));
	const table = view === 'trend' ? trendTable(report) : reportTable(report);
	await audit(event.locals.db, actor, { action: 'export.report', subjectType: 'org_unit', subjectId: report.unit.id, detail: { format, view: view ?? 'round', round: report.round?.id } });
	return exportResponse(table, format, { filenameBase: `lagesbild ${table.title}` });
};
