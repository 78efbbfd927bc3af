import { json } from '@sveltejs/kit';
import { presentIntroduction } from '$lib/server/api/presenters/introductions';
import { apiCall, requireApiActor } from '$lib/server/http';
import { introductionDetail } from '$lib/server/introductions/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, params }) => apiCall(async () => json(presentIntroduction(await introductionDetail(locals.db, requireApiActor(locals), params.introductionId))));
