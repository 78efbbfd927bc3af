import { json } from '@sveltejs/kit';
import { presentPlacements } from '$lib/server/api/presenters/introductions';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { enhetPlacements, recordPlacement } from '$lib/server/introductions/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => apiCall(async () => json(presentPlacements(await enhetPlacements(locals.db, requireApiActor(locals), { unit: url.searchParams.get('unit') }))));

export const POST: RequestHandler = ({ locals, url, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		await recordPlacement(locals.db, actor, url.searchParams.get('unit'), await readJson(request));
		return json(presentPlacements(await enhetPlacements(locals.db, actor, { unit: url.searchParams.get('unit') })), { status: 201 });
	});
