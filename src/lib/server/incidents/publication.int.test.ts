/**
 * Published incident statistics do not move (decision 0005, issue 11 item 5): once a year is
 * published on 1 February, an employee who answers (or changes) whether the support was enough
 * changes no figure — not the year's, not the next year's. An answer given after the cut-off
 * counts as unanswered even when the year is first published later, and two publishers at once
 * write the year once.
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
