import { json } from '@sveltejs/kit';
import { presentResearchView } from '$lib/server/api/presenters/research';
import { researchView } from '$lib/server/research/service';
import { apiCall, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The disclosed texts of a unit and round with the caller's codes (följeforskare). */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => {
		const q = url.searchParams;
		return json(presentResearchView(await researchView(locals.db, requireApiActor(locals), { unit: q.get('unit') || undefined, round: q.get('round') || undefined, statement: q.get('statement') || undefined })));
	});
