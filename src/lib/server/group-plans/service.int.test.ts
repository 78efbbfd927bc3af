/**
 * The group's action plan: made by the group's nearest manager from the group's own total (through
 * the anonymity module: a group under the threshold gets no figures), read and commented on by its
 * members, read without comments or names by those above, and nobody else learns it exists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog, cityPlanSubgoals, groupPlans } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { listAreas } from '../city-plan/areas';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { groupPlansTable } from './export';
import { addGroupPlanAction, commentOnGroupPlan, createGroupPlan, followUpGroupPlan, getGroupPlan, groupActionsForSubgoals, groupPlansFor, groupPlansToAttend, prepareGroupPlan, setGroupPlanActionDone } from './service';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const fieldsOf = (p: Promise<unknown>) => p.then(() => ({}), (e) => (e instanceof DomainError ? e.fieldErrors : {}));
const NOW = new Date('2026-11-25T12:00:00Z');

describe(`the group's action plan (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let closedId: string;
	let openId: string;
	let springId: string;
	let subgoalId: string;
	let otherSubgoalId: string;
	let areaIds: string[];
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const closed = await insertRound(database.db, { status: 'closed', opensAt: new Date('2026-10-01T06:00:00Z'), closesAt: new Date('2026-10-15T20:00:00Z'), unitIds: [org.units.e2.id] });
		closedId = closed.id;
		const open = await insertRound(database.db, { status: 'open', opensAt: new Date('2026-11-20T06:00:00Z'), closesAt: new Date('2026-12-15T20:00:00Z'), unitIds: [org.units.kommun.id] });
		openId = open.id;
		// The autumn round asked Enhet 2 only: 6 of 7 answered (shown).
		for (const [i, p] of org.people.e2.slice(0, 6).entries()) await insertResponse(database.db, { roundId: closedId, personId: p.id, situationScore: 2 + (i % 4), caseCount: 20 + i });
		// The spring round asked Grupp 1 only: three answered (too few to show anywhere).
		const spring = await insertRound(database.db, { status: 'closed', opensAt: new Date('2026-04-01T06:00:00Z'), closesAt: new Date('2026-04-15T20:00:00Z'), unitIds: [org.units.g1.id] });
		springId = spring.id;
		for (const p of org.people.g1.slice(0, 3)) await insertResponse(database.db, { roundId: springId, personId: p.id, situationScore: 1 });
		areaIds = (await listAreas(database.db)).map((a) => a.id);
		const [goal] = await database.db
			.insert(cityPlanSubgoals)
			.values({ forvaltningId: org.units.f.id, areaId: areaIds[0], title: 'Alla nya får en mentor', targetDate: '2027-06-30' })
			.returning();
		subgoalId = goal.id;
		const [other] = await database.db
			.insert(cityPlanSubgoals)
			.values({ forvaltningId: org.units.f2.id, areaId: areaIds[0], title: 'Söderås delmål', targetDate: '2027-06-30' })
			.returning();
		otherSubgoalId = other.id;
	});
	afterAll(() => database.close());

	it('the manager starts it from the group’s own total; a group under the threshold gets no figures', async () => {
		const manager = await org.actor(org.people.managerE2);
		const prepared = await prepareGroupPlan(database.db, manager, {});
		expect(prepared.groups.map((g) => g.name)).toEqual(['Enhet 2']);
		expect(prepared.round?.id).toBe(closedId);
		expect(prepared.results, JSON.stringify(prepared.results)).toMatchObject({ shown: true });
		if (prepared.results?.shown) expect(prepared.results.figures.respondents).toBe(6);

		const plan = await createGroupPlan(
			database.db,
			manager,
			{ unitId: org.units.e2.id, roundId: closedId, focusStatements: ['situation'], areaIds: [areaIds[0]], summary: 'Vi tar fler ärenden tillsammans.', followUpOn: '2027-03-01' },
			NOW
		);
		expect(plan.results.shown).toBe(true);
		expect(JSON.stringify(plan.results)).not.toContain(org.people.e2[0].id);
		expect(plan.focusStatements).toEqual(['situation']);

		// The avdelningschef is no nearest manager: no group to lead.
		expect(await kindOf(prepareGroupPlan(database.db, await org.actor(org.people.departmentA), {}))).toBe('not_found');
	});

	it('a group under the threshold: the plan keeps only the reason, never a figure', async () => {
		// Grupp 1 in the spring: three of six answered.
		const other = await org.actor(org.people.deputyG1);
		const prepared = await prepareGroupPlan(database.db, other, { unitId: org.units.g1.id, roundId: springId });
		expect(prepared.results?.shown).toBe(false);
		expect(JSON.stringify(prepared.results)).not.toMatch(/respondents|mean/);
		const plan = await createGroupPlan(database.db, other, { unitId: org.units.g1.id, roundId: springId, followUpOn: '2027-03-01' }, NOW);
		expect(plan.results.shown).toBe(false);
	});

	it('refuses bad input with what to fix, an open round, a second plan for the same round, and a group one does not lead', async () => {
		const manager = await org.actor(org.people.managerE2);
		expect(await fieldsOf(createGroupPlan(database.db, manager, { unitId: org.units.e2.id, roundId: closedId, followUpOn: '2026-11-01' }, NOW))).toEqual({
			followUpOn: 'Välj ett datum för uppföljning från och med i dag.'
		});
		expect(await fieldsOf(createGroupPlan(database.db, manager, { unitId: org.units.e2.id, roundId: closedId, followUpOn: '1 mars' }, NOW))).toEqual({
			followUpOn: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-02-15.'
		});
		expect(await fieldsOf(createGroupPlan(database.db, manager, { unitId: org.units.e2.id, roundId: openId, followUpOn: '2027-03-01' }, NOW))).toEqual({
			roundId: 'Gruppens handlingsplan görs när mätomgången har stängt: välj en stängd mätomgång.'
		});
		expect(await kindOf(createGroupPlan(database.db, manager, { unitId: org.units.e2.id, roundId: closedId, followUpOn: '2027-03-01' }, NOW))).toBe('conflict');
		expect(await kindOf(createGroupPlan(database.db, manager, { unitId: org.units.e4.id, roundId: closedId, followUpOn: '2027-03-01' }, NOW))).toBe('not_found');
		expect(await kindOf(createGroupPlan(database.db, await org.actor(org.people.departmentA), { unitId: org.units.e2.id, roundId: closedId, followUpOn: '2027-03-01' }, NOW))).toBe('not_found');
		expect(await kindOf(createGroupPlan(database.db, await org.actor(org.people.e2[0]), { unitId: org.units.e2.id, roundId: closedId, followUpOn: '2027-03-01' }, NOW))).toBe('not_found');
		const plans = await database.db.select().from(groupPlans).where(eq(groupPlans.orgUnitId, org.units.e2.id));
		expect(plans).toHaveLength(1);
	});

	it('actions: an owner from the group or none, a delmål of the förvaltning; members comment; those above read without names', async () => {
		const manager = await org.actor(org.people.managerE2);
		const [plan] = await database.db.select().from(groupPlans).where(eq(groupPlans.orgUnitId, org.units.e2.id));
		const member = org.people.e2[1];
		const withOwner = await addGroupPlanAction(database.db, manager, plan.id, { title: 'Ärendedragning varje tisdag', ownerId: member.id, dueOn: '2027-01-31', subgoalId });
		await addGroupPlanAction(database.db, manager, plan.id, { title: 'Se över introduktionen', dueOn: '2027-02-28' });
		expect(await fieldsOf(addGroupPlanAction(database.db, manager, plan.id, { title: '', dueOn: '2027-02-28' }))).toEqual({ title: 'Skriv vad ni ska göra.' });
		expect(await fieldsOf(addGroupPlanAction(database.db, manager, plan.id, { title: 'X', ownerId: org.people.e4[0].id, dueOn: '2027-02-28' }))).toEqual({
			ownerId: 'Den ansvariga ska vara med i gruppen. Välj i listan.'
		});
		expect(await fieldsOf(addGroupPlanAction(database.db, manager, plan.id, { title: 'X', dueOn: '2027-02-28', subgoalId: otherSubgoalId }))).toEqual({
			subgoalId: 'Delmålet finns inte i förvaltningens plan. Välj i listan.'
		});

		// A member reads everything of the group's plan and comments by name; may not add actions.
		const memberActor = await org.actor(member);
		await commentOnGroupPlan(database.db, memberActor, plan.id, { body: 'Bra, men tisdagar är domstolsdag.' });
		const asMember = await getGroupPlan(database.db, memberActor, plan.id);
		expect(asMember.reading).toBe('member');
		expect(asMember.comments?.map((c) => [c.authorName, c.body])).toEqual([[member.name, 'Bra, men tisdagar är domstolsdag.']]);
		expect(asMember.actions.find((a) => a.id === withOwner.id)?.ownerName).toBe(member.name);
		expect(asMember.members).toEqual([]);
		expect(await kindOf(addGroupPlanAction(database.db, memberActor, plan.id, { title: 'X', dueOn: '2027-02-28' }))).toBe('not_found');
		expect(await fieldsOf(commentOnGroupPlan(database.db, memberActor, plan.id, { body: '  ' }))).toEqual({ body: 'Skriv en kommentar.' });
		// The owner marks their own action done; another member may not.
		await setGroupPlanActionDone(database.db, memberActor, plan.id, withOwner.id, { done: true });
		expect(await kindOf(setGroupPlanActionDone(database.db, await org.actor(org.people.e2[2]), plan.id, withOwner.id, { done: false }))).toBe('not_found');

		// Above the group: the plan and its actions, no comments, no names.
		for (const above of [org.people.departmentA, org.people.steeringF, org.people.central]) {
			const view = await getGroupPlan(database.db, await org.actor(above), plan.id);
			expect(view.reading).toBe('above');
			expect(view.comments).toBeNull();
			expect(view.actions.map((a) => a.ownerName)).toEqual([null, null]);
			expect(JSON.stringify(view)).not.toContain(member.name);
			expect(await kindOf(commentOnGroupPlan(database.db, await org.actor(above), plan.id, { body: 'Hej' }))).toBe('not_found');
		}
		// Outside: another enhet's people and manager, another förvaltning.
		for (const outsider of [org.people.e4[0], org.people.managerE4, org.people.e3[0], org.people.managerE1, org.people.deputyG1]) {
			expect(await kindOf(getGroupPlan(database.db, await org.actor(outsider), plan.id))).toBe('not_found');
			expect((await groupPlansFor(database.db, await org.actor(outsider))).map((p) => p.id)).not.toContain(plan.id);
		}

		// The delmål shows what the unit does about it (title and unit, no owner).
		const linked = await groupActionsForSubgoals(database.db, [subgoalId]);
		expect(linked.map((a) => [a.title, a.unitName, a.doneAt !== null])).toEqual([['Ärendedragning varje tisdag', 'Enhet 2', true]]);
	});

	it('the manager follows up with an outcome; the list and the export show status and actions without comments or names', async () => {
		const manager = await org.actor(org.people.managerE2);
		const [plan] = await database.db.select().from(groupPlans).where(eq(groupPlans.orgUnitId, org.units.e2.id));
		// Before the follow-up: on the start page, members see the plan; the manager only once its date has passed.
		const member = await org.actor(org.people.e2[3]);
		expect((await groupPlansToAttend(database.db, member, NOW)).asMember.map((g) => g.id)).toEqual([plan.id]);
		expect((await groupPlansToAttend(database.db, manager, NOW)).overdue).toEqual([]);
		expect((await groupPlansToAttend(database.db, manager, new Date('2027-03-02T12:00:00Z'))).overdue.map((g) => g.id)).toEqual([plan.id]);
		expect(await groupPlansToAttend(database.db, await org.actor(org.people.departmentA), NOW)).toEqual({ asMember: [], overdue: [] });
		expect(await fieldsOf(followUpGroupPlan(database.db, manager, plan.id, { outcome: 'maybe' }))).toEqual({ outcome: 'Välj vad uppföljningen visade.' });
		expect(await kindOf(followUpGroupPlan(database.db, await org.actor(org.people.e2[0]), plan.id, { outcome: 'improved' }))).toBe('not_found');
		const followed = await followUpGroupPlan(database.db, manager, plan.id, { outcome: 'partly', followUpText: 'Ärendedragningen fungerar.' });
		expect(followed.status).toBe('followed_up');

		const department = await org.actor(org.people.departmentA);
		const list = await groupPlansFor(database.db, department);
		const mine = list.find((p) => p.id === plan.id);
		expect(mine).toMatchObject({ status: 'followed_up', outcome: 'partly', actions: 2, actionsDone: 1, reading: 'above' });
		const table = await groupPlansTable(database.db, department);
		const text = JSON.stringify(table.rows);
		expect(text).toContain('Ärendedragning varje tisdag');
		expect(text).not.toContain('domstolsdag');
		expect(text).not.toContain(org.people.e2[1].name);

		const actions = await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, plan.id));
		expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['group_plan.create', 'group_plan.action', 'group_plan.comment', 'group_plan.action_done', 'group_plan.follow_up']));
	});
});
