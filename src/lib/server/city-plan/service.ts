/**
 * A förvaltning's work on the plan: per area a state (status + short assessment), measurable
 * sub-goals (delmål) with target dates, activities with a responsible person and a due date,
 * a follow-up comment at each T2 and VB, and suggestions from staff that the steering group
 * answers. Access is asked of the policy module: read by everyone in the förvaltning (and the
 * central steering group), changed only by its lokal styrgrupp.
 *
 * A sub-goal linked to a survey statement shows its progress from the förvaltning's aggregate
 * in each closed round, taken from buildReport — so it passes the anonymity rule like every
 * other figure, and only readers who may see the förvaltning's aggregates get it. A sub-goal
 * linked to an indicator shows the förvaltning's recorded values of it, to those who may read
 * the förvaltning's indicator figures (the same people).
 */
import { staffWritingOnArea } from '../themes/plan-area';
import { linkedGoalResults } from '../unit-goals/service';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { statementText, type PlanAreaStatus, type Statement } from '$lib/domain';
import type { Actor } from '../access/actor';
import { canEditPlan, canReadIndicators, canReadPlan, canSeeAggregate, canSuggestInPlan, seesPlanMatrix } from '../access/policy';
import { validOnSql } from '../access/rules';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import {
	indicators,
	orgUnits,
	people,
	cityPlanActivities,
	cityPlanAreaStates,
	cityPlanChanges,
	cityPlanFollowUps,
	cityPlanSubgoals,
	cityPlanSuggestions,
	roleAssignments
} from '../db/schema';
import { conflict, invalid, notFound, notYours } from '../errors';
import { comparePeriods as compareIndicatorPeriods, periodLabel } from '../indicators/periods';
import { decimalsOf, shownValue, unitOf } from '../indicators/rules';
import { getIndicator, listIndicators, loadValues } from '../indicators/service';
import { buildReport, type TrendPoint } from '../reports/service';

import { isUuid, parseInput } from '../validation';
import { getArea, listAreas, type PlanArea } from './areas';
import {
	activityDoneInput,
	activityInput,
	answerInput,
	areaStateInput,
	comparePeriods,
	currentFollowUpPeriod,
	describeChange,
	followUpInput,
	indicatorProgress,
	indicatorTargetProblem,
	metricValue,
	subgoalInput,
	subgoalProgress,
	subgoalStatusSummary,
	suggestionInput,
	type PlanChangeKind,
	type Progress,
	type ProgressPoint,
	type SubgoalInput
} from './rules';
import { now as clockNow, todayInStockholm } from '../clock';

export type Forvaltning = typeof orgUnits.$inferSelect;
export type Subgoal = typeof cityPlanSubgoals.$inferSelect;
export type Activity = typeof cityPlanActivities.$inferSelect;
export type FollowUp = typeof cityPlanFollowUps.$inferSelect;

const RETIRED_MESSAGE = 'Området är avslutat och tar inte emot nytt arbete. Det som redan finns sparat visas som historik.';

// --- Access --------------------------------------------------------------------------------

/** The förvaltning, if the actor may read its plan; "not found" otherwise. */
export async function readableForvaltning(db: Db, actor: Actor, forvaltningId: string): Promise<Forvaltning> {
	if (!isUuid(forvaltningId)) throw notFound('Förvaltningen');
	const [unit] = await db.select().from(orgUnits).where(and(eq(orgUnits.id, forvaltningId), eq(orgUnits.kind, 'forvaltning')));
	if (!unit || !canReadPlan(actor, unit.path)) throw notFound('Förvaltningen');
	return unit;
}

async function editableForvaltning(db: Db, actor: Actor, forvaltningId: string): Promise<Forvaltning> {
	const unit = await readableForvaltning(db, actor, forvaltningId);
	if (!canEditPlan(actor, unit.path)) throw notYours('Bara förvaltningens lokala styrgrupp kan ändra handlingsplanen.');
	return unit;
}

async function activeArea(db: Db, areaId: string): Promise<PlanArea> {
	const area = await getArea(db, areaId);
	if (area.retiredAt) throw conflict(RETIRED_MESSAGE);
	return area;
}

