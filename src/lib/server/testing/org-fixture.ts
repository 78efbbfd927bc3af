/**
 * A small organisation for integration tests, built with the demo factories:
 *
 *   Testkommun
 *   ├─ Norrviks förvaltning (F)
 *   │  └─ Avdelningen för barn och unga (A)
 *   │     ├─ Enhet 1 (E1): 3 handläggare directly, and Grupp 1 (G1) with 6
 *   │     ├─ Enhet 2 (E2): 7 handläggare
 *   │     └─ Enhet 3 (E3): 3 handläggare (too small to show)
 *   └─ Söderås förvaltning (F2)
 *      └─ Avdelningen för vuxna (A2) └─ Enhet 4 (E4): 6 handläggare
 */
import type { Actor } from '../access/actor';
import { loadActor } from '../access/load-actor';
import type { Db } from '../db';
import { assignRole, insertOrgUnit, insertPerson, type OrgUnitRow, type PersonRow } from '../demo/factories';

export async function buildOrgFixture(db: Db) {
	const kommun = await insertOrgUnit(db, { parent: null, kind: 'kommun', name: 'Testkommun' });
	const f = await insertOrgUnit(db, { parent: kommun, kind: 'forvaltning', name: 'Norrviks förvaltning' });
	const a = await insertOrgUnit(db, { parent: f, kind: 'avdelning', name: 'Avdelningen för barn och unga' });
	const e1 = await insertOrgUnit(db, { parent: a, kind: 'enhet', name: 'Enhet 1', activityArea: 'barn_och_unga' });
	const g1 = await insertOrgUnit(db, { parent: e1, kind: 'arbetsgrupp', name: 'Grupp 1', activityArea: 'barn_och_unga' });
	const e2 = await insertOrgUnit(db, { parent: a, kind: 'enhet', name: 'Enhet 2', activityArea: 'barn_och_unga' });
	const e3 = await insertOrgUnit(db, { parent: a, kind: 'enhet', name: 'Enhet 3', activityArea: 'barn_och_unga' });
	const f2 = await insertOrgUnit(db, { parent: kommun, kind: 'forvaltning', name: 'Söderås förvaltning' });
	const a2 = await insertOrgUnit(db, { parent: f2, kind: 'avdelning', name: 'Avdelningen för vuxna' });
	const e4 = await insertOrgUnit(db, { parent: a2, kind: 'enhet', name: 'Enhet 4', activityArea: 'missbruk_beroende' });

	const staff = async (unit: OrgUnitRow, count: number, prefix: string) => {
		const list: PersonRow[] = [];
		for (let i = 1; i <= count; i++) {
			list.push(await insertPerson(db, { orgUnitId: unit.id, name: `${prefix} ${i}`, email: `${prefix.toLowerCase().replace(/\s/g, '')}${i}@test.se`, activityArea: unit.activityArea }));
		}
		return list;
	};
	const manager = async (unit: OrgUnitRow, role: Parameters<typeof assignRole>[1]['role'], name: string) => {
		const person = await insertPerson(db, { orgUnitId: unit.id, name, email: `${name.toLowerCase().replace(/\s/g, '.')}@test.se`, title: 'chef' });
		await assignRole(db, { personId: person.id, orgUnitId: unit.id, role });
		return person;
	};

	const people = {
		e1Direct: await staff(e1, 3, 'E1 person'),
		g1: await staff(g1, 6, 'G1 person'),
		e2: await staff(e2, 7, 'E2 person'),
		e3: await staff(e3, 3, 'E3 person'),
		e4: await staff(e4, 6, 'E4 person'),
		deputyG1: await manager(g1, 'deputy_unit_manager', 'Bitr Chef G1'),
		managerE1: await manager(e1, 'unit_manager', 'Chef E1'),
		managerE2: await manager(e2, 'unit_manager', 'Chef E2'),
		managerE4: await manager(e4, 'unit_manager', 'Chef E4'),
		departmentA: await manager(a, 'department_manager', 'Avdelningschef A'),
		steeringF: await manager(f, 'local_steering', 'Styrgrupp F'),
		central: await manager(kommun, 'central_steering', 'Central styrgrupp'),
		admin: await manager(kommun, 'admin', 'Admin')
	};
	/** The person acting in a request from `ip` (an address every audit entry must record). */
	const actor = async (p: PersonRow, ip: string | null = '192.0.2.10'): Promise<Actor> => (await loadActor(db, p.id, ip))!;
	return { units: { kommun, f, a, e1, g1, e2, e3, f2, a2, e4 }, people, actor };
}
export type OrgFixture = Awaited<ReturnType<typeof buildOrgFixture>>;
