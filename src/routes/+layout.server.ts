import type { LayoutServerLoad } from './$types';
import { permissionsOf } from '$lib/server/access/policy';
import { isDemo } from '$lib/server/startup';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.actor ? { name: locals.actor.name, email: locals.actor.email } : null,
	// What the menu offers; computed for pages only, not for every API call.
	permissions: locals.actor ? permissionsOf(locals.actor) : null,
	demo: await isDemo()
});