/** The förvaltningar whose plans the actor may read, by name. */
export async function readableForvaltningar(db: Db, actor: Actor): Promise<{ id: string; name: string; editable: boolean }[]> {
	const all = await db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.kind, 'forvaltning'), eq(orgUnits.active, true)))
		.orderBy(asc(orgUnits.name));
	return all.filter((f) => canReadPlan(actor, f.path)).map((f) => ({ id: f.id, name: f.name, editable: canEditPlan(actor, f.path) }));
}

/** Where the plan starts for the actor: the plans they read, and whether they see the city-wide matrix; not found when none. */
export async function planEntry(db: Db, actor: Actor) {
	const forvaltningar = await readableForvaltningar(db, actor);
	if (forvaltningar.length === 0) throw notFound('Sidan');
	return { forvaltningar, matrix: seesPlanMatrix(actor) };
}

async function logChange(
	db: Db,
	change: { forvaltningId: string; areaId: string; kind: PlanChangeKind; actorId: string; summary?: string; fromStatus?: PlanAreaStatus | null; toStatus?: PlanAreaStatus | null },
	at = clockNow()
) {
	await db.insert(cityPlanChanges).values({
		forvaltningId: change.forvaltningId,
		areaId: change.areaId,
		kind: change.kind,
		summary: change.summary ?? '',
		fromStatus: change.fromStatus ?? null,
		toStatus: change.toStatus ?? null,
		actorId: change.actorId,
		at
	});
}

// --- Reading ----------------------------------------------------------------------------------

async function steeringGroup(db: Db, forvaltningId: string, now = clockNow()) {
	const today = todayInStockholm(now);
	return db
		.select({ name: people.name })
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.where(
			and(
				eq(roleAssignments.orgUnitId, forvaltningId),
				eq(roleAssignments.role, 'local_steering'),
				eq(people.active, true),
				validOnSql(roleAssignments, today)
			)
		)
		.orderBy(asc(people.name));
}

export interface SuggestionView {
	id: string;
	areaId: string | null;
	areaTitle: string | null;
	body: string;
	createdAt: Date;
	/** The author's name, for the steering group only; others see "a member of staff". */
	authorName: string | null;
	mine: boolean;
	answer: string | null;
	answeredAt: Date | null;
	answeredByName: string | null;
}

async function suggestions(db: Db, actor: Actor, f: Forvaltning, areaId: string | null | undefined): Promise<SuggestionView[]> {
	const showNames = canEditPlan(actor, f.path);
	const rows = await db
		.select({ s: cityPlanSuggestions, authorName: people.name })
		.from(cityPlanSuggestions)
		.innerJoin(people, eq(people.id, cityPlanSuggestions.authorId))
		.where(and(eq(cityPlanSuggestions.forvaltningId, f.id), areaId === undefined ? undefined : areaId === null ? sql`${cityPlanSuggestions.areaId} is null` : eq(cityPlanSuggestions.areaId, areaId)))
		.orderBy(desc(cityPlanSuggestions.createdAt));
	const areaIds = [...new Set(rows.map((r) => r.s.areaId).filter((id): id is string => id !== null))];
	const answererIds = [...new Set(rows.map((r) => r.s.answeredBy).filter((id): id is string => id !== null))];
	const areas = areaIds.length ? await listAreas(db, { includeRetired: true }) : [];
	const answerers = answererIds.length ? await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, answererIds)) : [];
	return rows.map(({ s, authorName }) => ({
		id: s.id,
		areaId: s.areaId,
		areaTitle: areas.find((a) => a.id === s.areaId)?.title ?? null,
		body: s.body,
		createdAt: s.createdAt,
		authorName: showNames ? authorName : null,
		mine: s.authorId === actor.personId,
		answer: s.answer,
		answeredAt: s.answeredAt,
		answeredByName: answerers.find((a) => a.id === s.answeredBy)?.name ?? null
	}));
}

