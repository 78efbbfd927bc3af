import { orErrorPage, requireActor } from '$lib/server/http';
import { getPerson } from '$lib/server/privacy/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	return { person: await orErrorPage(() => getPerson(event.locals.db, actor, event.params.personId)) };
};
