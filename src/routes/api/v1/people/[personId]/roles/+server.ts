import { json } from '@sveltejs/kit';
import { presentRoleAssignment } from '$lib/server/api/presenters/roles';
import { giveRole } from '$lib/server/org/roles';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Gives one of the kommun's own roles (administrators). */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => json(presentRoleAssignment(await giveRole(locals.db, requireApiActor(locals), params.personId, await readJson(request))), { status: 201 }));
