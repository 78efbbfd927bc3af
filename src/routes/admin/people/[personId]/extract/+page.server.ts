import { orErrorPage, requireActor } from '$lib/server/http';
import { registerExtract } from '$lib/server/privacy/extract';
import type { PageServerLoad } from './$types';

/** The register extract, readable (taking it is logged). */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { extract: await orErrorPage(() => registerExtract(event.locals.db, actor, event.params.personId, 'page')) };
};
