import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import {
	addActivity,
	addSubgoal,
	addSuggestion,
	answerSuggestion,
	getAreaPlan,
	saveAreaState,
	saveFollowUp,
	setActivityDone,
	updateSubgoal
} from '$lib/server/city-plan/service';
import { groupActionsForSubgoals } from '$lib/server/group-plans/service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const plan = await orErrorPage(() => getAreaPlan(event.locals.db, actor, event.params.forvaltningId, event.params.areaId));
	// What the units are doing about each delmål: actions of their group plans (no names).
	const groupActions = await groupActionsForSubgoals(event.locals.db, plan.subgoals.map((g) => g.id));
	return { plan, groupActions };
};

const action = (saved: string, work: (event: RequestEvent, values: Record<string, unknown>) => Promise<unknown>) => savingAction<RequestEvent>(saved, work);
const ids = (event: RequestEvent) => [event.params.forvaltningId, event.params.areaId] as const;
const idOf = (values: Record<string, unknown>) => String(values.id ?? '');

export const actions: Actions = {
	state: action('Läget är sparat.', (e, v) => saveAreaState(e.locals.db, e.locals.actor!, ...ids(e), v)),
	subgoal: action('Delmålet är sparat.', (e, v) => addSubgoal(e.locals.db, e.locals.actor!, ...ids(e), v)),
	subgoalUpdate: action('Delmålet är ändrat.', (e, v) => updateSubgoal(e.locals.db, e.locals.actor!, ...ids(e), idOf(v), v)),
	activity: action('Aktiviteten är sparad.', (e, v) => addActivity(e.locals.db, e.locals.actor!, ...ids(e), v)),
	activityDone: action('Aktiviteten är uppdaterad.', (e, v) => setActivityDone(e.locals.db, e.locals.actor!, ...ids(e), idOf(v), v)),
	followUp: action('Uppföljningen är sparad.', (e, v) => saveFollowUp(e.locals.db, e.locals.actor!, ...ids(e), v)),
	suggest: action('Tack! Ditt förslag är skickat till styrgruppen, som svarar här.', (e, v) =>
		addSuggestion(e.locals.db, e.locals.actor!, e.params.forvaltningId, { ...v, areaId: e.params.areaId })
	),
	answer: action('Svaret är sparat och syns för medarbetarna.', (e, v) => answerSuggestion(e.locals.db, e.locals.actor!, e.params.forvaltningId, idOf(v), v))
};
