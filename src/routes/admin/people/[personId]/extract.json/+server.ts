import { contentDisposition, exportFilename } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';
import { registerExtract } from '$lib/server/privacy/extract';
import type { RequestHandler } from './$types';

/** The register extract as a JSON file to hand over (taking it is logged). */
export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const extract = await orErrorPage(() => registerExtract(event.locals.db, actor, event.params.personId, 'json'));
	return new Response(JSON.stringify(extract, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': contentDisposition(exportFilename(`registerutdrag ${extract.person.name}`, 'json')),
			'cache-control': 'private, no-store'
		}
	});
};
