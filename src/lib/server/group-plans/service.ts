/**
 * The group's action plan (gruppens handlingsplan): after a round closes, each arbetsgrupp or
 * enhet goes through its own results at a meeting and agrees on a plan together with its nearest
 * manager, followed up on a set date (the seeds' "varje arbetsgrupp analyserar sina rapporter …").
 *
 * Who does what is decided in access/policy.ts (groupPlanReading, leadsGroupPlan). The group's
 * figures come from the report service, so they have passed the anonymity module: a group under
 * the threshold gets no figures, here as everywhere (decision 0014).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { GROUP_PLAN_OUTCOMES, STATEMENTS, type GroupPlanOutcome, type GroupPlanStatus } from '$lib/domain';
import type { Actor } from '../access/actor';
import { groupPlanReading, leadsGroupPlan, namedScopes, oversightScopes, type GroupPlanReading } from '../access/policy';
import { NEAREST_MANAGER_KINDS } from '../access/rules';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { pathIn } from '../db/paths';
import {
	cityPlanAreas,
	cityPlanSubgoals,
	groupPlanActions,
	groupPlanAreas,
	groupPlanComments,
	groupPlans,
	orgUnits,
	people,
	rounds
} from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { pathIds } from '../org/service';
import { buildReport } from '../reports/service';
import { closedRoundsLatestFirst } from '../rounds/service';
import { listAreas } from '../city-plan/areas';
import { isoDate, isUuid, optionalField, optionalText, parseInput, requiredText } from '../validation';
import { now as clockNow, todayInStockholm } from '../clock';

export type GroupPlan = typeof groupPlans.$inferSelect;

/** A group is a unit with a nearest manager of its own: an enhet or an arbetsgrupp. */
const GROUP_KINDS = NEAREST_MANAGER_KINDS;
const ids = (message: string) => z.array(z.string().refine(isUuid, message)).default([]);
const fieldError = (field: string, message: string) => invalid('Ett fält behöver rättas.', { [field]: message });

export const groupPlanInput = z.object({
	unitId: z.string({ error: 'Välj grupp.' }).refine(isUuid, 'Välj grupp.'),
	roundId: z.string({ error: 'Välj mätomgång.' }).refine(isUuid, 'Välj mätomgång.'),
	focusStatements: z.array(z.enum(STATEMENTS, { error: 'Välj påståenden i listan.' })).default([]),
	areaIds: ids('Välj områden i listan.'),
	summary: optionalText(4000, 'Det ni kom fram till'),
	followUpOn: isoDate('Fyll i ett datum då gruppen följer upp planen.')
});

export const groupPlanActionInput = z.object({
	title: requiredText('Skriv vad ni ska göra.', 500, 'Åtgärden'),
	ownerId: optionalField(z.string().refine(isUuid, 'Välj en ansvarig i listan.')),
	dueOn: isoDate('Fyll i när åtgärden ska vara klar.'),
	subgoalId: optionalField(z.string().refine(isUuid, 'Välj ett delmål i listan.'))
});

export const groupPlanActionDoneInput = z.object({ done: z.boolean({ error: 'Ange om åtgärden är klar (done: true eller false).' }) });

export const groupPlanCommentInput = z.object({
	body: requiredText('Skriv en kommentar.', 4000, 'Kommentaren')
});

export const groupPlanFollowUpInput = z.object({
	outcome: z.enum(GROUP_PLAN_OUTCOMES, { error: 'Välj vad uppföljningen visade.' }),
	followUpText: optionalText(4000, 'Uppföljningen')
});

type Unit = typeof orgUnits.$inferSelect;

async function unitById(db: Db, unitId: string): Promise<Unit | undefined> {
	if (!isUuid(unitId)) return undefined;
	const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, unitId));
	return unit;
}

/** The groups the actor leads as nearest manager: the enhet or arbetsgrupp assigned and every arbetsgrupp below. */
export async function groupsToLead(db: Db, actor: Actor, now = clockNow()) {
	const scopes = namedScopes(actor, now);
	if (scopes.length === 0) return [];
	return db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
		.from(orgUnits)
		.where(and(pathIn(orgUnits.path, scopes), inArray(orgUnits.kind, [...GROUP_KINDS]), eq(orgUnits.active, true)))
		.orderBy(asc(orgUnits.path));
}

