import { exportResponse } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { importTemplate } from '$lib/server/indicators/import-service';
import type { RequestHandler } from './$types';

/** ?format=csv|xlsx: the columns of an import file with example rows. */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const table = await orErrorPage(() => importTemplate(event.locals.db, actor));
	return exportResponse(table, event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx', { filenameBase: 'lagesbild indikatorer mall' });
};
