import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addIndividualPlanNote, getIndividualPlan, offerIndividualPlan, individualPlansOfEmployee, individualPlansOfManager, updateIndividualPlan } from '../individual-plans/service';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { teamView } from './service';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));

describe(`the nearest manager's view and individual action plans (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let roundId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const round = await insertRound(database.db, { status: 'open', unitIds: [org.units.f.id] });
		roundId = round.id;
		await insertResponse(database.db, { roundId, personId: org.people.g1[0].id, situationScore: 1, situationComment: 'Orimlig arbetsbelastning.', caseCount: 30, positiveText: 'Min grupp.' });
		await insertResponse(database.db, { roundId, personId: org.people.g1[1].id, situationScore: 5, caseCount: 20 });
		await insertResponse(database.db, { roundId, personId: org.people.e1Direct[0].id, situationScore: 4, caseCount: 10 });
		await insertResponse(database.db, { roundId, personId: org.people.e2[0].id, situationScore: 4, caseCount: 12 });
	});
	afterAll(() => database.close());

	it('the enhetschef sees everyone in the enhet by name, with motivations and the positive answer', async () => {
		const view = await teamView(database.db, await org.actor(org.people.managerE1), roundId);
		expect(view.members).toHaveLength(9);
		const first = view.members.find((m) => m.personId === org.people.g1[0].id)!;
		expect(first).toMatchObject({ name: 'G1 person 1', answered: true, situationComment: 'Orimlig arbetsbelastning.', positiveText: 'Min grupp.' });
		expect(view.members.filter((m) => !m.answered)).toHaveLength(6);
		expect(view.summary).toMatchObject({ members: 9, answered: 3, casesMean: 20, casesMedian: 20, casesTotal: 60, lowSituation: 1 });
	});

	it('the biträdande enhetschef sees only the arbetsgrupp', async () => {
		const view = await teamView(database.db, await org.actor(org.people.deputyG1), roundId);
		expect(view.members.map((m) => m.name).sort()).toEqual(org.people.g1.map((p) => p.name).sort());
	});

	it('another enhetschef sees only their own staff', async () => {
		const view = await teamView(database.db, await org.actor(org.people.managerE2), roundId);
		expect(view.members.every((m) => m.unitName === 'Enhet 2')).toBe(true);
		expect(view.members.map((m) => m.personId)).not.toContain(org.people.g1[0].id);
	});

	it('nobody above the enhet sees names, and a handläggare sees no one', async () => {
		for (const p of [org.people.departmentA, org.people.steeringF, org.people.central, org.people.admin, org.people.g1[2]]) {
			expect(await kindOf(teamView(database.db, await org.actor(p), roundId))).toBe('not_found');
		}
	});

	it('every read of named answers is written to the audit log', async () => {
		const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, 'read.named_answers'));
		expect(rows.length).toBeGreaterThanOrEqual(3);
		expect(rows[0]).toMatchObject({ subjectType: 'round', subjectId: roundId });
	});

	describe('individual action plans', () => {
		let planId: string;
		const followUpOn = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);

		it('a manager offers a plan to their own employee in one step', async () => {
			const plan = await offerIndividualPlan(database.db, await org.actor(org.people.managerE1), { personId: org.people.g1[0].id, roundId, followUpOn });
			expect(plan).toMatchObject({ status: 'offered', followUpOn, managerId: org.people.managerE1.id });
			planId = plan.id;
		});

		it('a manager cannot offer a plan to someone else’s employee (answers not found)', async () => {
			expect(await kindOf(offerIndividualPlan(database.db, await org.actor(org.people.managerE2), { personId: org.people.g1[0].id, followUpOn }))).toBe('not_found');
			expect(await kindOf(offerIndividualPlan(database.db, await org.actor(org.people.departmentA), { personId: org.people.g1[0].id, followUpOn }))).toBe('not_found');
		});

		it('refuses a missing, malformed or past follow-up date with a Swedish message', async () => {
			const manager = await org.actor(org.people.managerE1);
			for (const bad of ['', '15/2 2027', '2027-02-30', '2020-01-01']) {
				const e = await offerIndividualPlan(database.db, manager, { personId: org.people.g1[1].id, followUpOn: bad }).catch((x) => x);
				expect(e, bad).toBeInstanceOf(DomainError);
				expect((e as DomainError).fieldErrors.followUpOn, bad).toMatch(/datum|Datumet|ÅÅÅÅ/);
			}
		});

		it('the plan is visible to the employee and that manager only', async () => {
			expect((await getIndividualPlan(database.db, await org.actor(org.people.g1[0]), planId)).employeeName).toBe('G1 person 1');
			expect((await getIndividualPlan(database.db, await org.actor(org.people.managerE1), planId)).isManager).toBe(true);
			for (const p of [org.people.g1[1], org.people.deputyG1, org.people.departmentA, org.people.admin]) {
				expect(await kindOf(getIndividualPlan(database.db, await org.actor(p), planId))).toBe('not_found');
			}
			expect(await kindOf(getIndividualPlan(database.db, await org.actor(org.people.g1[0]), 'not-a-uuid'))).toBe('not_found');
		});

		it('the manager records goals and measures; the employee may not change them but may add notes', async () => {
			const manager = await org.actor(org.people.managerE1);
			const employee = await org.actor(org.people.g1[0]);
			await updateIndividualPlan(database.db, manager, planId, { status: 'active', followUpOn, goals: 'Högst 22 ärenden.', measures: 'Medhandläggare i två ärenden.' });
			expect(await kindOf(updateIndividualPlan(database.db, employee, planId, { status: 'closed', followUpOn }))).toBe('not_found');
			await addIndividualPlanNote(database.db, employee, planId, { body: 'Det har blivit bättre.' });
			expect(await kindOf(addIndividualPlanNote(database.db, employee, planId, { body: '   ' }))).toBe('invalid');
			const view = await getIndividualPlan(database.db, employee, planId);
			expect(view.plan).toMatchObject({ status: 'active', goals: 'Högst 22 ärenden.' });
			expect(view.notes.map((n) => n.body)).toEqual(['Det har blivit bättre.']);
		});

		it('closing records the outcome and the lists show it', async () => {
			const manager = await org.actor(org.people.managerE1);
			const closed = await updateIndividualPlan(database.db, manager, planId, { status: 'closed', followUpOn, goals: 'Högst 22 ärenden.', measures: 'x', outcome: 'Målet nått.' });
			expect(closed.closedAt).not.toBeNull();
			expect((await individualPlansOfManager(database.db, manager)).map((p) => p.employeeName)).toEqual(['G1 person 1']);
			expect((await individualPlansOfEmployee(database.db, await org.actor(org.people.g1[0])))[0].plan.outcome).toBe('Målet nått.');
		});
	});

	// Issue 12 item 8 / issue 11 item 9: a plan is the employee's and the manager who offered it
	// (decision 0003). The other nearest manager of the same person must not learn of it from
	// the team view (nor its export or the API, which are built from it).
	describe('a plan offered by one manager is not shown to the other in the team view', () => {
		const followUpOn = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
		let planRound: string;
		beforeAll(async () => {
			planRound = (await insertRound(database.db, { status: 'open', unitIds: [org.units.f.id] })).id;
		});
		const planOf = async (who: typeof org.people.managerE1, personId: string) =>
			(await teamView(database.db, await org.actor(who), planRound)).members.find((m) => m.personId === personId)!;

		it('the biträdande enhetschef’s plan: shown to her, not to the enhetschef, who may not open it either', async () => {
			const employee = org.people.g1[4];
			const plan = await offerIndividualPlan(database.db, await org.actor(org.people.deputyG1), { personId: employee.id, followUpOn });
			expect(await planOf(org.people.deputyG1, employee.id)).toMatchObject({ planId: plan.id, planStatus: 'offered', planFollowUpOn: followUpOn });
			expect(await kindOf(getIndividualPlan(database.db, await org.actor(org.people.managerE1), plan.id))).toBe('not_found');
			expect(await planOf(org.people.managerE1, employee.id)).toMatchObject({ planId: null, planStatus: null, planFollowUpOn: null });
		});

		it('the enhetschef’s plan: shown to him, not to the biträdande enhetschef', async () => {
			const employee = org.people.g1[5];
			const plan = await offerIndividualPlan(database.db, await org.actor(org.people.managerE1), { personId: employee.id, followUpOn });
			expect(await kindOf(getIndividualPlan(database.db, await org.actor(org.people.deputyG1), plan.id))).toBe('not_found');
			expect(await planOf(org.people.deputyG1, employee.id)).toMatchObject({ planId: null, planStatus: null, planFollowUpOn: null });
			expect((await planOf(org.people.managerE1, employee.id)).planId).toBe(plan.id);
		});

		it('each manager sees the latest plan they offered themselves, even when the other offered one later', async () => {
			const employee = org.people.g1[3];
			const older = await offerIndividualPlan(database.db, await org.actor(org.people.managerE1), { personId: employee.id, followUpOn });
			const newer = await offerIndividualPlan(database.db, await org.actor(org.people.deputyG1), { personId: employee.id, followUpOn });
			expect((await planOf(org.people.managerE1, employee.id)).planId).toBe(older.id);
			expect((await planOf(org.people.deputyG1, employee.id)).planId).toBe(newer.id);
		});
	});
});
