import { audit } from '$lib/server/audit/audit';
import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { introductionsTable } from '$lib/server/introductions/export';
import { teamIntroductions } from '$lib/server/introductions/service';
import type { RequestHandler } from './$types';

/** ?format=csv|xlsx: the nearest manager's programmes, by name (audited). */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const view = await orErrorPage(() => teamIntroductions(event.locals.db, actor));
	await audit(event.locals.db, actor, { action: 'export.introductions', detail: { format, introductions: view.introductions.length } });
	return exportResponse(introductionsTable(view.introductions), format, { filenameBase: 'lagesbild introduktionsprogram' });
};
