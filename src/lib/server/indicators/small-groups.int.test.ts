/**
 * Splits of indicator figures are not shown for small groups (issue 11 item 8, decision 0006):
 * personalrörlighet by gender with "annat" at a headcount of 1 is refused whole, for the
 * förvaltning and for the city its figures add up to, in the page's data and its history; a
 * split of large groups is still shown; a split in per cent (no headcount) is not shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../access/load-actor';
import { query, sql, type Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { seedDemo } from '../demo/seed';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { indicatorDetail } from './dashboard';
import { periodLabel } from './periods';
import { saveEntries } from './service';

const entry = (indicator: string, dimension: string, category: string, value: string, base = '') => ({ indicator, dimension, category, value, base });

describe(`indicator splits of small groups (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const steering = await org.actor(org.people.steeringF);
		const central = await org.actor(org.people.central);
		// Norrvik: 10 of 60 left; by gender the one person of "annat" is a group of 1. By title both groups are large.
		const norrvik = await saveEntries(database.db, steering, {
			unit: org.units.f.id,
			period: 'VB 2022',
			entries: [
				entry('turnover', 'total', '', '10', '60'),
				entry('turnover', 'gender', 'kvinna', '6', '40'),
				entry('turnover', 'gender', 'man', '3', '19'),
				entry('turnover', 'gender', 'annat', '1', '1'),
				entry('turnover', 'title', 'socialsekreterare', '6', '35'),
				entry('turnover', 'title', 'bistandshandlaggare', '4', '25'),
				entry('sick_leave_short', 'total', '', '2,5'),
				entry('sick_leave_short', 'gender', 'kvinna', '2,7'),
				entry('sick_leave_short', 'gender', 'annat', '9,0')
			]
		});
		expect(norrvik.saved).toBe(9);
		// Söderås: large groups only.
		const soderas = await saveEntries(database.db, central, {
			unit: org.units.f2.id,
			period: 'VB 2022',
			entries: [entry('turnover', 'total', '', '5', '50'), entry('turnover', 'gender', 'kvinna', '3', '30'), entry('turnover', 'gender', 'man', '2', '20')]
		});
		expect(soderas.saved).toBe(3);
	});
	afterAll(() => database.close());

	const split = (detail: Awaited<ReturnType<typeof indicatorDetail>>, name: string) => detail.splits.find((s) => s.split === name)!;

	it('a split with a group of 1 is not shown, whole, to anyone who reads it', async () => {
		for (const reader of [org.people.departmentA, org.people.central, org.people.steeringF]) {
			const detail = await indicatorDetail(database.db, await org.actor(reader), 'turnover', { unit: org.units.f.id });
			expect(detail.panel.series[0].values).toEqual([(10 / 60) * 100]);
			expect(split(detail, 'gender')).toMatchObject({ series: [], hiddenPeriods: ['2022'] });
			// The title split of the same figure has groups of 35 and 25.
			expect(split(detail, 'title').series.map((s) => s.name)).toEqual(['Socialsekreterare', 'Biståndshandläggare']);
			expect(split(detail, 'title').hiddenPeriods).toEqual([]);
		}
	});

	it('nor for the city, where Norrvik’s hidden split would be the city minus Söderås', async () => {
		const detail = await indicatorDetail(database.db, await org.actor(org.people.central), 'turnover', { unit: org.units.kommun.id });
		expect(split(detail, 'gender')).toMatchObject({ series: [], hiddenPeriods: ['2022'] });
		// Söderås alone, with groups of 30 and 20, is shown.
		const soderas = await indicatorDetail(database.db, await org.actor(org.people.central), 'turnover', { unit: org.units.f2.id });
		expect(split(soderas, 'gender').series.map((s) => [s.name, s.values])).toEqual([
			['Kvinna', [10]],
			['Man', [10]]
		]);
	});

	it('the history of a split figure is shown only to those who enter it', async () => {
		const reader = await indicatorDetail(database.db, await org.actor(org.people.departmentA), 'turnover', { unit: org.units.f.id });
		expect(reader.history.map((h) => h.dimension)).toEqual(['total']);
		const steering = await indicatorDetail(database.db, await org.actor(org.people.steeringF), 'turnover', { unit: org.units.f.id });
		expect(steering.history.map((h) => h.dimension)).toContain('gender');
	});

	it('a split in per cent, which does not say how many people it is about, is not shown', async () => {
		const detail = await indicatorDetail(database.db, await org.actor(org.people.central), 'sick_leave_short', { unit: org.units.f.id });
		expect(detail.panel.series[0].values.at(-1)).toBe(2.5);
		expect(split(detail, 'gender')).toMatchObject({ series: [], hiddenPeriods: ['T3 2022'] });
	});
});

describe(`indicator splits on the demo's own data (${testBackend})`, () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { now: new Date('2025-11-24T09:00:00+01:00'), staffTarget: 400 });
	}, 180_000);
	afterAll(() => database?.close());

	it('personalrörlighet by gender, where "annat" has a headcount of 1, is not shown for that förvaltning and year', async () => {
		const db = database.db;
		const small = await query<{ unitId: string; period: string }>(
			db,
			sql`select v.org_unit_id as "unitId", v.period from indicator_values v join indicators i on i.id = v.indicator_id
			    where i.key = 'turnover' and v.dimension = 'gender' and v.category = 'annat' and v.base = 1 order by v.period`
		);
		expect(small.length).toBeGreaterThan(0);
		const [central] = await query<{ id: string }>(db, sql`select id from people where email = 'central.styrgrupp@exempelstad.se'`);
		const reader = (await loadActor(db, central.id, null))!;
		for (const unitId of new Set(small.map((s) => s.unitId))) {
			const detail = await indicatorDetail(db, reader, 'turnover', { unit: unitId });
			const gender = detail.splits.find((s) => s.split === 'gender')!;
			for (const { period } of small.filter((s) => s.unitId === unitId)) {
				const i = detail.panel.periods.indexOf(period);
				expect(gender.hiddenPeriods).toContain(periodLabel(period));
				expect(gender.series.every((s) => s.values[i] === null)).toBe(true);
			}
		}
	});
});
