import { addGroupPlanAction, commentOnGroupPlan, followUpGroupPlan, getGroupPlan, setGroupPlanActionDone } from '$lib/server/group-plans/service';
import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { todayInStockholm } from '$lib/server/clock';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const view = await orErrorPage(() => getGroupPlan(event.locals.db, actor, event.params.planId));
	return { ...view, me: actor.personId, today: todayInStockholm(), created: event.url.searchParams.has('created') };
};

const action = (saved: string, work: (event: RequestEvent, values: Record<string, unknown>) => Promise<unknown>) => savingAction<RequestEvent>(saved, work);

export const actions: Actions = {
	addAction: action('action', (event, values) => addGroupPlanAction(event.locals.db, requireActor(event), event.params.planId, values)),
	done: action('done', (event, values) => setGroupPlanActionDone(event.locals.db, requireActor(event), event.params.planId, String(values.actionId ?? ''), { done: values.done === 'true' })),
	comment: action('comment', (event, values) => commentOnGroupPlan(event.locals.db, requireActor(event), event.params.planId, values)),
	followUp: action('followUp', (event, values) => followUpGroupPlan(event.locals.db, requireActor(event), event.params.planId, values))
};
