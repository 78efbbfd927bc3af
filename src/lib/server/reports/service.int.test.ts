import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { buildReport, type Report } from './service';
import { reportTable, trendTable } from './export';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const row = (report: Report, name: string) => report.rows.find((r) => r.unit.name === name)!;

describe(`aggregate reports through the anonymity rule (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let closedId: string;
	let openId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const closed = await insertRound(database.db, { status: 'closed', name: 'VB 2025', opensAt: new Date('2025-11-20'), unitIds: [org.units.f.id, org.units.f2.id] });
		closedId = closed.id;
		const everyone = [...org.people.e1Direct, ...org.people.g1, ...org.people.e2, ...org.people.e3, ...org.people.e4];
		for (const [i, p] of everyone.entries()) {
			await insertResponse(database.db, {
				roundId: closedId,
				personId: p.id,
				situationScore: (i % 6) + 1,
				caseCount: 10 + i,
				situationComment: i % 2 ? `Motivering nummer ${i}` : null
			});
		}
		const open = await insertRound(database.db, { status: 'open', name: 'T2 2026', unitIds: [org.units.f.id] });
		openId = open.id;
		for (const p of org.people.e2.slice(0, 3)) await insertResponse(database.db, { roundId: openId, personId: p.id });
	});
	afterAll(() => database.close());

	it('the avdelningschef sees the avdelning and its enheter, never a group under five', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId });
		expect(report.unit.name).toBe('Avdelningen för barn och unga');
		const total = row(report, 'Avdelningen för barn och unga');
		expect(total.cell.shown && total.cell.figures.respondents).toBe(19);
		const small = row(report, 'Enhet 3');
		expect(small.cell).toMatchObject({ shown: false, reason: 'too_few' });
		expect(small.cell).not.toHaveProperty('figures');
		expect(small.cell.shown === false && small.cell.reasonText).toMatch(/Färre än 5 svarande/);
	});

	it('hides the next-smallest sibling so the small group cannot be computed as total minus the rest', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId });
		expect(row(report, 'Enhet 2').cell).toMatchObject({ shown: false, reason: 'protects_other_group' });
		expect(row(report, 'Enhet 1').cell.shown).toBe(true);
		const shownChildren = report.rows.filter((r) => !r.isTotal && r.cell.shown);
		const total = row(report, 'Avdelningen för barn och unga');
		const sumShown = shownChildren.reduce((a, r) => a + (r.cell.shown ? r.cell.figures.respondents : 0), 0);
		expect(total.cell.shown && total.cell.figures.respondents - sumShown).toBeGreaterThanOrEqual(5);
	});

	it('filters by title and area through the same rule', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId, title: 'bistandshandlaggare' });
		expect(report.rows.every((r) => !r.cell.shown)).toBe(true);
		// No biståndshandläggare was asked in this avdelning: the page says so once, from who was asked.
		expect(report.filterMatchesNoOne).toBe(true);
		const byArea = await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId, area: 'barn_och_unga' });
		expect(row(byArea, 'Avdelningen för barn och unga').cell.shown).toBe(true);
		expect(byArea.filterMatchesNoOne).toBe(false);
		expect((await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId, area: 'aldreomsorg' })).filterMatchesNoOne).toBe(true);
		expect((await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId })).filterMatchesNoOne).toBe(false);
	});

	it('computes the figures correctly for a shown group', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.managerE1), { round: closedId });
		const e1 = row(report, 'Enhet 1');
		expect(e1.cell.shown).toBe(true);
		if (!e1.cell.shown) return;
		// E1 = 3 direct (i = 0..2) + G1 (i = 3..8): situation scores (i % 6) + 1 = 1,2,3,4,5,6,1,2,3
		expect(e1.cell.figures.statements.situation.distribution).toEqual([2, 2, 2, 1, 1, 1]);
		expect(e1.cell.figures.statements.situation.mean).toBeCloseTo(27 / 9);
		expect(e1.cell.figures.statements.situation.shareLow).toBeCloseTo(4 / 9);
		// The median is shown only for groups of at least 2k (decision 0002, rule 6): 9 is too few.
		expect(e1.cell.figures.casesMedian).toBeNull();
		expect(e1.cell.figures.casesMean).toBeCloseTo((10 + 11 + 12 + 13 + 14 + 15 + 16 + 17 + 18) / 9);
		expect(e1.cell.figures.responseRate).toBe(1);
		// Everyone answered 4 on the other statements: their figures are withheld, with the reason (rule 5).
		expect(e1.cell.figures.statements.quality).toMatchObject({ mean: null, distribution: [], reasonText: expect.stringMatching(/samma svar/) });
		const avdelning = row(await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId }), 'Avdelningen för barn och unga');
		// 19 respondents with 10 … 28 cases: the median (19) is shown, rounded to whole cases.
		expect(avdelning.cell.shown && avdelning.cell.figures.casesMedian).toBe(19);
	});

	it('shows free-text motivations only for groups of at least ten, without names', async () => {
		const small = await buildReport(database.db, await org.actor(org.people.managerE1), { round: closedId });
		expect(small.texts).toMatchObject({ shown: false, reason: 'too_few' });
		const big = await buildReport(database.db, await org.actor(org.people.central), { round: closedId });
		expect(big.texts?.shown).toBe(true);
		if (big.texts?.shown) {
			expect(big.texts.texts.situation.length).toBeGreaterThan(0);
			expect(JSON.stringify(big.texts)).not.toMatch(/person/i);
		}
		const searched = await buildReport(database.db, await org.actor(org.people.central), { round: closedId, q: 'nummer 1' });
		if (searched.texts?.shown) expect(searched.texts.texts.situation.every((t) => t.includes('nummer 1'))).toBe(true);
	});

	it('sends at most textLimit motivations per statement, alphabetically, with the totals; a hidden group gets no count', async () => {
		const central = await org.actor(org.people.central);
		const all = await buildReport(database.db, central, { round: closedId });
		const limited = await buildReport(database.db, central, { round: closedId, textLimit: '3' });
		if (!all.texts?.shown || !limited.texts?.shown) throw new Error('the texts of the whole kommun should be shown');
		expect(all.texts.texts.situation.length).toBeGreaterThan(3);
		expect(limited.texts.texts.situation).toEqual(all.texts.texts.situation.slice(0, 3));
		expect(limited.textTotals).toEqual(all.textTotals);
		expect(limited.textTotals?.situation).toBe(all.texts.texts.situation.length);
		const small = await buildReport(database.db, await org.actor(org.people.managerE1), { round: closedId });
		expect(small.texts?.shown).toBe(false);
		expect(small.textTotals).toBeNull();
		const bad = await buildReport(database.db, central, { round: closedId, textLimit: '-1' }).catch((e) => e);
		expect(bad).toBeInstanceOf(DomainError);
		expect((bad as DomainError).fieldErrors.textLimit).toBe('Antalet motiveringar kan inte vara negativt.');
	});

	it('answers "not found" outside the caller’s scope and for people without report access', async () => {
		expect(await kindOf(buildReport(database.db, await org.actor(org.people.departmentA), { unit: org.units.e4.id }))).toBe('not_found');
		expect(await kindOf(buildReport(database.db, await org.actor(org.people.managerE1), { unit: org.units.a.id }))).toBe('not_found');
		expect(await kindOf(buildReport(database.db, await org.actor(org.people.g1[0]), {}))).toBe('not_found');
		expect(await kindOf(buildReport(database.db, await org.actor(org.people.departmentA), { unit: 'x' }))).toBe('invalid');
		expect(await kindOf(buildReport(database.db, await org.actor(org.people.departmentA), { area: 'rymden' }))).toBe('invalid');
	});

	it('shows no figures for an open round, only how many have answered in large enough groups', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: openId });
		expect(report.rows).toEqual([]);
		expect(report.progress).toEqual({ members: 19, respondents: 3 });
		const unitReport = await buildReport(database.db, await org.actor(org.people.departmentA), { round: openId, unit: org.units.e3.id });
		expect(unitReport.progress).toBeNull();
	});

	it('shows the response rate per enhet of an open round, where the block rule lets each be shown', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: openId });
		const cellOf = (name: string) => report.progressRows.find((r) => r.unit.name === name)!.cell;
		expect(report.progressRows.map((r) => r.unit.name)).toEqual(['Avdelningen för barn och unga', 'Enhet 1', 'Enhet 2', 'Enhet 3']);
		expect(report.progressRows[0]).toMatchObject({ isTotal: true, cell: { shown: true, members: 19, respondents: 3 } });
		expect(cellOf('Enhet 3')).toMatchObject({ shown: false, reason: 'too_few' });
		expect(cellOf('Enhet 3')).not.toHaveProperty('members');
		// The hidden enhet cannot be computed as the total minus the shown ones.
		const shownMembers = report.progressRows.slice(1).reduce((n, r) => n + (r.cell.shown ? r.cell.members : 0), 0);
		expect(19 - shownMembers).toBeGreaterThanOrEqual(5);
		expect(report.progressRows.slice(1).some((r) => r.cell.shown)).toBe(true);
		// A closed round has no progress rows.
		expect((await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId })).progressRows).toEqual([]);
	});

	it('the trend passes every round through the rule', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.central), {});
		expect(report.trend.map((t) => t.roundName)).toEqual(['VB 2025']);
		expect(report.trend[0].cell.shown).toBe(true);
	});

	it('exports carry no figures for hidden cells', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: closedId });
		const table = reportTable(report);
		const e3 = table.rows.find((r) => r.unit === 'Enhet 3')!;
		expect(e3.respondents).toBeUndefined();
		expect(e3.note).toMatch(/^Färre än 5 svarande/);
		const total = table.rows.find((r) => r.unit === 'Hela Avdelningen för barn och unga')!;
		expect(total).toMatchObject({ respondents: 19, responseRate: 100 });
		const trend = trendTable(report);
		expect(trend.rows.map((r) => r.round)).toEqual(['VB 2025']);
		expect(trend.rows[0].respondents).toBe(19);
	});
});
