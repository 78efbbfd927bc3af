import { json } from '@sveltejs/kit';
import { presentRoleEnded } from '$lib/server/api/presenters/roles';
import { endRole } from '$lib/server/org/roles';
import { apiCall, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Ends one of the kommun's own roles from today (administrators). */
export const DELETE: RequestHandler = ({ locals, params }) =>
	apiCall(async () => {
		await endRole(locals.db, requireApiActor(locals), params.personId, params.assignmentId);
		return json(presentRoleEnded({ ended: true }));
	});
