import { json } from '@sveltejs/kit';
import { presentMonthlyWorkload } from '$lib/server/api/presenters/workload';
import { apiCall, requireApiActor } from '$lib/server/http';
import { monthlyWorkload } from '$lib/server/workload/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => json(presentMonthlyWorkload(await monthlyWorkload(locals.db, requireApiActor(locals), { unit: url.searchParams.get('unit') }))));
