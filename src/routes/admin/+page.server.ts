import { requireAdministrator } from '$lib/server/access/gate';
import { orErrorPage, requireActor } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/** The administrators' landing page: only a list of the admin pages, so it loads nothing. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	await orErrorPage(async () => requireAdministrator(actor));
	return {};
};
