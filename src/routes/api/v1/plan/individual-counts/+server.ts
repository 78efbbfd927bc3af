import { json } from '@sveltejs/kit';
import { presentIndividualPlanCounts } from '$lib/server/api/presenters/city-plan';
import { apiCall, requireApiActor } from '$lib/server/http';
import { individualPlanCounts } from '$lib/server/individual-plans/counts';
import type { RequestHandler } from './$types';

/** Counts of individual action plans per status for a unit and its children, through the anonymity rule. */
export const GET: RequestHandler = ({ locals, url }) =>
	apiCall(async () => json(presentIndividualPlanCounts(await individualPlanCounts(locals.db, requireApiActor(locals), { unit: url.searchParams.get('unit') }))));
