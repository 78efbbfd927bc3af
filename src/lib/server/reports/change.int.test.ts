/** Change since the previous round and the units to compare with, on the database, through the anonymity rule. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import ExcelJS from 'exceljs';
import { toXlsx } from '../export/table-export';
import { reportTable } from './export';
import { buildReport } from './service';

describe(`change since the previous round, and benchmarks (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let earlierId: string;
	let laterId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const everyone = [...org.people.e1Direct, ...org.people.g1, ...org.people.e2, ...org.people.e3, ...org.people.e4];
		const earlier = await insertRound(database.db, { status: 'closed', name: 'T2 2025', opensAt: new Date('2025-08-20'), unitIds: [org.units.f.id, org.units.f2.id] });
		const later = await insertRound(database.db, { status: 'closed', name: 'VB 2025', opensAt: new Date('2025-11-20'), unitIds: [org.units.f.id, org.units.f2.id] });
		earlierId = earlier.id;
		laterId = later.id;
		// Enhet 1 (9 people) answers two steps higher in VB than in T2; everyone else the same both times.
		// Answers vary within each group: a group where everyone answered alike has its figures withheld.
		const inE1 = new Set([...org.people.e1Direct, ...org.people.g1].map((p) => p.id));
		for (const [i, p] of everyone.entries()) {
			const base = inE1.has(p.id) ? 2 + (i % 3) : 3 + (i % 2);
			await insertResponse(database.db, { roundId: earlierId, personId: p.id, situationScore: base, caseCount: 20 });
			await insertResponse(database.db, { roundId: laterId, personId: p.id, situationScore: inE1.has(p.id) ? base + 2 : base, caseCount: inE1.has(p.id) ? 16 : 20 });
		}
	});
	afterAll(() => database.close());

	it('gives each shown unit its change since the previous round; a hidden one has none', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: laterId });
		expect(report.previousRound).toEqual({ id: earlierId, name: 'T2 2025' });
		const row = (name: string) => report.rows.find((r) => r.unit.name === name)!;
		expect(row('Enhet 1').change!.statements.situation).toBeCloseTo(2);
		// A median is shown only for ten or more, so nine people have no change of it.
		expect(row('Enhet 1').change!.casesMedian).toBeNull();
		expect(row('Enhet 1').change!.responseRate).toBe(0);
		expect(row('Enhet 1').previous).toMatchObject({ shown: true });
		// Enhet 2 is hidden to protect Enhet 3 (the block rule), in both rounds: no change either.
		expect(row('Enhet 2').cell.shown).toBe(false);
		expect(row('Enhet 2').change).toBeNull();
		expect(row('Enhet 3').cell.shown).toBe(false);
		expect(row('Enhet 3').change).toBeNull();
		expect(row('Enhet 3').previous).toMatchObject({ shown: false });
		expect(row('Enhet 3').previous).not.toHaveProperty('figures');
	});

	it('the first round has nothing to compare with', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: earlierId });
		expect(report.previousRound).toBeNull();
		expect(report.rows.every((r) => r.previous === null && r.change === null)).toBe(true);
	});

	it('compares with the parent unit and the kommun, through the same rule, whatever the reader’s scope', async () => {
		const department = await buildReport(database.db, await org.actor(org.people.departmentA), { round: laterId });
		expect(department.benchmarks.map((b) => [b.relation, b.unit.name, b.cell.shown])).toEqual([
			['parent', 'Norrviks förvaltning', true],
			['kommun', 'Testkommun', true]
		]);
		const unitManager = await buildReport(database.db, await org.actor(org.people.managerE2), { round: laterId });
		expect(unitManager.benchmarks.map((b) => [b.relation, b.unit.name])).toEqual([
			['parent', 'Avdelningen för barn och unga'],
			['above', 'Norrviks förvaltning'],
			['kommun', 'Testkommun']
		]);
		// The kommun's own report has nothing above it.
		expect((await buildReport(database.db, await org.actor(org.people.central), { round: laterId })).benchmarks).toEqual([]);
	});

	it('exports the change, the units to compare with, and means coloured by band', async () => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { round: laterId });
		const table = reportTable(report);
		expect(table.columns.map((c) => c.header)).toContain('Jag har en bra arbetssituation. – ändring sedan T2 2025');
		const enhet1 = table.rows.find((r) => r.unit === 'Enhet 1')!;
		expect(enhet1.situationChange).toBe(2);
		expect(table.rows.map((r) => r.unit)).toEqual(expect.arrayContaining(['Att jämföra med: Norrviks förvaltning', 'Att jämföra med: Hela Testkommun']));
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const column = table.columns.findIndex((c) => c.key === 'situationMean') + 1;
		const row = table.rows.findIndex((r) => r.unit === 'Enhet 1') + 2;
		expect(sheet.getCell(row, column).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: expect.stringMatching(/^FF[0-9A-F]{6}$/) } });
	});
});