export interface AreaRow {
	area: PlanArea;
	status: PlanAreaStatus;
	assessment: string;
	updatedAt: Date | null;
	subgoals: { total: number; achieved: number };
	activities: { total: number; done: number; overdue: number };
	latestFollowUp: { period: 'T2' | 'VB'; year: number } | null;
}

/** The förvaltning's plan at a glance: every area with its status and counts, and the suggestions. */
export async function getPlanOverview(db: Db, actor: Actor, forvaltningId: string, now = clockNow()) {
	const f = await readableForvaltning(db, actor, forvaltningId);
	const today = todayInStockholm(now);
	const [areas, states, goals, acts, follows] = await Promise.all([
		listAreas(db, { includeRetired: true }),
		db.select().from(cityPlanAreaStates).where(eq(cityPlanAreaStates.forvaltningId, f.id)),
		db.select({ areaId: cityPlanSubgoals.areaId, status: cityPlanSubgoals.status }).from(cityPlanSubgoals).where(eq(cityPlanSubgoals.forvaltningId, f.id)),
		db.select({ areaId: cityPlanActivities.areaId, dueDate: cityPlanActivities.dueDate, doneOn: cityPlanActivities.doneOn }).from(cityPlanActivities).where(eq(cityPlanActivities.forvaltningId, f.id)),
		db.select({ areaId: cityPlanFollowUps.areaId, period: cityPlanFollowUps.period, year: cityPlanFollowUps.year }).from(cityPlanFollowUps).where(eq(cityPlanFollowUps.forvaltningId, f.id))
	]);
	const rows: AreaRow[] = areas.map((area) => {
		const state = states.find((s) => s.areaId === area.id);
		const g = goals.filter((x) => x.areaId === area.id);
		const a = acts.filter((x) => x.areaId === area.id);
		const fu = follows.filter((x) => x.areaId === area.id).sort(comparePeriods);
		return {
			area,
			status: state?.status ?? 'not_started',
			assessment: state?.assessment ?? '',
			updatedAt: state?.updatedAt ?? null,
			subgoals: { total: g.length, achieved: g.filter((x) => x.status === 'achieved').length },
			activities: { total: a.length, done: a.filter((x) => x.doneOn).length, overdue: a.filter((x) => !x.doneOn && x.dueDate < today).length },
			latestFollowUp: fu[0] ? { period: fu[0].period, year: fu[0].year } : null
		};
	});
	const hasHistory = (r: AreaRow) => r.updatedAt !== null || r.subgoals.total > 0 || r.activities.total > 0 || r.latestFollowUp !== null;
	return {
		forvaltning: { id: f.id, name: f.name },
		steeringGroup: (await steeringGroup(db, f.id, now)).map((p) => p.name),
		areas: rows.filter((r) => !r.area.retiredAt),
		retiredAreas: rows.filter((r) => r.area.retiredAt && hasHistory(r)),
		activeAreas: areas.filter((a) => !a.retiredAt).map((a) => ({ id: a.id, title: a.title })),
		suggestions: await suggestions(db, actor, f, undefined),
		permissions: { edit: canEditPlan(actor, f.path), suggest: canSuggestInPlan(actor, f.path) }
	};
}

/** The indicator a delmål follows, with what the page needs to show its values. */
export interface SubgoalIndicator {
	key: string;
	name: string;
	/** Shown after a value ("%", "konsulter"). */
	unit: string;
	decimals: number;
	higherIsBetter: boolean;
}

export interface SubgoalView extends Subgoal {
	indicator: SubgoalIndicator | null;
	progress: Progress | null;
}

/** Periods of an indicator shown beside a delmål: the newest ones, as on the dashboards. */
const INDICATOR_POINTS = 12;

/**
 * The förvaltning's figures in every closed round, through buildReport (and so through the
 * anonymity rule). null when the reader may not see the förvaltning's aggregates.
 */
async function surveyTrend(db: Db, actor: Actor, f: Forvaltning): Promise<TrendPoint[] | null> {
	if (!canSeeAggregate(actor, f.path)) return null;
	const report = await buildReport(db, actor, { unit: f.id });
	return report.trend;
}

