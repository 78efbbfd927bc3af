import { audit } from '$lib/server/audit/audit';
import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { compilationTable } from '$lib/server/unit-goals/export';
import { compilation } from '$lib/server/unit-goals/service';
import type { RequestHandler } from './$types';

/** ?unit=…&period=…&format=csv|xlsx — the groups' figures, never per person. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const q = event.url.searchParams;
	const view = await orErrorPage(() => compilation(event.locals.db, actor, { unit: q.get('unit'), period: q.get('period') }, undefined, { perPerson: false }));
	const table = compilationTable(view);
	await audit(event.locals.db, actor, { action: 'export.unit_goals', subjectType: 'org_unit', subjectId: view.unit.id, detail: { format, period: view.period.key } });
	return exportResponse(table, format, { filenameBase: `lagesbild ${table.title}` });
};
