import { error } from '@sveltejs/kit';
import { isAdmin } from '$lib/server/access/policy';
import { requireActor } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/** The administrators' landing page: only a list of the admin pages, so it loads nothing. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	if (!isAdmin(actor)) error(404, 'Sidan finns inte.');
	return {};
};
