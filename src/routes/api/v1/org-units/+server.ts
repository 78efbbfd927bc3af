import { json } from '@sveltejs/kit';
import { presentOrgUnits } from '$lib/server/api/presenters/org';
import { apiCall, requireApiActor } from '$lib/server/http';
import { visibleUnits } from '$lib/server/org/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const units = await visibleUnits(locals.db, actor);
		return json(presentOrgUnits({ orgUnits: units }));
	});
