/**
 * Administrators give and end the app's own roles (steering groups, administrators, the readers the
 * plan names); the manager roles stay with the staff import. Refusals say what to fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog, roleAssignments } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { DomainError } from '../errors';
import { permissionsOf } from '../access/policy';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { endRole, giveRole } from './roles';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const fieldsOf = (p: Promise<unknown>) => p.then(() => ({}), (e) => (e instanceof DomainError ? e.fieldErrors : {}));
const messageOf = (p: Promise<unknown>) => p.then(() => '', (e) => (e instanceof DomainError ? e.message : String(e)));
const NOW = new Date('2026-11-25T12:00:00Z');

describe(`the app's own roles (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('gives a facklig representant on a förvaltning: aggregates to read, nothing to change', async () => {
		const admin = await org.actor(org.people.admin);
		const person = org.people.e4[0];
		await giveRole(database.db, admin, person.id, { role: 'union_representative', unitId: org.units.f.id }, NOW);
		const reader = await org.actor(person);
		expect(permissionsOf(reader, NOW)).toMatchObject({ seesReports: true, managesStaff: false, administers: false, entersIndicators: false });
		const [entry] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'role.assign'), eq(auditLog.subjectId, person.id)));
		expect(entry.detail).toMatchObject({ role: 'union_representative', unit: 'Norrviks förvaltning', validFrom: '2026-11-25' });
	});

	it('refuses a role on the wrong kind of unit, an end before the start, the same role twice, and non-administrators', async () => {
		const admin = await org.actor(org.people.admin);
		const person = org.people.e4[1];
		expect(await fieldsOf(giveRole(database.db, admin, person.id, { role: 'local_steering', unitId: org.units.a.id }, NOW))).toEqual({ unitId: 'Lokal styrgrupp gäller en förvaltning. Välj en förvaltning.' });
		expect(await fieldsOf(giveRole(database.db, admin, person.id, { role: 'researcher', unitId: org.units.e1.id }, NOW))).toEqual({
			unitId: 'Följeforskare gäller en förvaltning eller kommunen. Välj en av dem.'
		});
		expect(await fieldsOf(giveRole(database.db, admin, person.id, { role: 'unit_manager', unitId: org.units.e1.id }, NOW))).toEqual({ role: 'Välj en roll.' });
		expect(await fieldsOf(giveRole(database.db, admin, person.id, { role: 'researcher', unitId: org.units.kommun.id, validFrom: '2027-01-10', validTo: '2027-01-01' }, NOW))).toEqual({
			validTo: 'Slutdatumet kan inte vara före startdatumet.'
		});
		await giveRole(database.db, admin, person.id, { role: 'researcher', unitId: org.units.kommun.id }, NOW);
		expect(await messageOf(giveRole(database.db, admin, person.id, { role: 'researcher', unitId: org.units.kommun.id }, NOW))).toBe(`${person.name} har redan rollen följeforskare i Testkommun.`);
		for (const who of [org.people.central, org.people.managerE1, org.people.e2[0]]) {
			expect(await kindOf(giveRole(database.db, await org.actor(who), person.id, { role: 'researcher', unitId: org.units.f.id }, NOW))).toBe('not_found');
		}
	});

	it('ends a role from today: one that started earlier holds until yesterday, one starting today is removed', async () => {
		const admin = await org.actor(org.people.admin);
		const person = org.people.e4[2];
		const earlier = await giveRole(database.db, admin, person.id, { role: 'union_representative', unitId: org.units.f2.id, validFrom: '2026-01-01' }, NOW);
		const fresh = await giveRole(database.db, admin, person.id, { role: 'researcher', unitId: org.units.f2.id }, NOW);
		await endRole(database.db, admin, person.id, earlier.id, NOW);
		await endRole(database.db, admin, person.id, fresh.id, NOW);
		const left = await database.db.select().from(roleAssignments).where(eq(roleAssignments.personId, person.id));
		expect(left.map((r) => [r.role, r.validTo])).toEqual([['union_representative', '2026-11-24']]);
		expect(await messageOf(endRole(database.db, admin, person.id, earlier.id, NOW))).toBe('Rollen har redan upphört.');
	});

	it('leaves the manager roles to the import, and an administrator’s own administrator role to another', async () => {
		const admin = await org.actor(org.people.admin);
		const [managerRole] = await database.db.select().from(roleAssignments).where(eq(roleAssignments.personId, org.people.managerE1.id));
		expect(await messageOf(endRole(database.db, admin, org.people.managerE1.id, managerRole.id, NOW))).toBe('Chefsroller kommer från personalsystemet och avslutas genom personalimporten.');
		const [own] = await database.db.select().from(roleAssignments).where(eq(roleAssignments.personId, org.people.admin.id));
		expect(await messageOf(endRole(database.db, admin, org.people.admin.id, own.id, NOW))).toBe('Du kan inte avsluta din egen administratörsroll. Be en annan administratör göra det.');
		expect(await kindOf(endRole(database.db, admin, org.people.admin.id, '00000000-0000-4000-8000-000000000000', NOW))).toBe('not_found');
	});
});
