import { audit } from '$lib/server/audit/audit';
import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { teamTable } from '$lib/server/team/export';
import { teamView } from '$lib/server/team/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const view = await orErrorPage(() => teamView(event.locals.db, actor, event.url.searchParams.get('round') ?? ''));
	await audit(event.locals.db, actor, { action: 'export.named_answers', subjectType: 'round', subjectId: view.round.id, detail: { format } });
	return exportResponse(teamTable(view), format, { filenameBase: `lagesbild min personal ${view.round.name}` });
};
