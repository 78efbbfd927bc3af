import { exportAudit } from '$lib/server/audit/search';
import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The search of /admin/audit as CSV (?format=csv, the default) or Excel (?format=xlsx). */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const { format, ...params } = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	const table = await orErrorPage(() => exportAudit(event.locals.db, actor, params));
	return exportResponse(table, format === 'xlsx' ? 'xlsx' : 'csv', { filenameBase: 'lagesbild granskningslogg' });
};
