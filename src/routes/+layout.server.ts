import type { LayoutServerLoad } from './$types';
import { isDemo } from '$lib/server/startup';

export const load: LayoutServerLoad = async ({ locals }) => ({
	user: locals.actor ? { name: locals.actor.name, email: locals.actor.email } : null,
	permissions: locals.permissions,
	demo: await isDemo()
});