function surveyProgress(goal: Subgoal, trend: TrendPoint[] | null): Progress | null {
	if (!trend || !goal.statement || !goal.metric || goal.targetValue === null) return null;
	const statement = goal.statement as Statement;
	const metric = goal.metric;
	return subgoalProgress(
		trend.map((t) =>
			t.cell.shown
				? { label: t.roundName, value: metricValue(t.cell.figures.statements[statement], metric), reasonText: null }
				: { label: t.roundName, value: null, reasonText: t.cell.reasonText }
		),
		metric,
		goal.targetValue
	);
}

/**
 * The indicators the delmål follow, and (for readers of the förvaltning's indicator figures)
 * each one's recorded totals for the förvaltning, oldest first.
 */
async function indicatorSeries(db: Db, actor: Actor, f: Forvaltning, goals: Subgoal[]) {
	const ids = [...new Set(goals.map((g) => g.indicatorId).filter((id): id is string => id !== null))];
	const series = new Map<string, { indicator: SubgoalIndicator; points: ProgressPoint[] | null }>();
	if (ids.length === 0) return series;
	const defs = await db.select().from(indicators).where(inArray(indicators.id, ids));
	const readable = canReadIndicators(actor, f.path);
	const values = readable ? await loadValues(db, { indicatorIds: ids, unitIds: [f.id], totalsOnly: true }) : [];
	for (const def of defs) {
		const points = values
			.filter((v) => v.indicatorId === def.id)
			.sort((a, b) => compareIndicatorPeriods(a.period, b.period))
			.map((v): ProgressPoint => ({ label: periodLabel(v.period), value: shownValue(def.kind, { value: v.value, base: v.base ?? null }), reasonText: null }))
			.filter((p) => p.value !== null)
			.slice(-INDICATOR_POINTS);
		series.set(def.id, {
			indicator: { key: def.key, name: def.name, unit: unitOf(def), decimals: decimalsOf(def.kind), higherIsBetter: def.higherIsBetter },
			points: readable ? points : null
		});
	}
	return series;
}

async function indicatorChoices(db: Db, series: Awaited<ReturnType<typeof indicatorSeries>>) {
	const choices = (await listIndicators(db)).map((d) => ({ key: d.key, name: d.name, unit: unitOf(d) }));
	for (const { indicator } of series.values()) {
		if (!choices.some((c) => c.key === indicator.key)) choices.push({ key: indicator.key, name: indicator.name, unit: indicator.unit });
	}
	return choices;
}

function subgoalView(goal: Subgoal, trend: TrendPoint[] | null, series: Awaited<ReturnType<typeof indicatorSeries>>): SubgoalView {
	const linked = goal.indicatorId ? series.get(goal.indicatorId) : undefined;
	if (!linked) return { ...goal, indicator: null, progress: surveyProgress(goal, trend) };
	const progress = linked.points && goal.targetValue !== null ? indicatorProgress(linked.points, linked.indicator.higherIsBetter, goal.targetValue) : null;
	return { ...goal, indicator: linked.indicator, progress };
}

