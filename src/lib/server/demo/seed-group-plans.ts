/**
 * The demo's group action plan: the enhetschef's enhet made one after the round before the
 * latest, with two agreed actions, a member's comment and a follow-up, so the pages show a plan
 * that has been worked through. The latest closed round is left without one: the enhetschef makes
 * it (the walkthrough and the browser tests do). Made through the service, as a manager would,
 * because the group's figures must come through the report and its anonymity rule.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { loadActor } from '../access/load-actor';
import type { Db } from '../db';
import { cityPlanAreas, cityPlanSubgoals, orgUnits, people } from '../db/schema';
import { addDays } from '$lib/time';
import { todayInStockholm } from '../clock';
import { pathIds } from '../org/service';
import { closedRoundsLatestFirst } from '../rounds/service';
import { addGroupPlanAction, commentOnGroupPlan, createGroupPlan, followUpGroupPlan, groupsToLead, setGroupPlanActionDone } from '../group-plans/service';

export async function seedGroupPlans(db: Db, opts: { now: Date; managerEmail: string; memberEmail: string }): Promise<void> {
	const [manager] = await db.select({ id: people.id }).from(people).where(eq(people.email, opts.managerEmail));
	const [member] = await db.select({ id: people.id, unitPath: orgUnits.path }).from(people).innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId)).where(eq(people.email, opts.memberEmail));
	const actor = manager && (await loadActor(db, manager.id));
	const memberActor = member && (await loadActor(db, member.id));
	if (!actor || !memberActor) return;
	const group = (await groupsToLead(db, actor, opts.now)).find((g) => member.unitPath.startsWith(g.path));
	const closed = await closedRoundsLatestFirst(db);
	if (!group || closed.length < 2) return;

	const today = todayInStockholm(opts.now);
	const plan = await createGroupPlan(
		db,
		actor,
		{
			unitId: group.id,
			roundId: closed[1].id,
			focusStatements: ['situation'],
			summary: 'Vi har för många ärenden per person och hinner inte dokumentera. Det som fungerar är kollegorna och ärendedragningen.',
			followUpOn: today
		},
		opts.now
	);
	// The delmål the case reviews serve: one about case guidance if the förvaltning has one.
	const subgoals = await db
		.select({ id: cityPlanSubgoals.id, area: cityPlanAreas.title })
		.from(cityPlanSubgoals)
		.innerJoin(cityPlanAreas, eq(cityPlanAreas.id, cityPlanSubgoals.areaId))
		.where(and(inArray(cityPlanSubgoals.forvaltningId, pathIds(group.path)), eq(cityPlanSubgoals.status, 'open')))
		.orderBy(cityPlanAreas.position);
	const subgoal = subgoals.find((g) => /ärendehandledning|medhandläggar/i.test(g.area)) ?? subgoals[0];
	const first = await addGroupPlanAction(db, actor, plan.id, { title: 'Gemensam ärendedragning varje tisdag', ownerId: member.id, dueOn: addDays(today, -30), subgoalId: subgoal?.id });
	await addGroupPlanAction(db, actor, plan.id, { title: 'Skrivtid utan telefon två förmiddagar i veckan', dueOn: addDays(today, 30) });
	await setGroupPlanActionDone(db, memberActor, plan.id, first.id, { done: true });
	await commentOnGroupPlan(db, memberActor, plan.id, { body: 'Ärendedragningen hjälper, men tisdagar krockar ibland med domstolen.' });
	await followUpGroupPlan(db, actor, plan.id, { outcome: 'partly', followUpText: 'Ärendedragningen är på plats. Skrivtiden har inte kommit i gång än.' });
}
