import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { incidentTable } from '$lib/server/incidents/rules';
import { exportIncidents } from '$lib/server/incidents/service';
import type { RequestHandler } from './$types';

/** The incidents the caller handles, in the shape of the kommun's work-injury reporting (CSV or Excel). */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const format = event.url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv';
	const year = Number(event.url.searchParams.get('year')) || null;
	const list = await orErrorPage(() => exportIncidents(event.locals.db, actor, { year }));
	const title = `Hot och våld ${year ?? 'alla år'}`;
	return exportResponse(incidentTable(list, title), format, { filenameBase: `lagesbild ${title}` });
};
