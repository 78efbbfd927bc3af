/**
 * Individual action plans (individuella handlingsplaner). A manager offers one to a member of
 * staff in their own unit; the plan is visible to that employee and that manager only.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { INDIVIDUAL_PLAN_STATUSES } from '$lib/domain';
import type { Actor } from '../access/actor';
import { canSeeNamed } from '../access/policy';
import { mayOpenIndividualPlan } from '../access/rules';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { individualPlanNotes, individualPlans, orgUnits, people } from '../db/schema';
import { invalid, notFound, notYours } from '../errors';
import { isoDate, isUuid, parseInput } from '../validation';
import { now as clockNow, todayInStockholm } from '../clock';
import { listMeasures, type Measure } from '../measures/service';
import { defaultTeamRoundId, teamView, type TeamMemberView } from '../team/service';

export type IndividualPlan = typeof individualPlans.$inferSelect;

const followUpDate = isoDate('Fyll i ett datum för uppföljning.');

const planText = (max: number, what: string) => z.string().trim().max(max, `${what} får vara högst ${max} tecken.`).default('');

export const offerInput = z.object({
	personId: z.string().uuid('Välj en medarbetare.'),
	roundId: z.string().uuid().optional().or(z.literal('').transform(() => undefined)),
	followUpOn: followUpDate,
	goals: planText(4000, 'Målen'),
	/** Measures picked from the kommun's library (measures/service.ts); they open the plan's measures text. */
	measureIds: z.array(z.string().uuid('Välj åtgärder i listan.')).default([]),
	measures: planText(4000, 'Åtgärderna')
});

export const planUpdateInput = z.object({
	status: z.enum(INDIVIDUAL_PLAN_STATUSES, { error: 'Välj en status.' }),
	followUpOn: followUpDate,
	goals: z.string().trim().max(4000, 'Målen får vara högst 4000 tecken.').default(''),
	measures: z.string().trim().max(4000, 'Åtgärderna får vara högst 4000 tecken.').default(''),
	outcome: z.string().trim().max(4000, 'Resultatet får vara högst 4000 tecken.').optional()
});

export const noteInput = z.object({
	body: z.string().trim().min(1, 'Skriv en anteckning.').max(4000, 'Anteckningen får vara högst 4000 tecken.')
});

async function personUnitPath(db: Db, personId: string) {
	const [row] = await db
		.select({ path: orgUnits.path, name: people.name, active: people.active })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(eq(people.id, personId));
	return row;
}

