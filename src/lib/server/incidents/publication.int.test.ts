/**
 * Published incident statistics do not move (decision 0005, issue 11 item 5): once a year is
 * published on 1 February, an employee who answers (or changes) whether the support was enough
 * changes no figure — not the year's, not the next year's. An answer given after the cut-off
 * counts as unanswered even when the year is first published later, and two publishers at once
 * write the year once. Where cells compete, the kommun's and the förvaltningar's figures win over
 * a small unit's (issue 15, decision 0015).
 */
import { and, count, eq, isNull, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { loadActor } from '../access/load-actor';
import { incidentPublications, incidentPublishedCells, incidents, people } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { seedDemo } from '../demo/seed';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { publishDueYears } from './publication';
import { answerSupport, reportIncident } from './service';
import { incidentStatistics } from './statistics';

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const threat = (occurredOn: string) => ({
	form: 'hot',
	occurredOn,
	activityArea: 'barn_och_unga',
	description: 'Testhändelse',
	policeReported: 'no',
	threatTakenSeriously: 'yes'
});

describe(`published incident statistics stay as published (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	const incidentOf = new Map<string, string>();
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		// 2025: six employees of Enhet 2 report a threat, none answers on support before the cut-off.
		for (const [i, person] of org.people.e2.slice(0, 6).entries()) {
			const reported = await reportIncident(database.db, await org.actor(person), threat(`2025-0${i + 3}-10`), at(`2025-0${i + 3}-11`));
			incidentOf.set(person.id, reported.id);
		}
		// 2026: six employees of Enhet 4 report a threat.
		for (const [i, person] of org.people.e4.entries()) {
			const reported = await reportIncident(database.db, await org.actor(person), threat(`2026-0${i + 3}-10`), at(`2026-0${i + 3}-11`));
			incidentOf.set(person.id, reported.id);
		}
	});
	afterAll(() => database.close());

	const kommunRow = async (year: string, now: string) => {
		const stats = await incidentStatistics(database.db, await org.actor(org.people.central), { year }, at(now));
		return { stats, kommun: stats.rows.find((r) => r.isTotal)! };
	};

	it('a support answer given after publication moves no figure of the year', async () => {
		const before = await kommunRow('2025', '2026-02-01');
		expect(before.kommun.total).toMatchObject({ shown: true, n: 6, figures: { incidents: 6, support: { yes: 0, partly: 0, no: 0, unanswered: 6 } } });

		const employee = org.people.e2[0];
		await answerSupport(database.db, await org.actor(employee), incidentOf.get(employee.id)!, { supportEnough: 'no' }, at('2026-02-10'));

		const after = await kommunRow('2025', '2026-03-01');
		expect(after.kommun.total).toMatchObject({ shown: true, figures: { support: { no: 0, unanswered: 6 } } });
		expect(after.stats.rows).toEqual(before.stats.rows);
		expect(after.stats.trend).toEqual(before.stats.trend);
		// Nor by verksamhetsområde.
		const byArea = await incidentStatistics(database.db, await org.actor(org.people.central), { year: '2025', area: 'barn_och_unga' }, at('2026-03-01'));
		expect(byArea.rows.find((r) => r.isTotal)!.total).toMatchObject({ shown: true, figures: { support: { no: 0 } } });
	});

	it('an answer given after the cut-off counts nowhere, even when the year is published later', async () => {
		// Answered on 5 February 2027, after the cut-off of 2026; nobody reads until March.
		const employee = org.people.e4[0];
		await answerSupport(database.db, await org.actor(employee), incidentOf.get(employee.id)!, { supportEnough: 'yes' }, at('2027-02-05'));
		// The late answer about 2025 (given in February 2026) is not counted in 2026 either.
		const { kommun } = await kommunRow('2026', '2027-03-01');
		expect(kommun.total).toMatchObject({ shown: true, n: 6, figures: { incidents: 6, support: { yes: 0, partly: 0, no: 0, unanswered: 6 } } });
	});

	it('two publishers at once write a year once', async () => {
		const employee = org.people.e2[1];
		await reportIncident(database.db, await org.actor(employee), threat('2027-05-10'), at('2027-05-11'));
		const [a, b] = await Promise.all([publishDueYears(database.db, at('2028-02-01')), publishDueYears(database.db, at('2028-02-01'))]);
		expect([...a, ...b]).toEqual([2027]);
		const [{ n }] = await database.db.select({ n: count() }).from(incidentPublications).where(eq(incidentPublications.year, 2027));
		expect(n).toBe(1);
		// One employee: the kommun's cell is stored, hidden, and its row is there once.
		const cells = await database.db.select().from(incidentPublishedCells).where(eq(incidentPublishedCells.year, 2027));
		expect(cells.length).toBe(new Set(cells.map((c) => `${c.unitId}|${c.area}`)).size);
		expect(cells.find((c) => c.unitId === org.units.kommun.id && c.area === '*')?.cells).toMatchObject({ total: { shown: false } });
		expect(await publishDueYears(database.db, at('2028-03-01'))).toEqual([]);
	});
});

describe(`the kommun's and the förvaltningar's figures win over a small unit's (issue 15, ${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	const report = async (person: OrgFixture['people']['e2'][number], form: string, day: number) =>
		reportIncident(database.db, await org.actor(person), { ...threat(`2025-04-${String(day).padStart(2, '0')}`), form }, at('2025-05-01'));
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		// 2025 in Norrviks förvaltning: Enhet 1 has 9 affected employees, 8 harassed and 1 threatened;
		// Enhet 2 has 5 threatened. In Söderås förvaltning Enhet 4 has 6 with damage to property.
		// Enhet 1's forms and the kommun's (or Norrvik's) cannot both be shown: "Enhet 1's threats"
		// would be the one threat, and "Norrvik's threats minus Enhet 1's" Enhet 2's five beside it.
		// Offered by size, Enhet 1 (9) would win over the kommun's threats (6) as units; as a
		// breakdown of the cells (decision 0021) the kommun's and the förvaltningar's come first.
		const e1 = [...org.people.e1Direct, ...org.people.g1];
		for (const [i, person] of e1.entries()) await report(person, i === 0 ? 'hot' : 'trakasserier', i + 1);
		for (const [i, person] of org.people.e2.slice(0, 5).entries()) await report(person, 'hot', i + 10);
		for (const [i, person] of org.people.e4.entries()) await report(person, 'skadegorelse', i + 20);
	});
	afterAll(() => database.close());

	const rowsOf = async (unit: string) =>
		(await incidentStatistics(database.db, await org.actor(org.people.central), { year: '2025', unit }, at('2026-02-01'))).rows;

	it("shows the kommun's forms and the förvaltningar's totals, and hides the small unit's forms instead", async () => {
		const rows = await rowsOf(org.units.kommun.id);
		const kommun = rows.find((r) => r.isTotal)!;
		expect(kommun.total).toMatchObject({ shown: true, n: 20 });
		expect(kommun.byForm.hot).toMatchObject({ shown: true, n: 6, figures: { incidents: 6 } });
		expect(kommun.byForm.trakasserier).toMatchObject({ shown: true, n: 8 });
		expect(kommun.byForm.skadegorelse).toMatchObject({ shown: true, n: 6 });
		const forvaltning = rows.find((r) => r.unit.id === org.units.f.id)!;
		expect(forvaltning.total).toMatchObject({ shown: true, n: 14 });
		expect(forvaltning.byForm.hot).toMatchObject({ shown: true, n: 6 });
		expect(rows.find((r) => r.unit.id === org.units.f2.id)!.total).toMatchObject({ shown: true, n: 6 });

		// Every form of the kommun is shown, the ones nobody had as 0: a cell shows all its forms or none.
		expect(kommun.byForm.vald).toMatchObject({ shown: true, n: 0 });
		expect(kommun.byForm.korruption).toMatchObject({ shown: true, n: 0 });

		// One level down, in the avdelning: Enhet 1's count is shown, but not its forms — its one
		// threat is too few, and its harassment would give that threat away by subtraction.
		const enhet1 = (await rowsOf(org.units.a.id)).find((r) => r.unit.id === org.units.e1.id)!;
		expect(enhet1.total).toMatchObject({ shown: true, n: 9 });
		expect(enhet1.byForm.hot).toMatchObject({ shown: false, reason: 'too_few' });
		expect(enhet1.byForm.trakasserier).toMatchObject({ shown: false, reason: 'protects_other_group' });
		// Enhet 2's five threats would leave Enhet 1's one beside Norrvik's six.
		const enhet2 = (await rowsOf(org.units.a.id)).find((r) => r.unit.id === org.units.e2.id)!;
		expect(enhet2.total).toMatchObject({ shown: true, n: 5 });
		expect(enhet2.byForm.hot).toMatchObject({ shown: false, reason: 'protects_other_group' });
		// The reasons speak of medarbetare, not of survey respondents (svarande).
		for (const cell of [enhet1.byForm.trakasserier, enhet1.byForm.hot]) {
			if (cell.shown) throw new Error('expected a hidden cell');
			expect(cell.reasonText).not.toMatch(/svarande/i);
			expect(cell).not.toHaveProperty('n');
			expect(cell).not.toHaveProperty('figures');
		}
		if (!enhet1.byForm.hot.shown) expect(enhet1.byForm.hot.reasonText).toMatch(/Färre än 5 medarbetare med rapporterade händelser/);
	});
});

