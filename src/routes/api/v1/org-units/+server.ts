import { json } from '@sveltejs/kit';
import { apiCall, requireApiActor } from '$lib/server/http';
import { visibleUnits } from '$lib/server/org/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const units = await visibleUnits(locals.db, actor);
		return json({ orgUnits: units.map((u) => ({ id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, activityArea: u.activityArea })) });
	});