export async function offerIndividualPlan(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<IndividualPlan> {
	const data = parseInput(offerInput, input);
	const person = await personUnitPath(db, data.personId);
	if (!person || !person.active || !canSeeNamed(actor, person.path)) throw notFound('Medarbetaren');
	if (data.followUpOn < todayInStockholm(now)) {
		throw invalid('Ett fält behöver rättas.', { followUpOn: 'Välj ett datum för uppföljning från och med i dag.' });
	}
	const picked = await listMeasures(db, { ids: data.measureIds });
	if (picked.length !== new Set(data.measureIds).size) throw invalid('Ett fält behöver rättas.', { measureIds: 'En vald åtgärd finns inte längre i åtgärdsbanken. Välj igen.' });
	const measures = [...picked.map((m) => `• ${m.title}`), data.measures].filter(Boolean).join('\n');
	if (measures.length > 4000) throw invalid('Ett fält behöver rättas.', { measures: 'Åtgärderna får vara högst 4000 tecken tillsammans.' });
	const [plan] = await db
		.insert(individualPlans)
		.values({ personId: data.personId, managerId: actor.personId, roundId: data.roundId ?? null, followUpOn: data.followUpOn, goals: data.goals, measures })
		.returning();
	await audit(db, actor, { action: 'action_plan.offer', subjectType: 'action_plan', subjectId: plan.id });
	return plan;
}

/**
 * What the manager sees beside the offer form: the person's answer in the round with its trend
 * and motivations (from the team view, so the same rule and the same audit of named reading),
 * the earlier plans this manager made with the person and how they ended (never another
 * manager's: decision 0003), and the library's measures grouped by the plan's areas.
 */
export async function prepareOffer(db: Db, actor: Actor, personId: string, roundId: string | null) {
	if (!isUuid(personId)) throw notFound('Medarbetaren');
	const person = await personUnitPath(db, personId);
	if (!person || !person.active || !canSeeNamed(actor, person.path)) throw notFound('Medarbetaren');
	const round = roundId ?? (await defaultTeamRoundId(db, actor));
	let answer: TeamMemberView | null = null;
	let roundName: string | null = null;
	if (round) {
		const view = await teamView(db, actor, round);
		roundName = view.round.name;
		answer = view.members.find((m) => m.personId === personId && m.answered) ?? null;
	}
	const earlierPlans = await db
		.select({ id: individualPlans.id, status: individualPlans.status, offeredAt: individualPlans.offeredAt, followUpOn: individualPlans.followUpOn, goals: individualPlans.goals, measures: individualPlans.measures, outcome: individualPlans.outcome })
		.from(individualPlans)
		.where(and(eq(individualPlans.personId, personId), eq(individualPlans.managerId, actor.personId)))
		.orderBy(desc(individualPlans.offeredAt));
	const measures = await listMeasures(db);
	const byArea = new Map<string, { area: { id: string; title: string }; measures: Measure[] }>();
	// Each measure once (one checkbox), under the first of its areas in the plan's order.
	for (const m of measures) {
		const area = m.areas[0] ?? { id: '', title: 'Övriga åtgärder' };
		if (!byArea.has(area.id)) byArea.set(area.id, { area, measures: [] });
		byArea.get(area.id)!.measures.push(m);
	}
	return { person: { id: personId, name: person.name }, roundId: answer ? round : null, roundName, answer, earlierPlans, measureGroups: [...byArea.values()] };
}

/** The plan, its notes and the people; "not found" for anyone but the employee and the manager. */
export async function getIndividualPlan(db: Db, actor: Actor, planId: string) {
	if (!isUuid(planId)) throw notFound('Handlingsplanen');
	const [plan] = await db.select().from(individualPlans).where(eq(individualPlans.id, planId));
	if (!plan || !mayOpenIndividualPlan(actor.personId, plan)) throw notFound('Handlingsplanen');
	const notes = await db
		.select({ id: individualPlanNotes.id, body: individualPlanNotes.body, createdAt: individualPlanNotes.createdAt, authorName: people.name, authorId: individualPlanNotes.authorId })
		.from(individualPlanNotes)
		.innerJoin(people, eq(people.id, individualPlanNotes.authorId))
		.where(eq(individualPlanNotes.individualPlanId, planId))
		.orderBy(asc(individualPlanNotes.createdAt));
	const [employee] = await db.select({ name: people.name }).from(people).where(eq(people.id, plan.personId));
	const [manager] = await db.select({ name: people.name }).from(people).where(eq(people.id, plan.managerId));
	if (plan.managerId === actor.personId) {
		await audit(db, actor, { action: 'read.action_plan', subjectType: 'action_plan', subjectId: planId });
	}
	return { plan, notes, employeeName: employee.name, managerName: manager.name, isManager: plan.managerId === actor.personId };
}

export async function updateIndividualPlan(db: Db, actor: Actor, planId: string, input: unknown): Promise<IndividualPlan> {
	const { plan } = await getIndividualPlan(db, actor, planId);
	if (plan.managerId !== actor.personId) throw notYours('Bara chefen som erbjöd planen kan ändra den.');
	const data = parseInput(planUpdateInput, input);
	const closing = data.status === 'closed' || data.status === 'declined';
	const [updated] = await db
		.update(individualPlans)
		.set({
			status: data.status,
			followUpOn: data.followUpOn,
			goals: data.goals,
			measures: data.measures,
			outcome: data.outcome ?? plan.outcome,
			closedAt: closing ? (plan.closedAt ?? clockNow()) : null,
			updatedAt: clockNow()
		})
		.where(eq(individualPlans.id, planId))
		.returning();
	await audit(db, actor, { action: 'action_plan.update', subjectType: 'action_plan', subjectId: planId, detail: { status: data.status } });
	return updated;
}

/** Both the employee and the manager may write follow-up notes: the plan is a dialogue. */
export async function addIndividualPlanNote(db: Db, actor: Actor, planId: string, input: unknown) {
	await getIndividualPlan(db, actor, planId);
	const data = parseInput(noteInput, input);
	const [note] = await db.insert(individualPlanNotes).values({ individualPlanId: planId, authorId: actor.personId, body: data.body }).returning();
	return note;
}

export async function individualPlansOfManager(db: Db, actor: Actor) {
	return db
		.select({ plan: individualPlans, employeeName: people.name })
		.from(individualPlans)
		.innerJoin(people, eq(people.id, individualPlans.personId))
		.where(eq(individualPlans.managerId, actor.personId))
		.orderBy(sql`${individualPlans.status} in ('closed','declined')`, asc(individualPlans.followUpOn));
}

export async function individualPlansOfEmployee(db: Db, actor: Actor) {
	return db
		.select({ plan: individualPlans, managerName: people.name })
		.from(individualPlans)
		.innerJoin(people, eq(people.id, individualPlans.managerId))
		.where(and(eq(individualPlans.personId, actor.personId)))
		.orderBy(desc(individualPlans.offeredAt));
}