/** One area of the förvaltning's plan with everything recorded on it. */
export async function getAreaPlan(db: Db, actor: Actor, forvaltningId: string, areaId: string, now = clockNow()) {
	const f = await readableForvaltning(db, actor, forvaltningId);
	const area = await getArea(db, areaId);
	const [state] = await db
		.select()
		.from(cityPlanAreaStates)
		.where(and(eq(cityPlanAreaStates.forvaltningId, f.id), eq(cityPlanAreaStates.areaId, area.id)));
	const [goals, activities, followUps, changes] = await Promise.all([
		db
			.select()
			.from(cityPlanSubgoals)
			.where(and(eq(cityPlanSubgoals.forvaltningId, f.id), eq(cityPlanSubgoals.areaId, area.id)))
			.orderBy(asc(cityPlanSubgoals.targetDate), asc(cityPlanSubgoals.createdAt)),
		db
			.select()
			.from(cityPlanActivities)
			.where(and(eq(cityPlanActivities.forvaltningId, f.id), eq(cityPlanActivities.areaId, area.id)))
			.orderBy(asc(cityPlanActivities.dueDate), asc(cityPlanActivities.createdAt)),
		db.select().from(cityPlanFollowUps).where(and(eq(cityPlanFollowUps.forvaltningId, f.id), eq(cityPlanFollowUps.areaId, area.id))),
		db
			.select()
			.from(cityPlanChanges)
			.where(and(eq(cityPlanChanges.forvaltningId, f.id), eq(cityPlanChanges.areaId, area.id)))
			.orderBy(desc(cityPlanChanges.at), desc(cityPlanChanges.id))
			.limit(30)
	]);
	const trend = goals.some((g) => g.statement) ? await surveyTrend(db, actor, f) : null;
	const series = await indicatorSeries(db, actor, f, goals);
	const subgoals = goals.map((g) => subgoalView(g, trend, series));
	const edit = canEditPlan(actor, f.path) && !area.retiredAt;
	return {
		forvaltning: { id: f.id, name: f.name },
		area,
		state: { status: state?.status ?? ('not_started' as PlanAreaStatus), assessment: state?.assessment ?? '', updatedAt: state?.updatedAt ?? null },
		subgoals,
		/** Linked sub-goals exist but the reader may not see the förvaltning's figures. */
		progressHidden: subgoals.some((g) => (g.statement || g.indicatorId) && g.progress === null),
		activities,
		followUps: [...followUps].sort(comparePeriods),
		history: changes.map((c) => ({ at: c.at, text: describeChange(c) })),
		suggestions: await suggestions(db, actor, f, area.id),
		defaultPeriod: currentFollowUpPeriod(now),
		today: todayInStockholm(now),
		permissions: { edit, suggest: canSuggestInPlan(actor, f.path) && !area.retiredAt },
		statements: statementText,
		/** What the förvaltning's staff wrote about the area in the latest rounds (through the anonymity module). */
		staffWriting: await staffWritingOnArea(db, actor, f, area.code),
		/** The enheter's own goals linked to a delmål, with their latest closed tertial (through the anonymity module), for those who see the förvaltning's figures. */
		unitGoals: canSeeAggregate(actor, f.path, now) ? await linkedGoalResults(db, goals.map((g) => g.id), now) : [],
		/** What a delmål may follow besides the survey: the active indicators, and any retired one a delmål still follows. */
		indicators: edit ? await indicatorChoices(db, series) : []
	};
}

// --- Changing: the lokal styrgrupp -------------------------------------------------------------

export async function saveAreaState(db: Db, actor: Actor, forvaltningId: string, areaId: string, input: unknown, now = clockNow()) {
	const f = await editableForvaltning(db, actor, forvaltningId);
	const area = await activeArea(db, areaId);
	const data = parseInput(areaStateInput, input);
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(cityPlanAreaStates)
			.where(and(eq(cityPlanAreaStates.forvaltningId, f.id), eq(cityPlanAreaStates.areaId, area.id)));
		const [saved] = await tx
			.insert(cityPlanAreaStates)
			.values({ forvaltningId: f.id, areaId: area.id, status: data.status, assessment: data.assessment, updatedBy: actor.personId, updatedAt: now })
			.onConflictDoUpdate({
				target: [cityPlanAreaStates.forvaltningId, cityPlanAreaStates.areaId],
				set: { status: data.status, assessment: data.assessment, updatedBy: actor.personId, updatedAt: now }
			})
			.returning();
		const fromStatus = before?.status ?? 'not_started';
		const base = { forvaltningId: f.id, areaId: area.id, actorId: actor.personId };
		if (fromStatus !== data.status) await logChange(tx, { ...base, kind: 'status', fromStatus, toStatus: data.status }, now);
		if ((before?.assessment ?? '') !== data.assessment) await logChange(tx, { ...base, kind: 'assessment' }, now);
		await audit(tx, actor, { action: 'plan.state', subjectType: 'plan_area_state', subjectId: saved.id, detail: { status: data.status } });
		return saved;
	});
}

/**
 * The delmål as stored: its indicator key resolved to the indicator, which must exist and be in
 * use (one already linked may stay linked after it was retired), with a target on its scale.
 */