describe(`published incident statistics on the demo's own data (${testBackend})`, () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { now: new Date('2025-11-24T09:00:00+01:00') });
	}, 180_000);
	afterAll(() => database?.close());

	it('an employee who answers on support after publication moves neither the kommun nor the förvaltning', async () => {
		const db = database.db;
		const [reader] = await db.select().from(people).where(eq(people.email, 'arbetsmiljo@exempelstad.se'));
		const readerActor = (await loadActor(db, reader.id, null))!;
		const published = await incidentStatistics(db, readerActor, { year: '2025' }, at('2026-02-01'));
		const kommun = published.rows.find((r) => r.isTotal)!;
		expect(kommun.total.shown).toBe(true);
		const forvaltningar = new Map<string, unknown>();
		for (const row of published.rows.filter((r) => !r.isTotal)) {
			forvaltningar.set(row.unit.id, (await incidentStatistics(db, readerActor, { year: '2025', unit: row.unit.id }, at('2026-02-01'))).rows);
		}

		// An incident of 2025 that nobody answered on support, reported in time.
		const [open] = await db
			.select({ id: incidents.id, personId: incidents.personId })
			.from(incidents)
			.where(and(isNull(incidents.supportEnough), lt(incidents.createdAt, new Date('2026-01-31T00:00:00Z')), sql`extract(year from ${incidents.occurredAt} at time zone 'Europe/Stockholm') = 2025`))
			.limit(1);
		await answerSupport(db, (await loadActor(db, open.personId, null))!, open.id, { supportEnough: 'no' }, at('2026-02-10'));

		const later = await incidentStatistics(db, readerActor, { year: '2025' }, at('2026-03-01'));
		expect(later.rows).toEqual(published.rows);
		// And one level down, in every förvaltning.
		for (const [unit, before] of forvaltningar) {
			expect((await incidentStatistics(db, readerActor, { year: '2025', unit }, at('2026-03-01'))).rows).toEqual(before);
		}
	});
});
