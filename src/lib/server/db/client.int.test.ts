import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, queryMany, sql, type Database } from './client';
import { orgUnits } from './schema';
import { createTestDatabase, testBackend } from './testing';

describe(`database (${testBackend})`, () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase();
	});
	afterAll(() => database.close());

	it('is migrated and stores rows', async () => {
		const [unit] = await database.db
			.insert(orgUnits)
			.values({ kind: 'kommun', name: 'Testkommun', path: '/x/', depth: 0 })
			.returning();
		expect(unit.name).toBe('Testkommun');
		const rows = await query<{ n: number }>(database.db, sql`select count(*)::int as n from org_units`);
		expect(rows[0].n).toBe(1);
	});

	it('reads many rows alike through query and queryMany, in a transaction too', async () => {
		const q = sql`select id, name, kind, depth, active, parent_id as "parentId", path from org_units union all select null, 'Ö"\\n', 'enhet', 3, false, null, '' order by name`;
		const rows = await query(database.db, q);
		expect(rows).toHaveLength(2);
		expect(await queryMany(database.db, q)).toEqual(rows);
		await database.db.transaction(async (tx) => expect(await queryMany(tx, q)).toEqual(rows));
		expect(await queryMany(database.db, sql`select 1 as x where false`)).toEqual([]);
	});

	it('rejects scores outside 1–6 in the database itself', async () => {
		await expect(
			database.db.execute(sql`insert into rounds (kind, year, name, opens_at, closes_at) values ('T2', 2026, 'x', now(), now())`)
		).resolves.toBeDefined();
		const check = await query<{ conname: string }>(
			database.db,
			sql`select conname from pg_constraint where conname = 'responses_scores_range'`
		);
		expect(check).toHaveLength(1);
	});
});
