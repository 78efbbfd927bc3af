import { redirect } from '@sveltejs/kit';
import { orErrorPage, requireActor } from '$lib/server/http';
import { planEntry } from '$lib/server/city-plan/service';
import type { PageServerLoad } from './$types';

/** Straight to one's own förvaltning's plan; a list for those who read several. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { forvaltningar, matrix } = await orErrorPage(() => planEntry(event.locals.db, actor));
	if (forvaltningar.length === 1 && !matrix) redirect(303, `/plan/${forvaltningar[0].id}`);
	return { forvaltningar, matrix };
};
