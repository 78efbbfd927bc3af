import { json } from '@sveltejs/kit';
import { presentIntroduction } from '$lib/server/api/presenters/introductions';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { introductionDetail, tickStep } from '$lib/server/introductions/service';
import type { RequestHandler } from './$types';

/** Tick a step off, or back: { stepId, done }. Answers the programme as it is now. */
export const POST: RequestHandler = ({ locals, params, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		await tickStep(locals.db, actor, params.introductionId, await readJson(request));
		return json(presentIntroduction(await introductionDetail(locals.db, actor, params.introductionId)));
	});
