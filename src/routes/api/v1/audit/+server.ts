import { json } from '@sveltejs/kit';
import { presentAuditSearch } from '$lib/server/api/presenters/audit';
import { exportAudit, searchAudit } from '$lib/server/audit/search';
import { exportResponse } from '$lib/server/export/table-export';
import { apiCall, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Search the audit log (?who, action, from, to, subject, page); ?format=csv or xlsx for all of it as a file (logged). */
export const GET: RequestHandler = (event) =>
	apiCall(async () => {
		const actor = requireApiActor(event.locals);
		const { format, ...params } = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
		if (format === 'csv' || format === 'xlsx') return exportResponse(await exportAudit(event.locals.db, actor, params), format, { filenameBase: 'lagesbild granskningslogg' });
		return json(presentAuditSearch(await searchAudit(event.locals.db, actor, params)));
	});