/** The open delmål of the förvaltning the unit lies in, to link actions to. */
async function subgoalsFor(db: Db, unitPath: string) {
	return db
		.select({ id: cityPlanSubgoals.id, title: cityPlanSubgoals.title, areaTitle: cityPlanAreas.title })
		.from(cityPlanSubgoals)
		.innerJoin(cityPlanAreas, eq(cityPlanAreas.id, cityPlanSubgoals.areaId))
		.where(and(inArray(cityPlanSubgoals.forvaltningId, pathIds(unitPath)), eq(cityPlanSubgoals.status, 'open')))
		.orderBy(asc(cityPlanAreas.position), asc(cityPlanSubgoals.title));
}

/** The group's members (everyone whose unit lies in it), who may own an action. */
async function membersOf(db: Db, unitPath: string) {
	return db
		.select({ id: people.id, name: people.name })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(and(pathIn(orgUnits.path, [unitPath]), eq(people.active, true)))
		.orderBy(asc(people.name));
}

/**
 * What the manager needs to start a plan: the groups they lead, the closed rounds, and for the
 * chosen group and round its own total through the report service (the anonymity module), the
 * plan's areas to focus on, and whether the group already has a plan for the round.
 */
export async function prepareGroupPlan(db: Db, actor: Actor, query: { unitId?: string | null; roundId?: string | null }) {
	const groups = await groupsToLead(db, actor);
	if (groups.length === 0) throw notFound('Sidan');
	const roundList = await closedRoundsLatestFirst(db);
	const unit = query.unitId ? groups.find((g) => g.id === query.unitId) : groups[0];
	if (!unit) throw notFound('Gruppen');
	const round = query.roundId ? roundList.find((r) => r.id === query.roundId) : roundList[0];
	if (query.roundId && !round) throw notFound('Mätomgången');
	const areas = (await listAreas(db)).map(({ id, title }) => ({ id, title }));
	let results = null;
	let existingPlanId: string | null = null;
	if (round) {
		results = await groupResults(db, actor, unit.id, round.id);
		const [existing] = await db.select({ id: groupPlans.id }).from(groupPlans).where(and(eq(groupPlans.orgUnitId, unit.id), eq(groupPlans.roundId, round.id)));
		existingPlanId = existing?.id ?? null;
	}
	return { groups, rounds: roundList, unit, round: round ?? null, results, areas, existingPlanId };
}

/** The group's own total in a closed round, as the report shows it (no texts, never per person). */
async function groupResults(db: Db, actor: Actor, unitId: string, roundId: string) {
	const report = await buildReport(db, actor, { unit: unitId, round: roundId }, { texts: false });
	return report.rows[0].cell;
}

