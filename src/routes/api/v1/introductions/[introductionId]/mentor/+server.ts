import { json } from '@sveltejs/kit';
import { presentIntroduction } from '$lib/server/api/presenters/introductions';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { introductionDetail, setProgrammeMentor } from '$lib/server/introductions/service';
import type { RequestHandler } from './$types';

/** The nearest manager gives the programme a mentor from the enhet's mentors: { mentorId }. Answers the programme. */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		await setProgrammeMentor(locals.db, actor, params.introductionId, await readJson(request));
		return json(presentIntroduction(await introductionDetail(locals.db, actor, params.introductionId)));
	});
