/**
 * Introduction programmes and mentors (issue 14, part 3) on the database: the enhetschef's template
 * and mentor role, the nearest manager's start and view of who is behind, ticks and notes by the
 * new employee, the mentor and the manager, and every refusal: wrong role, another unit's
 * programme, bad input, a personnummer in a note. Placements (VFU students, trainees) too.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateScopes } from '../access/policy';
import type { Database } from '../db/client';
import { auditLog, introductions } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { refusal } from '../testing/refusal';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import {
	addNote,
	addTemplateStep,
	endMentorRole,
	enhetPlacements,
	enhetSetup,
	giveMentorRole,
	introductionDetail,
	mentoredIntroductions,
	myIntroduction,
	recordPlacement,
	removePlacement,
	removeTemplateStep,
	startIntroduction,
	teamIntroductions,
	tickStep
} from './service';

/** Thursday 3 December 2026, noon in Stockholm. */
const NOW = new Date('2026-12-03T11:00:00Z');

describe(`introduction programmes and mentors (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let programme: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('lets the enhetschef keep the template and give the mentor role, audited; nobody else', async () => {
		const chef = await org.actor(org.people.managerE1);
		const db = database.db;
		await addTemplateStep(db, chef, null, { title: 'Stadens introduktionskurs', dueWeek: '3' }, NOW);
		await addTemplateStep(db, chef, null, { title: 'Signs of Safety grundkurs', dueWeek: '8' }, NOW);
		const extra = await addTemplateStep(db, chef, null, { title: 'Tas bort', dueWeek: '1' }, NOW);
		await addTemplateStep(db, chef, null, { title: 'Ärendegenomgång med biträdande enhetschef', dueWeek: '1' }, NOW);
		await removeTemplateStep(db, chef, null, { stepId: extra.id }, NOW);
		expect((await refusal(addTemplateStep(db, chef, null, { title: '', dueWeek: '27' }, NOW))).fieldErrors).toEqual({
			title: 'Skriv vad steget är, till exempel ”Stadens introduktionskurs”.',
			dueWeek: 'Skriv vilken vecka steget ska vara gjort, 1–26.'
		});
		await giveMentorRole(db, chef, null, { personId: org.people.e1Direct[0].id }, NOW);
		await giveMentorRole(db, chef, null, { personId: org.people.g1[5].id }, NOW);
		expect((await refusal(giveMentorRole(db, chef, null, { personId: org.people.e1Direct[0].id }, NOW))).kind).toBe('conflict');
		// Only staff of the enhet: someone in another enhet is not a candidate.
		expect((await refusal(giveMentorRole(db, chef, null, { personId: org.people.e2[0].id }, NOW))).fieldErrors).toEqual({ personId: 'Välj en handläggare på enheten.' });
		await endMentorRole(db, chef, null, { personId: org.people.g1[5].id }, NOW);
		const setup = await enhetSetup(db, chef, {}, NOW);
		expect(setup.steps.map((s) => [s.title, s.dueWeek])).toEqual([
			['Ärendegenomgång med biträdande enhetschef', 1],
			['Stadens introduktionskurs', 3],
			['Signs of Safety grundkurs', 8]
		]);
		expect(setup.mentors.map((m) => m.name)).toEqual(['E1 person 1']);
		expect(setup.candidates.map((c) => c.name)).toContain('G1 person 6');
		const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, chef.personId))).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['introduction.template_step_added', 'introduction.template_step_removed', 'introduction.mentor_given', 'introduction.mentor_ended']));
		// The biträdande enhetschef (an arbetsgrupp), a handläggare, the avdelningschef, another enhet's chef: no such page.
		for (const who of [org.people.deputyG1, org.people.e1Direct[1], org.people.departmentA, org.people.admin]) {
			expect((await refusal(enhetSetup(db, await org.actor(who), {}, NOW))).kind).toBe('not_found');
			expect((await refusal(addTemplateStep(db, await org.actor(who), null, { title: 'X', dueWeek: 2 }, NOW))).kind).toBe('not_found');
		}
		expect((await refusal(enhetSetup(db, await org.actor(org.people.managerE2), { unit: org.units.e1.id }, NOW))).kind).toBe('not_found');
	});

	it('the mentor role opens no reports: it is not a scope', async () => {
		const mentor = await org.actor(org.people.e1Direct[0]);
		expect(mentor.assignments.map((a) => a.role)).toEqual(['mentor']);
		expect(aggregateScopes(mentor, NOW)).toEqual([]);
	});

	it('lets the nearest manager start a programme from the template with a mentor, and refuses what is wrong', async () => {
		const db = database.db;
		const deputy = await org.actor(org.people.deputyG1);
		const newcomer = org.people.g1[0];
		const mentorId = org.people.e1Direct[0].id;
		expect((await refusal(startIntroduction(db, deputy, { personId: newcomer.id, startDate: '2026-13-01', mentorId }, NOW))).fieldErrors).toEqual({ startDate: 'Datumet finns inte. Kontrollera månad och dag.' });
		expect((await refusal(startIntroduction(db, deputy, { personId: newcomer.id, startDate: '2026-10-01', mentorId: org.people.g1[5].id }, NOW))).fieldErrors).toEqual({
			mentorId: 'Välj en mentor bland enhetens mentorer.'
		});
		// Someone outside the manager's staff does not exist for them; nor for a handläggare or the avdelningschef.
		expect((await refusal(startIntroduction(db, deputy, { personId: org.people.e1Direct[2].id, startDate: '2026-10-01', mentorId }, NOW))).kind).toBe('not_found');
		for (const who of [org.people.g1[1], org.people.departmentA]) {
			expect((await refusal(startIntroduction(db, await org.actor(who), { personId: newcomer.id, startDate: '2026-10-01', mentorId }, NOW))).kind).toBe('not_found');
		}
		// An enhet without a template: said so in Swedish.
		const chefE2 = await org.actor(org.people.managerE2);
		const noTemplate = await refusal(startIntroduction(db, chefE2, { personId: org.people.e2[0].id, startDate: '2026-10-01', mentorId }, NOW));
		expect(noTemplate.message).toBe('Enheten har ingen introduktionsmall ännu. Be enhetschefen lägga in stegen först.');

		({ id: programme } = await startIntroduction(db, deputy, { personId: newcomer.id, startDate: '2026-10-01', mentorId }, NOW));
		expect((await refusal(startIntroduction(db, deputy, { personId: newcomer.id, startDate: '2026-11-01', mentorId }, NOW))).kind).toBe('conflict');
		const [row] = await db.select().from(introductions).where(eq(introductions.id, programme));
		expect(row).toMatchObject({ startDate: '2026-10-01', endDate: '2027-04-01', orgUnitId: org.units.e1.id, mentorId, completedOn: null });

		// The deputy and the enhetschef both see it; week 1 and week 8 are over on 3 December, unticked: behind.
		for (const who of [org.people.deputyG1, org.people.managerE1]) {
			const team = await teamIntroductions(db, await org.actor(who), NOW);
			expect(team.introductions).toHaveLength(1);
			expect(team.introductions[0]).toMatchObject({ person: { name: 'G1 person 1' }, mentor: { name: 'E1 person 1' }, progress: { done: 0, total: 3, behind: 3, status: 'efter' } });
			expect(team.startable.map((s) => s.person.id)).not.toContain(newcomer.id);
		}
		const chefE1 = await teamIntroductions(db, await org.actor(org.people.managerE1), NOW);
		expect(chefE1.startable.find((s) => s.person.id === org.people.e1Direct[1].id)).toMatchObject({ enhet: { id: org.units.e1.id }, mentors: [{ id: mentorId }], templateSteps: 3 });
		expect((await refusal(teamIntroductions(db, await org.actor(org.people.g1[1]), NOW))).kind).toBe('not_found');
		expect((await teamIntroductions(db, chefE2, NOW)).introductions).toEqual([]);
	});

	it('lets the new employee, the mentor and the manager tick steps and write notes; nobody else sees the programme', async () => {
		const db = database.db;
		const me = await org.actor(org.people.g1[0]);
		const mine = (await myIntroduction(db, me, NOW))!;
		expect(mine.reading).toBe('self');
		expect(mine.steps.map((s) => [s.dueWeek, s.dueDate, s.behind])).toEqual([
			[1, '2026-10-07', true],
			[3, '2026-10-21', true],
			[8, '2026-11-25', true]
		]);
		await tickStep(db, me, programme, { stepId: mine.steps[0].id, done: 'on' }, NOW);
		const mentor = await org.actor(org.people.e1Direct[0]);
		expect((await mentoredIntroductions(db, mentor, NOW)).map((i) => i.id)).toEqual([programme]);
		await tickStep(db, mentor, programme, { stepId: mine.steps[1].id, done: true }, NOW);
		await addNote(db, mentor, programme, { body: 'Bra första ärendegenomgång.', stepId: mine.steps[0].id }, NOW);
		expect((await refusal(addNote(db, me, programme, { body: 'Flickan 0503121234 berättade' }, NOW))).fieldErrors).toEqual({
			body: 'Skriv inga personnummer eller andra uppgifter om klienter i anteckningen.'
		});
		expect((await refusal(addNote(db, me, programme, { body: '  ' }, NOW))).fieldErrors).toEqual({ body: 'Skriv anteckningen.' });
		expect((await refusal(tickStep(db, me, programme, { stepId: 'nej', done: true }, NOW))).fieldErrors).toEqual({ stepId: 'Välj ett steg.' });
		const manager = await org.actor(org.people.managerE1);
		await tickStep(db, manager, programme, { stepId: mine.steps[2].id, done: true }, NOW);
		const done = await introductionDetail(db, manager, programme, NOW);
		expect(done).toMatchObject({ reading: 'manager', completedOn: '2026-12-03', progress: { done: 3, behind: 0, status: 'klar' } });
		expect(done.notes.map((n) => [n.author, n.body])).toEqual([['E1 person 1', 'Bra första ärendegenomgång.']]);
		await tickStep(db, me, programme, { stepId: mine.steps[2].id, done: false }, NOW);
		expect((await introductionDetail(db, mentor, programme, NOW)).completedOn).toBeNull();
		// A colleague, another enhet's chef, the avdelningschef, the admin: the programme does not exist.
		for (const who of [org.people.g1[1], org.people.managerE2, org.people.departmentA, org.people.admin]) {
			const actor = await org.actor(who);
			expect((await refusal(introductionDetail(db, actor, programme, NOW))).kind).toBe('not_found');
			expect((await refusal(tickStep(db, actor, programme, { stepId: mine.steps[0].id, done: true }, NOW))).kind).toBe('not_found');
			expect((await refusal(addNote(db, actor, programme, { body: 'Hej' }, NOW))).kind).toBe('not_found');
		}
		// A step of another programme is not found through this one.
		expect((await refusal(introductionDetail(db, me, '00000000-0000-4000-8000-000000000000', NOW))).kind).toBe('not_found');
		expect(await myIntroduction(db, await org.actor(org.people.g1[1]), NOW)).toBeNull();
		const reads = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.actorId, manager.personId), eq(auditLog.subjectId, programme)));
		expect(reads.map((r) => r.action)).toEqual(expect.arrayContaining(['read.introduction', 'introduction.step_done']));
	});

	it('lets the enhetschef record the students and trainees received per semester; nobody else', async () => {
		const db = database.db;
		const chef = await org.actor(org.people.managerE1);
		const p = await recordPlacement(db, chef, null, { semester: '2026-HT', kind: 'vfu_student', gender: 'kvinna' }, NOW);
		await recordPlacement(db, chef, null, { semester: '2026-VT', kind: 'trainee', gender: '' }, NOW);
		expect((await refusal(recordPlacement(db, chef, null, { semester: 'hösten', kind: 'praktikant' }, NOW))).fieldErrors).toEqual({
			semester: 'Välj termin, till exempel 2026-HT.',
			kind: 'Välj VFU-student eller trainee.'
		});
		expect((await enhetPlacements(db, chef, {}, NOW)).placements.map((x) => [x.semester, x.kind, x.gender])).toEqual([
			['2026-HT', 'vfu_student', 'kvinna'],
			['2026-VT', 'trainee', null]
		]);
		for (const who of [org.people.deputyG1, org.people.e1Direct[0], org.people.managerE2]) {
			expect((await refusal(removePlacement(db, await org.actor(who), org.units.e1.id, { placementId: p.id }, NOW))).kind).toBe('not_found');
		}
		await removePlacement(db, chef, null, { placementId: p.id }, NOW);
		expect((await enhetPlacements(db, chef, {}, NOW)).placements).toHaveLength(1);
	});
});