export async function createGroupPlan(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<GroupPlan> {
	const data = parseInput(groupPlanInput, input);
	const unit = await unitById(db, data.unitId);
	if (!unit || !unit.active || !(GROUP_KINDS as readonly string[]).includes(unit.kind) || !leadsGroupPlan(actor, unit.path, now)) throw notFound('Gruppen');
	const [round] = await db.select().from(rounds).where(eq(rounds.id, data.roundId));
	if (!round) throw notFound('Mätomgången');
	if (round.status !== 'closed') throw fieldError('roundId', 'Gruppens handlingsplan görs när mätomgången har stängt: välj en stängd mätomgång.');
	if (data.followUpOn < todayInStockholm(now)) throw fieldError('followUpOn', 'Välj ett datum för uppföljning från och med i dag.');
	if (data.areaIds.length > 0) {
		const found = await db.select({ id: cityPlanAreas.id }).from(cityPlanAreas).where(inArray(cityPlanAreas.id, data.areaIds));
		if (found.length !== new Set(data.areaIds).size) throw fieldError('areaIds', 'Ett valt område finns inte. Välj igen.');
	}
	const results = await groupResults(db, actor, unit.id, round.id);
	return db.transaction(async (tx) => {
		const [plan] = await tx
			.insert(groupPlans)
			.values({ orgUnitId: unit.id, roundId: round.id, managerId: actor.personId, results, focusStatements: [...new Set(data.focusStatements)], summary: data.summary, followUpOn: data.followUpOn })
			.onConflictDoNothing()
			.returning();
		if (!plan) throw conflict(`${unit.name} har redan en handlingsplan för ${round.name}. Öppna den i stället under Handlingsplaner.`);
		if (data.areaIds.length > 0) await tx.insert(groupPlanAreas).values([...new Set(data.areaIds)].map((areaId) => ({ groupPlanId: plan.id, areaId })));
		await audit(tx, actor, { action: 'group_plan.create', subjectType: 'group_plan', subjectId: plan.id });
		return plan;
	});
}

async function planWithUnit(db: Db, actor: Actor, planId: string, now = clockNow()) {
	if (!isUuid(planId)) throw notFound('Handlingsplanen');
	const [row] = await db
		.select({ plan: groupPlans, unit: orgUnits, roundName: rounds.name })
		.from(groupPlans)
		.innerJoin(orgUnits, eq(orgUnits.id, groupPlans.orgUnitId))
		.innerJoin(rounds, eq(rounds.id, groupPlans.roundId))
		.where(eq(groupPlans.id, planId));
	const reading = row ? groupPlanReading(actor, row.unit.path, now) : null;
	if (!row || !reading) throw notFound('Handlingsplanen');
	return { ...row, reading };
}

export interface GroupPlanView {
	plan: GroupPlan;
	unit: { id: string; name: string; kind: string };
	roundName: string;
	managerName: string;
	reading: GroupPlanReading;
	areas: { id: string; title: string }[];
	/** `ownerName` only within the group; above it an action has no name on it. */
	actions: { id: string; title: string; ownerId: string | null; ownerName: string | null; dueOn: string; doneAt: Date | null; subgoal: { id: string; title: string } | null }[];
	/** Only within the group (null above it). */
	comments: { id: string; body: string; createdAt: Date; authorName: string }[] | null;
	/** For the manager's forms: who may own an action, and the förvaltning's open delmål. */
	members: { id: string; name: string }[];
	subgoals: { id: string; title: string; areaTitle: string }[];
}

/**
 * The areas and the actions of these plans, each plan's in order, read once for all of them (the
 * export reads every plan a reader may see). `inGroup` false leaves out who owns an action.
 */
export async function groupPlanContents(db: Db, planIds: string[], inGroup: boolean) {
	const contents = new Map(planIds.map((id) => [id, { areas: [] as GroupPlanView['areas'], actions: [] as GroupPlanView['actions'] }]));
	if (planIds.length === 0) return contents;
	const areas = await db
		.select({ planId: groupPlanAreas.groupPlanId, id: cityPlanAreas.id, title: cityPlanAreas.title })
		.from(groupPlanAreas)
		.innerJoin(cityPlanAreas, eq(cityPlanAreas.id, groupPlanAreas.areaId))
		.where(inArray(groupPlanAreas.groupPlanId, planIds))
		.orderBy(asc(cityPlanAreas.position));
	for (const { planId, ...area } of areas) contents.get(planId)!.areas.push(area);
	const actions = await db
		.select({ action: groupPlanActions, ownerName: people.name, subgoalTitle: cityPlanSubgoals.title })
		.from(groupPlanActions)
		.leftJoin(people, eq(people.id, groupPlanActions.ownerId))
		.leftJoin(cityPlanSubgoals, eq(cityPlanSubgoals.id, groupPlanActions.subgoalId))
		.where(inArray(groupPlanActions.groupPlanId, planIds))
		.orderBy(asc(groupPlanActions.dueOn), asc(groupPlanActions.createdAt));
	for (const { action, ownerName, subgoalTitle } of actions) {
		contents.get(action.groupPlanId)!.actions.push({
			id: action.id,
			title: action.title,
			ownerId: inGroup ? action.ownerId : null,
			ownerName: inGroup ? ownerName : null,
			dueOn: action.dueOn,
			doneAt: action.doneAt,
			subgoal: action.subgoalId && subgoalTitle ? { id: action.subgoalId, title: subgoalTitle } : null
		});
	}
	return contents;
}

export async function getGroupPlan(db: Db, actor: Actor, planId: string): Promise<GroupPlanView> {
	const { plan, unit, roundName, reading } = await planWithUnit(db, actor, planId);
	const inGroup = reading !== 'above';
	const [manager] = await db.select({ name: people.name }).from(people).where(eq(people.id, plan.managerId));
	const { areas, actions } = (await groupPlanContents(db, [planId], inGroup)).get(planId)!;
	const comments = inGroup
		? await db
				.select({ id: groupPlanComments.id, body: groupPlanComments.body, createdAt: groupPlanComments.createdAt, authorName: people.name })
				.from(groupPlanComments)
				.innerJoin(people, eq(people.id, groupPlanComments.authorId))
				.where(eq(groupPlanComments.groupPlanId, planId))
				.orderBy(asc(groupPlanComments.createdAt))
		: null;
	return {
		plan,
		unit: { id: unit.id, name: unit.name, kind: unit.kind },
		roundName,
		managerName: manager?.name ?? '',
		reading,
		areas,
		actions,
		comments,
		members: reading === 'lead' ? await membersOf(db, unit.path) : [],
		subgoals: reading === 'lead' ? await subgoalsFor(db, unit.path) : []
	};
}

async function requireLead(db: Db, actor: Actor, planId: string) {
	const found = await planWithUnit(db, actor, planId);
	// Members and those above read the plan; only its nearest manager changes it.
	if (found.reading !== 'lead') throw notFound('Handlingsplanen');
	return found;
}

export async function addGroupPlanAction(db: Db, actor: Actor, planId: string, input: unknown) {
	const { plan, unit } = await requireLead(db, actor, planId);
	const data = parseInput(groupPlanActionInput, input);
	if (data.ownerId && !(await membersOf(db, unit.path)).some((m) => m.id === data.ownerId)) throw fieldError('ownerId', 'Den ansvariga ska vara med i gruppen. Välj i listan.');
	if (data.subgoalId && !(await subgoalsFor(db, unit.path)).some((s) => s.id === data.subgoalId)) throw fieldError('subgoalId', 'Delmålet finns inte i förvaltningens plan. Välj i listan.');
	const [action] = await db
		.insert(groupPlanActions)
		.values({ groupPlanId: plan.id, title: data.title, ownerId: data.ownerId ?? null, dueOn: data.dueOn, subgoalId: data.subgoalId ?? null })
		.returning();
	await audit(db, actor, { action: 'group_plan.action', subjectType: 'group_plan', subjectId: plan.id });
	return action;
}

/** Marks an action done or not done: the manager, or the member who owns it. */
export async function setGroupPlanActionDone(db: Db, actor: Actor, planId: string, actionId: string, input: unknown) {
	const { plan, reading } = await planWithUnit(db, actor, planId);
	const data = parseInput(groupPlanActionDoneInput, input);
	if (!isUuid(actionId)) throw notFound('Åtgärden');
	const [action] = await db.select().from(groupPlanActions).where(and(eq(groupPlanActions.id, actionId), eq(groupPlanActions.groupPlanId, plan.id)));
	if (!action || (reading !== 'lead' && !(reading === 'member' && action.ownerId === actor.personId))) throw notFound('Åtgärden');
	const [updated] = await db
		.update(groupPlanActions)
		.set({ doneAt: data.done ? (action.doneAt ?? clockNow()) : null })
		.where(eq(groupPlanActions.id, actionId))
		.returning();
	await audit(db, actor, { action: data.done ? 'group_plan.action_done' : 'group_plan.action_undone', subjectType: 'group_plan', subjectId: plan.id });
	return updated;
}

/** The group's members and its manager comment, by name, for the group: the plan is made with them. */
export async function commentOnGroupPlan(db: Db, actor: Actor, planId: string, input: unknown) {
	const { plan, reading } = await planWithUnit(db, actor, planId);
	if (reading === 'above') throw notFound('Handlingsplanen');
	const data = parseInput(groupPlanCommentInput, input);
	const [comment] = await db.insert(groupPlanComments).values({ groupPlanId: plan.id, authorId: actor.personId, body: data.body }).returning();
	await audit(db, actor, { action: 'group_plan.comment', subjectType: 'group_plan', subjectId: plan.id });
	return comment;
}

export async function followUpGroupPlan(db: Db, actor: Actor, planId: string, input: unknown): Promise<GroupPlan> {
	const { plan } = await requireLead(db, actor, planId);
	const data = parseInput(groupPlanFollowUpInput, input);
	const [updated] = await db
		.update(groupPlans)
		.set({ status: 'followed_up', outcome: data.outcome, followUpText: data.followUpText, followedUpAt: plan.followedUpAt ?? clockNow(), updatedAt: clockNow() })
		.where(eq(groupPlans.id, plan.id))
		.returning();
	await audit(db, actor, { action: 'group_plan.follow_up', subjectType: 'group_plan', subjectId: plan.id, detail: { outcome: data.outcome } });
	return updated;
}

export interface GroupPlanSummary {
	id: string;
	unit: { id: string; name: string };
	roundName: string;
	status: GroupPlanStatus;
	outcome: GroupPlanOutcome | null;
	followUpOn: string;
	actions: number;
	actionsDone: number;
	reading: GroupPlanReading;
}

/**
 * Every group plan the actor may read: those of their own group, those they lead, and those
 * below their aggregate scopes. Newest round first, then by unit.
 */
export async function groupPlansFor(db: Db, actor: Actor, now = clockNow()): Promise<GroupPlanSummary[]> {
	const scopes = oversightScopes(actor, now);
	const rows = await db
		.select({
			id: groupPlans.id,
			unitId: orgUnits.id,
			unitName: orgUnits.name,
			unitPath: orgUnits.path,
			roundName: rounds.name,
			status: groupPlans.status,
			outcome: groupPlans.outcome,
			followUpOn: groupPlans.followUpOn,
			actions: sql<number>`(select count(*)::int from ${groupPlanActions} a where a.group_plan_id = ${groupPlans.id})`,
			actionsDone: sql<number>`(select count(*)::int from ${groupPlanActions} a where a.group_plan_id = ${groupPlans.id} and a.done_at is not null)`
		})
		.from(groupPlans)
		.innerJoin(orgUnits, eq(orgUnits.id, groupPlans.orgUnitId))
		.innerJoin(rounds, eq(rounds.id, groupPlans.roundId))
		.where(sql`(${pathIn(orgUnits.path, scopes)} or left(${actor.orgUnitPath}, length(${orgUnits.path})) = ${orgUnits.path})`)
		.orderBy(desc(rounds.opensAt), asc(orgUnits.path));
	return rows.flatMap((r) => {
		const reading = groupPlanReading(actor, r.unitPath, now);
		if (!reading) return [];
		return [{ id: r.id, unit: { id: r.unitId, name: r.unitName }, roundName: r.roundName, status: r.status, outcome: r.outcome, followUpOn: r.followUpOn, actions: Number(r.actions), actionsDone: Number(r.actionsDone), reading }];
	});
}

/**
 * The group actions linked to delmål, for the plan follow-up (Planens områden): what the units
 * are doing about each. Read by everyone who reads the förvaltning's plan; no owner, no comment.
 */
export async function groupActionsForSubgoals(db: Db, subgoalIds: string[]) {
	if (subgoalIds.length === 0) return [];
	return db
		.select({ id: groupPlanActions.id, subgoalId: groupPlanActions.subgoalId, title: groupPlanActions.title, dueOn: groupPlanActions.dueOn, doneAt: groupPlanActions.doneAt, unitName: orgUnits.name })
		.from(groupPlanActions)
		.innerJoin(groupPlans, eq(groupPlans.id, groupPlanActions.groupPlanId))
		.innerJoin(orgUnits, eq(orgUnits.id, groupPlans.orgUnitId))
		.where(inArray(groupPlanActions.subgoalId, subgoalIds))
		.orderBy(asc(orgUnits.name), asc(groupPlanActions.dueOn));
}

/**
 * For the start page: the plans under way of the groups the actor is a member of (they see the
 * date and are asked to read and comment), and those the actor leads whose follow-up date has passed.
 */
export async function groupPlansToAttend(db: Db, actor: Actor, now = clockNow()) {
	const today = todayInStockholm(now);
	const active = (await groupPlansFor(db, actor, now)).filter((g) => g.status === 'active');
	return {
		asMember: active.filter((g) => g.reading === 'member'),
		overdue: active.filter((g) => g.reading === 'lead' && g.followUpOn < today)
	};
}
