import { error, redirect } from '@sveltejs/kit';
import { seesPlanMatrix } from '$lib/server/access/policy';
import { requireActor } from '$lib/server/http';
import { readableForvaltningar } from '$lib/server/plan/service';
import type { PageServerLoad } from './$types';

/** Straight to one's own förvaltning's plan; a list for those who read several. */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const forvaltningar = await readableForvaltningar(event.locals.db, actor);
	if (forvaltningar.length === 0) error(404, 'Sidan finns inte.');
	const matrix = seesPlanMatrix(actor);
	if (forvaltningar.length === 1 && !matrix) redirect(303, `/plan/${forvaltningar[0].id}`);
	return { forvaltningar, matrix };
};
