/**
 * A large HR file (IMPORT_ROWS, default 100 000 when IMPORT_LARGE=1; skipped otherwise): the dry
 * run and the apply take a fixed number of statements whatever the size. Prints the times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../access/load-actor';
import type { Actor } from '../access/actor';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { assignRole, insertOrgUnit, insertPerson } from '../demo/factories';
import { applyImport, previewImport } from './service';

const rowsWanted = Number(process.env.IMPORT_ROWS ?? 100_000);

describe.skipIf(!process.env.IMPORT_LARGE)(`a large staff file (${testBackend})`, () => {
	let database: Database;
	let admin: Actor;
	beforeAll(async () => {
		database = await createTestDatabase();
		const kommun = await insertOrgUnit(database.db, { parent: null, kind: 'kommun', name: 'Storstad' });
		const it = await insertOrgUnit(database.db, { parent: kommun, kind: 'forvaltning', name: 'Stadsledningskontoret' });
		const p = await insertPerson(database.db, { orgUnitId: it.id, email: 'admin@storstad.se', title: 'ovrig' });
		await assignRole(database.db, { personId: p.id, orgUnitId: kommun.id, role: 'admin' });
		admin = (await loadActor(database.db, p.id, null))!;
	});
	afterAll(() => database.close());

	const file = (shift: number) => {
		const lines = ['Anställningsnummer;Namn;E-post;Kön;Förvaltning;Avdelning;Enhet;Arbetsgrupp;Yrkestitel;Verksamhetsområde;Chefsroll'];
		for (let i = 0; i < rowsWanted; i++) {
			const unit = (i + shift) % 2000;
			lines.push(`${100000 + i};Person ${i};person${i}@storstad.se;Kvinna;Förvaltning ${unit % 20};Avdelning ${unit % 100};Enhet ${unit};;Socialsekreterare;Barn och unga;`);
		}
		return { kind: 'file' as const, fileName: 'stor.csv', bytes: new TextEncoder().encode(lines.join('\n')) };
	};

	it(`imports ${rowsWanted} people, then moves a tenth of them`, async () => {
		for (const shift of [0, 1]) {
			const t0 = Date.now();
			const preview = await previewImport(database.db, admin, file(shift), { scope: 'all' });
			const t1 = Date.now();
			expect(preview.errors).toEqual([]);
			await applyImport(database.db, admin, preview.importId!, { fingerprint: preview.plan!.fingerprint });
			const t2 = Date.now();
			console.log(`shift ${shift}: dry run ${t1 - t0} ms, apply ${t2 - t1} ms`, preview.plan!.summary);
		}
	}, 600_000);
});
