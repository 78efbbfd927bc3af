import { orErrorPage, requireActor } from '$lib/server/http';
import { planMatrix } from '$lib/server/city-plan/matrix';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const query = Object.fromEntries(event.url.searchParams);
	return { matrix: await orErrorPage(() => planMatrix(event.locals.db, actor, query)) };
};
