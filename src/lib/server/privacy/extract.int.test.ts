/** The register extract and the people register: everything about one person, for administrators only. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addIndividualPlanNote, offerIndividualPlan } from '../individual-plans/service';
import type { Database } from '../db/client';
import {
	auditLog,
	checklistAnswers,
	checklistItems,
	checklists,
	incidentReaders,
	incidents,
	individualPlans,
	introductionNotes,
	introductionSteps,
	introductions,
	loginAttempts,
	people,
	workloadPromptDismissals,
	workloadRatings
} from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { createSession } from '../auth/sessions';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { registerExtract } from './extract';
import { getPerson, searchPeople } from './people';

describe(`register extract (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		const db = database.db;
		org = await buildOrgFixture(db);
		const sara = org.people.g1[0];
		await db.update(people).set({ employeeId: 'A-17' }).where(eq(people.id, sara.id));
		const round = await insertRound(db, { name: 'T2 2026', status: 'open', unitIds: [org.units.f.id] });
		await insertResponse(db, { roundId: round.id, personId: sara.id, situationScore: 2, situationComment: 'För många ärenden.', positiveText: 'Kollegorna.' });
		const plan = await offerIndividualPlan(db, await org.actor(org.people.managerE1), { personId: sara.id, followUpOn: '2099-01-15' });
		await db.update(individualPlans).set({ goals: 'Färre ärenden', measures: 'Fördela om' }).where(eq(individualPlans.id, plan.id));
		await addIndividualPlanNote(db, await org.actor(sara), plan.id, { body: 'Det har blivit bättre.' });
		await createSession(db, sara.id);
		await db.insert(loginAttempts).values({ email: sara.email, ip: '10.9.9.9' });
		await db.insert(incidentReaders).values({ personId: sara.id, orgUnitId: org.units.e1.id });
		// Between the rounds: a workload rating, a week put away, a checklist and an introduction with
		// another social worker of the enhet as mentor.
		await db.insert(workloadRatings).values({ personId: sara.id, orgUnitId: org.units.g1.id, level: 4, openCases: 31, note: 'Tungt just nu.', ratedOn: '2026-11-30' });
		await db.insert(workloadPromptDismissals).values({ personId: sara.id, week: '2026-W47' });
		const [item] = await db.insert(checklistItems).values({ orgUnitId: org.units.e1.id, question: 'Barnets röst finns med' }).returning();
		const [checklist] = await db.insert(checklists).values({ personId: sara.id, orgUnitId: org.units.g1.id, enhetId: org.units.e1.id, closedOn: '2026-11-20', clientGender: 'flicka', ageBand: '7-12' }).returning();
		await db.insert(checklistAnswers).values({ checklistId: checklist.id, itemId: item.id, answer: 'ja' });
		const mentor = org.people.g1[1];
		const [intro] = await db.insert(introductions).values({ personId: sara.id, orgUnitId: org.units.e1.id, startDate: '2026-09-01', endDate: '2027-03-01', mentorId: mentor.id, createdBy: org.people.managerE1.id }).returning();
		const [step] = await db.insert(introductionSteps).values({ introductionId: intro.id, title: 'Gå igenom dokumentationen', dueWeek: 2, doneOn: '2026-09-10', doneBy: mentor.id }).returning();
		await db.insert(introductionNotes).values({ introductionId: intro.id, stepId: step.id, authorId: mentor.id, body: 'Bra genomgång.' });
		// A threat, reported by her manager on her behalf.
		await db.insert(incidents).values({
			personId: sara.id,
			reportedBy: org.people.managerE1.id,
			orgUnitId: org.units.g1.id,
			form: 'hot',
			occurredAt: new Date('2026-10-05T08:30:00Z'),
			activityArea: 'barn_och_unga',
			setting: 'Hembesök',
			description: 'En förälder hotade under hembesöket.',
			policeReported: true,
			measures: 'Dubbelbemanning vid hembesök.'
		});
	});
	afterAll(() => database.close());

	it('finds people by name, e-mail or anställningsnummer', async () => {
		const admin = await org.actor(org.people.admin);
		expect((await searchPeople(database.db, admin, { q: 'G1 person 1' })).people.map((p) => p.name)).toEqual(['G1 person 1']);
		expect((await searchPeople(database.db, admin, { q: 'A-17' })).people[0]).toMatchObject({ name: 'G1 person 1', employeeId: 'A-17', unit: 'Norrviks förvaltning / Avdelningen för barn och unga / Enhet 1 / Grupp 1', titleLabel: 'Socialsekreterare' });
		expect((await searchPeople(database.db, admin, { q: '' })).people).toEqual([]);
	});

	it('gathers everything about the person, the other tables included, and logs that it did', async () => {
		const admin = await org.actor(org.people.admin);
		const sara = org.people.g1[0];
		const extract = await registerExtract(database.db, { ...admin, ip: '10.1.2.3' }, sara.id);
		expect(extract.person).toMatchObject({ name: 'G1 person 1', employeeId: 'A-17', title: 'Socialsekreterare', active: true, localPassword: false });
		expect(extract.rounds).toEqual([{ round: 'T2 2026', status: 'open', unit: 'Norrviks förvaltning / Avdelningen för barn och unga / Enhet 1 / Grupp 1', title: 'Socialsekreterare', activityArea: 'Barn och unga' }]);
		expect(extract.answers[0]).toMatchObject({ round: 'T2 2026', situationScore: 2, situationComment: 'För många ärenden.', positiveText: 'Kollegorna.' });
		expect(extract.actionPlans[0]).toMatchObject({ manager: 'Chef E1', goals: 'Färre ärenden', notes: [{ by: 'G1 person 1', text: 'Det har blivit bättre.' }] });
		expect(extract.sessions).toHaveLength(1);
		expect(extract.failedLogins).toEqual([{ at: expect.any(String), ip: '10.9.9.9' }]);
		expect(extract.workload).toEqual([{ ratedOn: '2026-11-30', unit: 'Norrviks förvaltning / Avdelningen för barn och unga / Enhet 1 / Grupp 1', level: 4, openCases: 31, note: 'Tungt just nu.' }]);
		expect(extract.workloadDismissedWeeks).toEqual(['2026-W47']);
		expect(extract.checklists).toEqual([
			{ closedOn: '2026-11-20', enhet: 'Norrviks förvaltning / Avdelningen för barn och unga / Enhet 1', clientGender: 'Flicka/kvinna', ageBand: '7–12 år', answers: [{ item: 'Barnets röst finns med', answer: 'Ja' }] }
		]);
		expect(extract.introductions).toEqual([
			{
				unit: 'Norrviks förvaltning / Avdelningen för barn och unga / Enhet 1',
				startDate: '2026-09-01',
				endDate: '2027-03-01',
				mentor: 'G1 person 2',
				completedOn: null,
				steps: [{ title: 'Gå igenom dokumentationen', dueWeek: 2, doneOn: '2026-09-10', doneBy: 'G1 person 2' }],
				notes: [{ by: 'G1 person 2', at: expect.any(String), step: 'Gå igenom dokumentationen', text: 'Bra genomgång.' }]
			}
		]);
		expect(extract.incidents).toEqual([
			{
				occurredAt: '2026-10-05T08:30:00.000Z',
				form: 'Hot',
				unit: 'Norrviks förvaltning / Avdelningen för barn och unga / Enhet 1 / Grupp 1',
				setting: 'Hembesök',
				description: 'En förälder hotade under hembesöket.',
				policeReported: true,
				reportedBy: 'Chef E1',
				supportEnough: null,
				supportComment: null,
				measures: 'Dubbelbemanning vid hembesök.',
				authorityReportedOn: null,
				workInjuryReportedOn: null
			}
		]);
		expect(extract.incidentsReportedForOthers).toEqual([]);
		// The new tables have their own sections; only what has none is listed row by row.
		expect(extract.other).toEqual([{ table: 'incident_readers', column: 'person_id', rows: [expect.objectContaining({ person_id: sara.id, org_unit_id: org.units.e1.id })] }]);
		expect(JSON.stringify(extract)).not.toMatch(/password_hash|"id":"[0-9a-f]{64}"/);

		const manager = await registerExtract(database.db, admin, org.people.managerE1.id);
		expect(manager.plansAsManager).toEqual([{ employee: 'G1 person 1', round: null, status: 'offered', offeredAt: expect.any(String), notesWritten: 0 }]);
		expect(JSON.stringify(manager)).not.toContain('Färre ärenden');
		// The manager reported the threat for her: that they did is in theirs, what happened is not.
		expect(manager.incidentsReportedForOthers).toEqual([{ employee: 'G1 person 1', reportedAt: expect.any(String) }]);
		expect(manager.incidents).toEqual([]);
		expect(JSON.stringify(manager)).not.toContain('hotade');
		// That the manager started her introduction has no section of its own: it is listed row by row.
		expect(manager.other).toContainEqual({ table: 'introductions', column: 'created_by', rows: [expect.objectContaining({ person_id: sara.id, created_by: org.people.managerE1.id })] });

		// The mentor sees that they are one, and how many notes they wrote, not what the programme says.
		const mentor = await registerExtract(database.db, admin, org.people.g1[1].id);
		expect(mentor.introductionsAsMentor).toEqual([{ employee: 'G1 person 1', startDate: '2026-09-01', notesWritten: 1 }]);
		expect(mentor.introductions).toEqual([]);
		// The step the mentor ticked in her programme is listed as stored, like any reference no section covers.
		expect(mentor.other).toEqual([{ table: 'introduction_steps', column: 'done_by', rows: [expect.objectContaining({ title: 'Gå igenom dokumentationen', done_by: org.people.g1[1].id })] }]);
		expect(JSON.stringify(mentor)).not.toContain('Bra genomgång');

		const logged = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'read.register_extract'), eq(auditLog.subjectId, sara.id)));
		expect(logged[0]).toMatchObject({ actorId: admin.personId, subjectType: 'person', ip: '10.1.2.3' });
	});

	it('is for administrators only, and does not exist for anyone else', async () => {
		for (const p of [org.people.managerE1, org.people.central, org.people.g1[0]]) {
			const actor = await org.actor(p);
			await expect(registerExtract(database.db, actor, org.people.g1[0].id)).rejects.toMatchObject({ kind: 'not_found' });
			await expect(searchPeople(database.db, actor, { q: 'G1' })).rejects.toMatchObject({ kind: 'not_found' });
			await expect(getPerson(database.db, actor, org.people.g1[0].id)).rejects.toMatchObject({ kind: 'not_found' });
		}
		await expect(getPerson(database.db, await org.actor(org.people.admin), 'not-a-uuid')).rejects.toMatchObject({ kind: 'not_found' });
	});
});