async function subgoalValues(db: Db, data: SubgoalInput, before?: Subgoal) {
	const { indicatorKey, ...rest } = data;
	if (!indicatorKey) return { ...rest, indicatorId: null };
	const def = await getIndicator(db, indicatorKey).catch(() => null);
	if (!def || (!def.active && def.id !== before?.indicatorId)) throw invalid('Ett fält behöver rättas.', { indicator: 'Välj en indikator i listan.' });
	const problem = rest.targetValue === null ? 'Fyll i målvärdet.' : indicatorTargetProblem(def.kind, rest.targetValue);
	if (problem) throw invalid('Ett fält behöver rättas.', { targetValue: problem });
	return { ...rest, indicatorId: def.id };
}

export async function addSubgoal(db: Db, actor: Actor, forvaltningId: string, areaId: string, input: unknown, now = clockNow()): Promise<Subgoal> {
	const f = await editableForvaltning(db, actor, forvaltningId);
	const area = await activeArea(db, areaId);
	const data = await subgoalValues(db, parseInput(subgoalInput, input));
	return db.transaction(async (tx) => {
		const [goal] = await tx
			.insert(cityPlanSubgoals)
			.values({ forvaltningId: f.id, areaId: area.id, ...data, createdBy: actor.personId, createdAt: now, updatedAt: now })
			.returning();
		await logChange(tx, { forvaltningId: f.id, areaId: area.id, kind: 'subgoal_added', summary: data.title, actorId: actor.personId }, now);
		return goal;
	});
}

async function subgoalOf(db: Db, f: Forvaltning, area: PlanArea, subgoalId: string): Promise<Subgoal> {
	if (!isUuid(subgoalId)) throw notFound('Delmålet');
	const [goal] = await db
		.select()
		.from(cityPlanSubgoals)
		.where(and(eq(cityPlanSubgoals.id, subgoalId), eq(cityPlanSubgoals.forvaltningId, f.id), eq(cityPlanSubgoals.areaId, area.id)));
	if (!goal) throw notFound('Delmålet');
	return goal;
}

export async function updateSubgoal(db: Db, actor: Actor, forvaltningId: string, areaId: string, subgoalId: string, input: unknown, now = clockNow()): Promise<Subgoal> {
	const f = await editableForvaltning(db, actor, forvaltningId);
	const area = await activeArea(db, areaId);
	const before = await subgoalOf(db, f, area, subgoalId);
	const data = await subgoalValues(db, parseInput(subgoalInput, input), before);
	return db.transaction(async (tx) => {
		const [goal] = await tx.update(cityPlanSubgoals).set({ ...data, updatedAt: now }).where(eq(cityPlanSubgoals.id, before.id)).returning();
		if (before.status !== data.status) {
			await logChange(tx, { forvaltningId: f.id, areaId: area.id, kind: 'subgoal_status', summary: subgoalStatusSummary(data.title, data.status), actorId: actor.personId }, now);
		}
		return goal;
	});
}

export async function addActivity(db: Db, actor: Actor, forvaltningId: string, areaId: string, input: unknown, now = clockNow()): Promise<Activity> {
	const f = await editableForvaltning(db, actor, forvaltningId);
	const area = await activeArea(db, areaId);
	const data = parseInput(activityInput, input);
	return db.transaction(async (tx) => {
		const [activity] = await tx
			.insert(cityPlanActivities)
			.values({ forvaltningId: f.id, areaId: area.id, ...data, createdBy: actor.personId, createdAt: now, updatedAt: now })
			.returning();
		await logChange(tx, { forvaltningId: f.id, areaId: area.id, kind: 'activity_added', summary: data.title, actorId: actor.personId }, now);
		return activity;
	});
}

