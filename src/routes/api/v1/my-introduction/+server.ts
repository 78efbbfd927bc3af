import { json } from '@sveltejs/kit';
import { presentMyIntroduction } from '$lib/server/api/presenters/introductions';
import { apiCall, requireApiActor } from '$lib/server/http';
import { mentoredIntroductions, myIntroduction } from '$lib/server/introductions/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		return json(presentMyIntroduction({ introduction: await myIntroduction(locals.db, actor), mentored: await mentoredIntroductions(locals.db, actor) }));
	});
