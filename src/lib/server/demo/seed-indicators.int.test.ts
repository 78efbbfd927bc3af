import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql, type Database, type Db } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { loadActor } from '../access/load-actor';
import { indicatorDetail } from '../indicators/dashboard';
import { entryForm, listIndicators, loadValues } from '../indicators/service';
import { cellKey, splitProblems, type Cells } from '../indicators/rules';
import { apportion } from './seed-indicators';
import { seedDemo } from './seed';

const NOW = new Date('2025-11-24T09:00:00+01:00');

describe(`demo indicator history (${testBackend})`, () => {
	let database: Database;
	let db: Db;
	beforeAll(async () => {
		database = await createTestDatabase();
		db = database.db;
		await seedDemo(db, { now: NOW, staffTarget: 400 });
	}, 120_000);
	afterAll(() => database?.close());

	const personId = async (email: string) => (await query<{ id: string }>(db, sql`select id from people where email = ${email}`))[0].id;
	const actor = async (email: string) => (await loadActor(db, await personId(email), null))!;

	it('the city counts consultants exactly as Tabell 1 of the 2021 report, about 70 % fewer from November 2016 to April 2021', async () => {
		const central = await actor('central.styrgrupp@exempelstad.se');
		const [kommun] = await query<{ id: string }>(db, sql`select id from org_units where kind = 'kommun'`);
		const detail = await indicatorDetail(db, central, 'consultants', { unit: kommun.id });
		const printed = detail.countDays!.filter((r) => r.year >= 2016 && r.year <= 2021).map((r) => [r.label, r.april, r.november]);
		expect(printed).toEqual([
			['2016', '88', '100'],
			['2017', '83', '60'],
			['2018', '58', '34'],
			['2019 (maj)', '23', '22'],
			['2020', '29', '30'],
			['2021', '26', '24']
		]);
		expect(1 - 26 / 100).toBeCloseTo(0.74, 2);
	});

	it('turnover peaks in 2016 and VFU places rise from about 65 to 130–140 a year', async () => {
		const central = await actor('central.styrgrupp@exempelstad.se');
		const [kommun] = await query<{ id: string }>(db, sql`select id from org_units where kind = 'kommun'`);
		const turnover = await indicatorDetail(db, central, 'turnover', { unit: kommun.id });
		const byYear = Object.fromEntries(turnover.panel.categories.map((c, i) => [c, turnover.panel.series[0].values[i]!]));
		expect(Math.max(...Object.values(byYear))).toBe(byYear['2016']);
		expect(byYear['2019']).toBeGreaterThan(byYear['2018']);
		expect(byYear['2020']).toBeLessThan(byYear['2019']);
		const vfu = await indicatorDetail(db, central, 'vfu_places', { unit: kommun.id });
		const year = (y: number) => vfu.panel.series[0].values.filter((_, i) => vfu.panel.categories[i].endsWith(String(y))).reduce((a, b) => a! + (b ?? 0), 0)!;
		expect(year(2015)).toBe(65);
		for (const y of [2019, 2020, 2021]) expect(year(y)).toBeGreaterThanOrEqual(130);
		for (const y of [2019, 2020, 2021]) expect(year(y)).toBeLessThanOrEqual(140);
	});

	it('every split adds up to its total', async () => {
		const defs = await listIndicators(db);
		const units = await query<{ id: string }>(db, sql`select id from org_units where kind = 'forvaltning'`);
		const values = await loadValues(db, { unitIds: units.map((u) => u.id) });
		const groups = new Map<string, Cells>();
		for (const v of values) {
			const key = `${v.indicatorId}|${v.orgUnitId}|${v.period}`;
			if (!groups.has(key)) groups.set(key, new Map());
			groups.get(key)!.set(cellKey(v.dimension, v.category), { value: v.value, base: v.base });
		}
		const problems = [...groups.entries()].flatMap(([key, cells]) => Object.values(splitProblems(defs.find((d) => d.id === key.split('|')[0])!, cells)).map((m) => `${key}: ${m}`));
		expect(problems).toEqual([]);
		const [{ n }] = await query<{ n: number }>(db, sql`select count(*)::int as n from indicator_value_history where source = 'seed'`);
		expect(n).toBe(values.length + (await query<{ n: number }>(db, sql`select count(*)::int as n from indicator_values v join org_units u on u.id = v.org_unit_id where u.kind = 'kommun'`))[0].n);
	});

	it("leaves the current report's figures for the demo förvaltning to be entered", async () => {
		const form = await entryForm(db, await actor('styrgrupp@exempelstad.se'), {}, NOW);
		expect(form.reportLabel).toBe('VB 2025');
		expect(form.unit.name).toBe('Norrviks stadsdelsförvaltning');
		expect(form.items.find((i) => i.def.key === 'consultants')!.fields[0].cells[0].value).toBeNull();
		expect(form.items.find((i) => i.def.key === 'consultants')!.previous).toMatchObject({ label: 'april 2025' });
	});

	it('apportions whole numbers exactly', () => {
		expect(apportion(23, [1, 1, 1])).toEqual([8, 8, 7]);
		expect(apportion(0, [1, 2])).toEqual([0, 0]);
		expect(apportion(10, [0.85, 0.15])).toEqual([9, 1]);
	});
});