/** Marks an activity done (today) or not done. */
export async function setActivityDone(db: Db, actor: Actor, forvaltningId: string, areaId: string, activityId: string, input: unknown, now = clockNow()): Promise<Activity> {
	const f = await editableForvaltning(db, actor, forvaltningId);
	const area = await activeArea(db, areaId);
	if (!isUuid(activityId)) throw notFound('Aktiviteten');
	const [before] = await db
		.select()
		.from(cityPlanActivities)
		.where(and(eq(cityPlanActivities.id, activityId), eq(cityPlanActivities.forvaltningId, f.id), eq(cityPlanActivities.areaId, area.id)));
	if (!before) throw notFound('Aktiviteten');
	const { done } = parseInput(activityDoneInput, input);
	return db.transaction(async (tx) => {
		const [activity] = await tx
			.update(cityPlanActivities)
			.set({ doneOn: done ? (before.doneOn ?? todayInStockholm(now)) : null, updatedAt: now })
			.where(eq(cityPlanActivities.id, before.id))
			.returning();
		if (done && !before.doneOn) await logChange(tx, { forvaltningId: f.id, areaId: area.id, kind: 'activity_done', summary: before.title, actorId: actor.personId }, now);
		return activity;
	});
}

/** Writes (or rewrites) the follow-up of an area for one T2 or VB. */
export async function saveFollowUp(db: Db, actor: Actor, forvaltningId: string, areaId: string, input: unknown, now = clockNow()): Promise<FollowUp> {
	const f = await editableForvaltning(db, actor, forvaltningId);
	const area = await activeArea(db, areaId);
	const data = parseInput(followUpInput, input);
	return db.transaction(async (tx) => {
		const [state] = await tx
			.select({ status: cityPlanAreaStates.status })
			.from(cityPlanAreaStates)
			.where(and(eq(cityPlanAreaStates.forvaltningId, f.id), eq(cityPlanAreaStates.areaId, area.id)));
		const status = state?.status ?? 'not_started';
		const [saved] = await tx
			.insert(cityPlanFollowUps)
			.values({ forvaltningId: f.id, areaId: area.id, ...data, status, writtenBy: actor.personId, createdAt: now, updatedAt: now })
			.onConflictDoUpdate({
				target: [cityPlanFollowUps.forvaltningId, cityPlanFollowUps.areaId, cityPlanFollowUps.year, cityPlanFollowUps.period],
				set: { comment: data.comment, status, writtenBy: actor.personId, updatedAt: now }
			})
			.returning();
		await logChange(tx, { forvaltningId: f.id, areaId: area.id, kind: 'follow_up', summary: `${data.period} ${data.year}`, actorId: actor.personId }, now);
		return saved;
	});
}

// --- Suggestions -----------------------------------------------------------------------------------

/** A suggestion from someone in the förvaltning, on the plan as a whole or on one area. */
export async function addSuggestion(db: Db, actor: Actor, forvaltningId: string, input: unknown, now = clockNow()) {
	const f = await readableForvaltning(db, actor, forvaltningId);
	if (!canSuggestInPlan(actor, f.path)) throw notYours('Förslag lämnas av medarbetare och chefer i förvaltningen.');
	const data = parseInput(suggestionInput, input);
	if (data.areaId) {
		const area = await getArea(db, data.areaId).catch(() => null);
		if (!area || area.retiredAt) throw invalid('Ett fält behöver rättas.', { areaId: 'Välj ett område i listan.' });
	}
	const [saved] = await db
		.insert(cityPlanSuggestions)
		.values({ forvaltningId: f.id, areaId: data.areaId ?? null, authorId: actor.personId, body: data.body, createdAt: now })
		.returning();
	return saved;
}

export async function answerSuggestion(db: Db, actor: Actor, forvaltningId: string, suggestionId: string, input: unknown, now = clockNow()) {
	const f = await editableForvaltning(db, actor, forvaltningId);
	if (!isUuid(suggestionId)) throw notFound('Förslaget');
	const [suggestion] = await db
		.select()
		.from(cityPlanSuggestions)
		.where(and(eq(cityPlanSuggestions.id, suggestionId), eq(cityPlanSuggestions.forvaltningId, f.id)));
	if (!suggestion) throw notFound('Förslaget');
	const data = parseInput(answerInput, input);
	const [saved] = await db
		.update(cityPlanSuggestions)
		.set({ answer: data.answer, answeredBy: actor.personId, answeredAt: now })
		.where(eq(cityPlanSuggestions.id, suggestion.id))
		.returning();
	return saved;
}
