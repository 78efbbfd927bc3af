import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql, type Database } from '../db/client';
import { orgUnits } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import {
	assignRole,
	countRows,
	insertChunked,
	insertOrgChain,
	insertOrgUnit,
	insertPerson,
	insertResponse,
	insertRound,
	orgUnitRow
} from './factories';

describe(`test-data factories (${testBackend})`, () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase();
	});
	afterAll(() => database?.close());

	it('builds a small organisation with paths, people, roles, a round and an answer', async () => {
		const { db } = database;
		const { kommun, forvaltning, enhet } = await insertOrgChain(db);
		expect(kommun).toMatchObject({ path: `/${kommun.id}/`, depth: 0, parentId: null });
		expect(enhet.path).toBe(`/${kommun.id}/${forvaltning.id}/${enhet.parentId}/${enhet.id}/`);
		expect(enhet).toMatchObject({ depth: 3, activityArea: 'barn_och_unga' });
		const group = await insertOrgUnit(db, { parent: enhet, kind: 'arbetsgrupp', name: 'Utredningsgrupp 1' });
		expect(group).toMatchObject({ path: `${enhet.path}${group.id}/`, depth: 4 });

		const worker = await insertPerson(db, { orgUnitId: group.id });
		expect(worker).toMatchObject({ title: 'socialsekreterare', activityArea: 'barn_och_unga', active: true });
		const chef = await insertPerson(db, { orgUnitId: enhet.id, title: 'chef', name: 'Eva Chef' });
		expect(chef.activityArea).toBeNull();
		const role = await assignRole(db, {
			personId: chef.id,
			orgUnitId: enhet.id,
			role: 'unit_manager',
			validFrom: new Date('2026-01-01T00:00:00Z'),
			validTo: '2026-06-30'
		});
		expect(role).toMatchObject({ validFrom: '2026-01-01', validTo: '2026-06-30' });
		// A person who has left is not asked to answer.
		await insertPerson(db, { orgUnitId: group.id, active: false });

		const round = await insertRound(db, { unitIds: [forvaltning.id] });
		expect(round).toMatchObject({ status: 'open', kind: 'T2' });
		const members = await query<{ personId: string }>(db, sql`select person_id as "personId" from round_members where round_id = ${round.id}`);
		expect(members).toEqual([{ personId: worker.id }]);

		const answer = await insertResponse(db, { roundId: round.id, personId: worker.id, situationScore: 2 });
		expect(answer).toMatchObject({ orgUnitId: group.id, title: 'socialsekreterare', activityArea: 'barn_och_unga', situationScore: 2, caseCount: 15 });

		// Someone not snapshotted gets a round_members row when answering, as in the app.
		const late = await insertPerson(db, { orgUnitId: enhet.id, title: 'bistandshandlaggare', activityArea: 'aldreomsorg' });
		await insertResponse(db, { roundId: round.id, personId: late.id });
		const [n] = await query<{ n: number }>(db, sql`select count(*)::int as n from round_members where round_id = ${round.id}`);
		expect(n.n).toBe(2);
	});

	it('inserts many rows in chunks', async () => {
		const { db } = database;
		const before = await countRows(db);
		const root = await insertOrgUnit(db, { parent: null, kind: 'kommun', name: 'Bulkkommun' });
		const rows = Array.from({ length: 1234 }, (_, i) => orgUnitRow({ parent: root, kind: 'forvaltning', name: `F ${i}` }));
		await insertChunked(db, orgUnits, rows, 500);
		const after = await countRows(db);
		expect(after.units - before.units).toBe(1235);
	});
});
