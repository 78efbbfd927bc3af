import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { addIncidentReader, listIncidentReaders, removeIncidentReader } from './readers';
import { getIncident, listIncidents, reportIncident } from './service';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const fieldsOf = (p: Promise<unknown>) => p.then(() => ({}), (e) => (e instanceof DomainError ? e.fieldErrors : { error: String(e) }));
const NOW = new Date('2026-03-10T10:00:00Z');

describe(`designated readers of incidents (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let incidentId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const employee = await org.actor(org.people.e2[0]);
		incidentId = (
			await reportIncident(
				database.db,
				employee,
				{ form: 'trakasserier', occurredOn: '2026-03-09', activityArea: 'barn_och_unga', description: 'Kränkande mejl.', policeReported: 'no' },
				NOW
			)
		).id;
	});
	afterAll(() => database.close());

	it('an administrator designates a person for a part of the organisation, who then reads its incidents; audited', async () => {
		const admin = await org.actor(org.people.admin);
		// Someone in another förvaltning, standing in for the kommun's arbetsmiljö function: sees nothing until designated.
		const reader = org.people.e4[0];
		expect(await kindOf(getIncident(database.db, await org.actor(reader), incidentId))).toBe('not_found');

		const added = await addIncidentReader(database.db, admin, { person: ' E4PERSON1@test.se ', unitId: org.units.f.id });
		expect(added).toMatchObject({ personName: 'E4 person 1', unitName: 'Norrviks förvaltning' });
		const list = await listIncidentReaders(database.db, admin);
		expect(list.readers.map((r) => [r.personName, r.unitName, r.unitKind])).toEqual([['E4 person 1', 'Norrviks förvaltning', 'Förvaltning']]);
		expect(list.units.map((u) => u.label)).toEqual([
			'Testkommun',
			'Norrviks förvaltning',
			'Avdelningen för barn och unga (Norrviks förvaltning)',
			'Enhet 1 (Norrviks förvaltning)',
			'Enhet 2 (Norrviks förvaltning)',
			'Enhet 3 (Norrviks förvaltning)',
			'Söderås förvaltning',
			'Avdelningen för vuxna (Söderås förvaltning)',
			'Enhet 4 (Söderås förvaltning)'
		]);

		const view = await getIncident(database.db, await org.actor(reader), incidentId);
		expect(view).toMatchObject({ personName: 'E2 person 1', permissions: { answerSupport: false, manage: false } });
		expect((await listIncidents(database.db, await org.actor(reader))).others.map((i) => i.id)).toEqual([incidentId]);
		const audited = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, reader.id));
		expect(audited.map((a) => [a.action, a.actorId, (a.detail as { unit: string }).unit])).toContainEqual(['incident_reader.add', org.people.admin.id, 'Norrviks förvaltning']);

		const removed = await removeIncidentReader(database.db, admin, list.readers[0].id);
		expect(removed).toEqual({ personName: 'E4 person 1', unitName: 'Norrviks förvaltning' });
		expect(await kindOf(getIncident(database.db, await org.actor(reader), incidentId))).toBe('not_found');
		expect((await listIncidentReaders(database.db, admin)).readers).toEqual([]);
		const afterRemoval = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, reader.id));
		expect(afterRemoval.map((a) => a.action)).toContain('incident_reader.remove');
	});

	it('bad input is refused per field in Swedish; a designation already covered is not added twice', async () => {
		const admin = await org.actor(org.people.admin);
		expect(await fieldsOf(addIncidentReader(database.db, admin, { person: '', unitId: 'x' }))).toEqual({
			person: 'Skriv personens e-postadress eller anställningsnummer.',
			unitId: 'Välj vilken del av organisationen personen ska läsa händelser i.'
		});
		// Every problem at once: an unknown person and no unit.
		expect(await fieldsOf(addIncidentReader(database.db, admin, { person: 'ingen@test.se', unitId: '' }))).toEqual({
			person: 'Ingen aktiv person har den e-postadressen eller det anställningsnumret. Kontrollera stavningen.',
			unitId: 'Välj vilken del av organisationen personen ska läsa händelser i.'
		});
		expect(await fieldsOf(addIncidentReader(database.db, admin, { person: 'e4person1@test.se', unitId: org.units.g1.id }))).toEqual({
			unitId: 'Välj vilken del av organisationen personen ska läsa händelser i.'
		});
		await addIncidentReader(database.db, admin, { person: 'e4person2@test.se', unitId: org.units.a.id });
		expect(await fieldsOf(addIncidentReader(database.db, admin, { person: 'e4person2@test.se', unitId: org.units.e2.id }))).toEqual({
			unitId: 'E4 person 2 läser redan händelser i Avdelningen för barn och unga, som omfattar Enhet 2.'
		});
		expect(await fieldsOf(addIncidentReader(database.db, admin, { person: 'e4person2@test.se', unitId: org.units.a.id }))).toEqual({
			unitId: 'E4 person 2 läser redan händelser i Avdelningen för barn och unga, som omfattar Avdelningen för barn och unga.'
		});
	});

	it('is for administrators only: to everyone else it does not exist', async () => {
		const admin = await org.actor(org.people.admin);
		const [existing] = (await listIncidentReaders(database.db, admin)).readers;
		for (const who of [org.people.central, org.people.steeringF, org.people.managerE2, org.people.e2[0]]) {
			const actor = await org.actor(who);
			expect(await kindOf(listIncidentReaders(database.db, actor))).toBe('not_found');
			expect(await kindOf(addIncidentReader(database.db, actor, { person: 'e2person2@test.se', unitId: org.units.f.id }))).toBe('not_found');
			expect(await kindOf(removeIncidentReader(database.db, actor, existing.id))).toBe('not_found');
		}
		expect((await listIncidentReaders(database.db, admin)).readers).toHaveLength(1);
		expect(await kindOf(removeIncidentReader(database.db, admin, 'not-an-id'))).toBe('not_found');
	});
});
