/**
 * Workload between the rounds (issue 14) on the database: rating and its refusals, the weekly
 * question, the nearest manager's named view with its signals (audited), and the monthly figures
 * above the manager through the anonymity rule — months that are over only.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { auditLog, workloadRatings } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { refusal } from '../testing/refusal';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { dismissWorkloadPrompt, monthlyWorkload, myWorkload, rateWorkload, teamWorkload, workloadPromptDue } from './service';

/** Thursday 3 December 2026, noon in Stockholm. */
const NOW = new Date('2026-12-03T11:00:00Z');
const day = (d: string) => new Date(`${d}T11:00:00Z`);

describe(`workload between the rounds (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('lets a social worker rate their workload, and refuses what a rating may not hold', async () => {
		const me = await org.actor(org.people.e2[0]);
		const saved = await rateWorkload(database.db, me, { level: '4', openCases: '31', note: 'Två kollegor sjuka.' }, NOW);
		expect(saved).toMatchObject({ level: 4, openCases: 31, note: 'Två kollegor sjuka.', ratedOn: '2026-12-03', orgUnitId: org.units.e2.id });
		expect((await refusal(rateWorkload(database.db, me, { level: '0' }, NOW))).fieldErrors).toEqual({ level: 'Välj hur hög din arbetsbelastning är, 1–5.' });
		expect((await refusal(rateWorkload(database.db, me, { level: '3', note: 'Flickan 0503121234 berättade' }, NOW))).fieldErrors).toEqual({
			note: 'Skriv inga personnummer eller andra uppgifter om klienter i anteckningen.'
		});
		expect((await myWorkload(database.db, me)).map((r) => r.level)).toEqual([4]);
		// Managers and readers do not rate: for them the page does not exist.
		for (const who of [org.people.managerE2, org.people.departmentA, org.people.admin]) {
			expect((await refusal(rateWorkload(database.db, await org.actor(who), { level: '3' }, NOW))).kind).toBe('not_found');
		}
	});

	it('asks once a week: not after a rating this week, nor after "Inte nu", and again next week', async () => {
		const rated = await org.actor(org.people.e2[0]);
		expect(await workloadPromptDue(database.db, rated, NOW)).toBe(false);
		expect(await workloadPromptDue(database.db, rated, day('2026-12-07'))).toBe(true);
		const other = await org.actor(org.people.e2[1]);
		expect(await workloadPromptDue(database.db, other, NOW)).toBe(true);
		await dismissWorkloadPrompt(database.db, other, NOW);
		await dismissWorkloadPrompt(database.db, other, NOW); // twice is once
		expect(await workloadPromptDue(database.db, other, day('2026-12-06'))).toBe(false);
		expect(await workloadPromptDue(database.db, other, day('2026-12-07'))).toBe(true);
		expect(await workloadPromptDue(database.db, await org.actor(org.people.managerE2), NOW)).toBe(false);
	});

	it('shows the nearest manager each of their own staff by name with signals, audited; nobody else', async () => {
		const [a, b] = org.people.e2.slice(2);
		for (const [d, level] of [['2026-11-05', 3], ['2026-11-12', 4], ['2026-11-19', 5], ['2026-11-26', 4]] as const) await rateWorkload(database.db, await org.actor(a), { level }, day(d));
		for (const [d, level] of [['2026-11-12', 2], ['2026-11-26', 4]] as const) await rateWorkload(database.db, await org.actor(b), { level }, day(d));
		const members = await teamWorkload(database.db, await org.actor(org.people.managerE2));
		expect(members.map((m) => m.name)).toEqual(org.people.e2.map((p) => p.name).sort((x, y) => x.localeCompare(y, 'sv')));
		const of = (id: string) => members.find((m) => m.personId === id)!;
		expect(of(a.id).ratings.map((r) => r.level)).toEqual([3, 4, 5, 4]);
		expect(of(a.id).signals).toEqual(['high_three_times']);
		expect(of(b.id).signals).toEqual(['jumped']);
		expect(of(org.people.e2[6].id).ratings).toEqual([]);
		const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'read.named_workload'));
		expect(entry).toMatchObject({ actorId: org.people.managerE2.id });
		// Another enhet's manager sees none of them; staff and readers above have no such view.
		expect((await teamWorkload(database.db, await org.actor(org.people.managerE1))).some((m) => m.personId === a.id)).toBe(false);
		for (const who of [org.people.e2[0], org.people.departmentA, org.people.steeringF]) {
			expect((await refusal(teamWorkload(database.db, await org.actor(who)))).kind).toBe('not_found');
		}
	});

	it('shows months that are over per unit above the manager, through the anonymity rule', async () => {
		// November: 7 in Enhet 2 rate (levels 2–5), 2 in Enhet 3; Enhet 3 is too small and Enhet 2 then
		// protects it within the avdelning. December is still running.
		await database.db.delete(workloadRatings);
		const levels = [2, 3, 4, 5, 4, 3, 4];
		for (const [i, p] of org.people.e2.entries()) await rateWorkload(database.db, await org.actor(p), { level: levels[i] }, day('2026-11-10'));
		for (const p of org.people.e3.slice(0, 2)) await rateWorkload(database.db, await org.actor(p), { level: 3 }, day('2026-11-11'));
		// A later rating in the month is the one that counts.
		await rateWorkload(database.db, await org.actor(org.people.e2[0]), { level: 3 }, day('2026-11-20'));
		for (const p of [...org.people.e2, ...org.people.e3.slice(0, 2)]) await rateWorkload(database.db, await org.actor(p), { level: 5 }, day('2026-12-02'));

		const view = await monthlyWorkload(database.db, await org.actor(org.people.departmentA), {}, NOW);
		expect(view.months.map((m) => m.label)).toEqual(['november 2026']);
		const row = (name: string) => view.rows.find((r) => r.unit.name === name)!.cells[0];
		expect(row('Avdelningen för barn och unga')).toMatchObject({ shown: true, n: 9, figures: { people: 9, median: null } });
		const total = row('Avdelningen för barn och unga');
		if (total.shown) expect(total.figures.shareHigh).toBeCloseTo(4 / 9);
		expect(row('Enhet 3')).toMatchObject({ shown: false, reason: 'too_few' });
		expect(row('Enhet 2')).toMatchObject({ shown: false, reason: 'protects_other_group' });
		expect(row('Enhet 3')).not.toHaveProperty('figures');
		// Once December is over it is shown too. All nine rated 5: the share and the median would
		// tell each one's rating, so only how many rated is shown.
		const january = await monthlyWorkload(database.db, await org.actor(org.people.departmentA), {}, day('2027-01-05'));
		expect(january.months.map((m) => m.month)).toEqual(['2026-11', '2026-12']);
		expect(january.rows[0].cells[1]).toMatchObject({ shown: true, n: 9, figures: { people: 9, shareHigh: null, median: null } });
		// Enhet 2's manager sees the enhet's months: hidden, for it protects Enhet 3's two.
		const manager = await monthlyWorkload(database.db, await org.actor(org.people.managerE2), {}, day('2027-01-05'));
		expect(manager.unit.name).toBe('Enhet 2');
		expect(manager.rows[0].cells.map((c) => c.shown)).toEqual([false, false]);
		// A caseworker has no aggregate view.
		expect((await refusal(monthlyWorkload(database.db, await org.actor(org.people.e2[0]), {}, NOW))).kind).toBe('not_found');
	});
});
