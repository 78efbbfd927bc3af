/**
 * The förvaltning's figures for area 2 of the plan, counted from the enheter's registrations
 * (decision 0020): new employees in a semester, the share with a programme and mentor, the share
 * completed within six months (withheld below the smallest group), VFU students by gender; saved
 * as indicator values by those who enter the förvaltning's figures, nobody else.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymityRules } from '../anonymity';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { addSubgoal, getAreaPlan } from '../city-plan/service';
import { listAreas } from '../city-plan/areas';
import { listIndicators } from '../indicators/catalogue';
import { loadValues } from '../indicators/values';
import { refusal } from '../testing/refusal';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { introductionFigures, saveIntroductionFigures } from './indicators';
import { addTemplateStep, giveMentorRole, introductionDetail, recordPlacement, startIntroduction, tickStep } from './service';

const NOW = new Date('2026-12-03T11:00:00Z');
const at = (d: string) => new Date(`${d}T11:00:00Z`);

describe(`introduction figures for the förvaltning (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		// Everyone came long ago; the new employees are made below.
		await database.db.execute(sql`update people set created_at = '2020-01-01T09:00:00Z'`);
	});
	afterAll(() => database.close());

	it('counts new employees, those with a programme and mentor, and those completed within six months; saves them for the förvaltning', async () => {
		const db = database.db;
		const minGroup = anonymityRules().minGroup;
		const chef = await org.actor(org.people.managerE1);
		await addTemplateStep(db, chef, null, { title: 'Stadens introduktionskurs', dueWeek: 6 }, at('2026-01-10'));
		await giveMentorRole(db, chef, null, { personId: org.people.e1Direct[0].id }, at('2026-01-10'));
		const people = [...org.people.g1, ...org.people.e1Direct.slice(1)].slice(0, minGroup);
		expect(people).toHaveLength(minGroup);
		const ids: string[] = [];
		for (const p of people) ids.push((await startIntroduction(db, chef, { personId: p.id, startDate: '2026-02-02', mentorId: org.people.e1Direct[0].id }, at('2026-01-20'))).id);
		// Two finish in May (within six months), one in the autumn (too late).
		for (const [id, day] of [[ids[0], '2026-05-20'], [ids[1], '2026-06-01'], [ids[2], '2026-11-01']] as const) {
			const [step] = (await introductionDetail(db, chef, id, at(day))).steps;
			await tickStep(db, chef, id, { stepId: step.id, done: true }, at(day));
		}
		// One more came in March, without a programme; one in the autumn semester.
		await db.execute(sql`update people set created_at = '2026-03-01T09:00:00Z' where id = ${org.people.e2[0].id}`);
		await db.execute(sql`update people set created_at = '2026-09-01T09:00:00Z' where id = ${org.people.e2[1].id}`);
		// VFU students: two in Norrvik's enhet 1 (one without a gender: "annat eller ej angivet"), one in Söderås.
		await recordPlacement(db, chef, null, { semester: '2026-VT', kind: 'vfu_student', gender: 'kvinna' }, NOW);
		await recordPlacement(db, chef, null, { semester: '2026-VT', kind: 'vfu_student' }, NOW);
		await recordPlacement(db, chef, null, { semester: '2026-VT', kind: 'trainee' }, NOW);
		await recordPlacement(db, await org.actor(org.people.managerE4), null, { semester: '2026-VT', kind: 'vfu_student' }, NOW);

		const steering = await org.actor(org.people.steeringF);
		const spring = await introductionFigures(db, steering, { unit: org.units.f.id, period: '2026-VT' }, NOW);
		expect(spring.counts).toEqual({ newEmployees: minGroup + 1, withProgramme: minGroup, sixMonthsOver: minGroup + 1, completedInSixMonths: 2 });
		expect(spring.withMentor).toEqual({ value: minGroup, base: minGroup + 1 });
		expect(spring.completed).toEqual({ value: 2, base: minGroup + 1 });
		expect(spring.vfuStudents).toEqual({ total: 2, byGender: { kvinna: 1, man: 0, annat: 1 } });
		// One new employee in the autumn: the count, but no share of one person.
		const autumn = await introductionFigures(db, steering, { unit: org.units.f.id, period: '2026-HT' }, NOW);
		expect(autumn.counts.newEmployees).toBe(1);
		expect(autumn.withMentor).toBeNull();

		await saveIntroductionFigures(db, steering, { unit: org.units.f.id, period: '2026-VT' }, NOW);
		const defs = new Map((await listIndicators(db)).map((d) => [d.id, d.key]));
		const values = await loadValues(db, { unitIds: [org.units.f.id], periods: ['2026-VT'] });
		const shown = values.map((v) => [defs.get(v.indicatorId), v.dimension, v.category, v.value, v.base]).sort((a, b) => String(a).localeCompare(String(b)));
		expect(shown).toEqual(
			[
				['introduction_completed', 'total', '', 2, minGroup + 1],
				['introduction_with_mentor', 'total', '', minGroup, minGroup + 1],
				['new_employees', 'total', '', minGroup + 1, null],
				['vfu_students', 'gender', 'annat', 1, null],
				['vfu_students', 'gender', 'kvinna', 1, null],
				['vfu_students', 'total', '', 2, null]
			].sort((a, b) => String(a).localeCompare(String(b)))
		);

		// A delmål of area 2 that follows the share with a mentor shows the computed figure as its progress.
		const area = (await listAreas(db)).find((a) => a.title === 'Introduktionsprogram och mentorskap för nyanställda')!;
		const subgoal = await addSubgoal(db, steering, org.units.f.id, area.id, {
			title: 'Alla nyanställda har en mentor',
			targetDate: '2027-06-30',
			statement: '',
			metric: '',
			indicator: 'introduction_with_mentor',
			targetValue: '100'
		});
		const plan = await getAreaPlan(db, steering, org.units.f.id, area.id, NOW);
		const followed = plan.subgoals.find((g) => g.id === subgoal.id)!;
		expect(followed.indicator).toMatchObject({ key: 'introduction_with_mentor' });
		const share = Math.round((1000 * minGroup) / (minGroup + 1)) / 10;
		expect(followed.progress?.latest).toMatchObject({ label: expect.stringContaining('2026'), reached: false });
		expect(followed.progress?.latest?.value).toBeCloseTo(share, 0);
	});

	it('is for those who enter the förvaltning’s figures only, and says what to fix', async () => {
		const db = database.db;
		for (const who of [org.people.managerE1, org.people.departmentA, org.people.g1[0]]) {
			expect((await refusal(introductionFigures(db, await org.actor(who), { unit: org.units.f.id, period: '2026-VT' }, NOW))).kind).toBe('not_found');
		}
		// Another förvaltning's steering group does not see Norrvik's.
		const steering = await org.actor(org.people.steeringF);
		expect((await refusal(introductionFigures(db, steering, { unit: org.units.f2.id, period: '2026-VT' }, NOW))).kind).toBe('not_found');
		expect((await refusal(introductionFigures(db, steering, { unit: org.units.f.id, period: 'hösten' }, NOW))).fieldErrors).toEqual({ period: 'Välj termin, till exempel 2026-HT.' });
	});
});
