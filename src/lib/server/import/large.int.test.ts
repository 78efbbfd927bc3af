/**
 * What makes a large HR file possible: the dry run and the apply take the same number of
 * database statements whatever the number of rows (set-based SQL, decision in apply.ts). Counted
 * here, at two sizes, for a first file (everyone new) and a second (a tenth move); the result is
 * checked too. Never timed: the time at national size is measured by the benchmark
 * (scripts/bench/import.ts, `npm run bench -- --only=import`).
 */
import { count } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import { PostgresJsSession } from 'drizzle-orm/postgres-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadActor } from '../access/load-actor';
import { createTestDatabase, testBackend } from '../db/testing';
import { people } from '../db/schema';
import { assignRole, insertOrgUnit, insertPerson } from '../demo/factories';
import { applyImport, previewImport } from './service';

/** Rows of a staff file; the 20 enheter are the same at every size, `shift` moves people between them. */
function file(rows: number, shift: number) {
	const lines = ['Anställningsnummer;Namn;E-post;Kön;Förvaltning;Avdelning;Enhet;Arbetsgrupp;Yrkestitel;Verksamhetsområde;Chefsroll'];
	for (let i = 0; i < rows; i++) {
		const unit = (i + (i % 10 === 0 ? shift : 0)) % 20;
		lines.push(`${100000 + i};Person ${i};person${i}@storstad.se;Kvinna;Förvaltning ${unit % 2};Avdelning ${unit % 4};Enhet ${unit};;Socialsekreterare;Barn och unga;`);
	}
	return { kind: 'file' as const, fileName: 'stor.csv', bytes: new TextEncoder().encode(lines.join('\n')) };
}

/** Imports the first file, then the second with a tenth moved; the statements of each step. */
async function importTwice(rows: number) {
	const database = await createTestDatabase();
	try {
		const kommun = await insertOrgUnit(database.db, { parent: null, kind: 'kommun', name: 'Storstad' });
		const office = await insertOrgUnit(database.db, { parent: kommun, kind: 'forvaltning', name: 'Stadsledningskontoret' });
		const p = await insertPerson(database.db, { orgUnitId: office.id, email: 'admin@storstad.se', title: 'ovrig' });
		await assignRole(database.db, { personId: p.id, orgUnitId: kommun.id, role: 'admin' });
		const admin = (await loadActor(database.db, p.id, null))!;
		const statements = [vi.spyOn(PgliteSession.prototype, 'prepareQuery'), vi.spyOn(PostgresJsSession.prototype, 'prepareQuery')];
		const counted = async (work: () => Promise<unknown>) => {
			for (const s of statements) s.mockClear();
			await work();
			return statements.reduce((n, s) => n + s.mock.calls.length, 0);
		};
		const steps: number[] = [];
		const summaries = [];
		for (const shift of [0, 1]) {
			let preview!: Awaited<ReturnType<typeof previewImport>>;
			steps.push(await counted(async () => (preview = await previewImport(database.db, admin, file(rows, shift), { scope: 'all' }))));
			expect(preview.errors).toEqual([]);
			summaries.push(preview.plan!.summary);
			steps.push(await counted(() => applyImport(database.db, admin, preview.importId!, { fingerprint: preview.plan!.fingerprint })));
		}
		const [{ n }] = await database.db.select({ n: count() }).from(people);
		return { steps, summaries, people: n };
	} finally {
		await database.close();
	}
}

describe(`a large staff file (${testBackend})`, () => {
	afterEach(() => vi.restoreAllMocks());

	it('takes the same number of statements for 40 rows as for 400, and imports them all', async () => {
		const small = await importTwice(40);
		const large = await importTwice(400);
		expect(small.steps.every((n) => n > 0)).toBe(true);
		expect(large.steps).toEqual(small.steps);
		expect(large.people).toBe(401);
		expect(large.summaries[0]).toMatchObject({ rows: 400, newPeople: 400 });
		expect(large.summaries[1]).toMatchObject({ rows: 400, newPeople: 0, moved: 40, leavers: 0 });
	}, 120_000);
});
