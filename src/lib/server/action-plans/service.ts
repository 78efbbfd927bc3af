/**
 * Individual action plans (individuella handlingsplaner). A manager offers one to a member of
 * staff in their own unit; the plan is visible to that employee and that manager only.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ACTION_PLAN_STATUSES } from '$lib/domain';
import type { Actor } from '../access/actor';
import { canSeeNamed } from '../access/policy';
import { mayOpenIndividualPlan } from '../access/rules';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { actionPlanNotes, actionPlans, orgUnits, people } from '../db/schema';
import { invalid, notFound, notYours } from '../errors';
import { isoDate, isUuid, parseInput } from '../validation';
import { now as clockNow, todayInStockholm } from '../clock';

export type ActionPlan = typeof actionPlans.$inferSelect;

const followUpDate = isoDate('Fyll i ett datum för uppföljning.');

export const offerInput = z.object({
	personId: z.string().uuid('Välj en medarbetare.'),
	roundId: z.string().uuid().optional().or(z.literal('').transform(() => undefined)),
	followUpOn: followUpDate
});

export const planUpdateInput = z.object({
	status: z.enum(ACTION_PLAN_STATUSES, { error: 'Välj en status.' }),
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

export async function offerPlan(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<ActionPlan> {
	const data = parseInput(offerInput, input);
	const person = await personUnitPath(db, data.personId);
	if (!person || !person.active || !canSeeNamed(actor, person.path)) throw notFound('Medarbetaren');
	if (data.followUpOn < todayInStockholm(now)) {
		throw invalid('Ett fält behöver rättas.', { followUpOn: 'Välj ett datum för uppföljning från och med i dag.' });
	}
	const [plan] = await db
		.insert(actionPlans)
		.values({ personId: data.personId, managerId: actor.personId, roundId: data.roundId ?? null, followUpOn: data.followUpOn })
		.returning();
	await audit(db, actor, { action: 'action_plan.offer', subjectType: 'action_plan', subjectId: plan.id });
	return plan;
}

/** The plan, its notes and the people; "not found" for anyone but the employee and the manager. */
export async function getPlan(db: Db, actor: Actor, planId: string) {
	if (!isUuid(planId)) throw notFound('Handlingsplanen');
	const [plan] = await db.select().from(actionPlans).where(eq(actionPlans.id, planId));
	if (!plan || !mayOpenIndividualPlan(actor.personId, plan)) throw notFound('Handlingsplanen');
	const notes = await db
		.select({ id: actionPlanNotes.id, body: actionPlanNotes.body, createdAt: actionPlanNotes.createdAt, authorName: people.name, authorId: actionPlanNotes.authorId })
		.from(actionPlanNotes)
		.innerJoin(people, eq(people.id, actionPlanNotes.authorId))
		.where(eq(actionPlanNotes.actionPlanId, planId))
		.orderBy(asc(actionPlanNotes.createdAt));
	const [employee] = await db.select({ name: people.name }).from(people).where(eq(people.id, plan.personId));
	const [manager] = await db.select({ name: people.name }).from(people).where(eq(people.id, plan.managerId));
	if (plan.managerId === actor.personId) {
		await audit(db, actor, { action: 'read.action_plan', subjectType: 'action_plan', subjectId: planId });
	}
	return { plan, notes, employeeName: employee.name, managerName: manager.name, isManager: plan.managerId === actor.personId };
}

export async function updatePlan(db: Db, actor: Actor, planId: string, input: unknown): Promise<ActionPlan> {
	const { plan } = await getPlan(db, actor, planId);
	if (plan.managerId !== actor.personId) throw notYours('Bara chefen som erbjöd planen kan ändra den.');
	const data = parseInput(planUpdateInput, input);
	const closing = data.status === 'closed' || data.status === 'declined';
	const [updated] = await db
		.update(actionPlans)
		.set({
			status: data.status,
			followUpOn: data.followUpOn,
			goals: data.goals,
			measures: data.measures,
			outcome: data.outcome ?? plan.outcome,
			closedAt: closing ? (plan.closedAt ?? clockNow()) : null,
			updatedAt: clockNow()
		})
		.where(eq(actionPlans.id, planId))
		.returning();
	await audit(db, actor, { action: 'action_plan.update', subjectType: 'action_plan', subjectId: planId, detail: { status: data.status } });
	return updated;
}

/** Both the employee and the manager may write follow-up notes: the plan is a dialogue. */
export async function addNote(db: Db, actor: Actor, planId: string, input: unknown) {
	await getPlan(db, actor, planId);
	const data = parseInput(noteInput, input);
	const [note] = await db.insert(actionPlanNotes).values({ actionPlanId: planId, authorId: actor.personId, body: data.body }).returning();
	return note;
}

export async function plansOfManager(db: Db, actor: Actor) {
	return db
		.select({ plan: actionPlans, employeeName: people.name })
		.from(actionPlans)
		.innerJoin(people, eq(people.id, actionPlans.personId))
		.where(eq(actionPlans.managerId, actor.personId))
		.orderBy(sql`${actionPlans.status} in ('closed','declined')`, asc(actionPlans.followUpOn));
}

export async function plansOfEmployee(db: Db, actor: Actor) {
	return db
		.select({ plan: actionPlans, managerName: people.name })
		.from(actionPlans)
		.innerJoin(people, eq(people.id, actionPlans.managerId))
		.where(and(eq(actionPlans.personId, actor.personId)))
		.orderBy(desc(actionPlans.offeredAt));
}
