import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { accessibilityStatement, contactForEditing, saveAccessibilityContact } from './statement';

const failure = (p: Promise<unknown>) => p.then(() => null, (e) => (e instanceof DomainError ? { kind: e.kind, fields: e.fieldErrors } : { kind: String(e), fields: {} }));
const good = { name: 'Kontaktcenter Exempelstad', email: 'tillganglighet@exempelstad.se', phone: '08-123 456 00', reviewedOn: '2026-11-30' };

describe(`the accessibility statement's contact (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('has no contact until an administrator saves one; then shows it, audited', async () => {
		expect((await accessibilityStatement(database.db)).contact).toBeNull();
		const admin = await org.actor(org.people.admin);
		await saveAccessibilityContact(database.db, admin, { ...good, email: '  tillganglighet@exempelstad.se ' });
		const shown = await accessibilityStatement(database.db);
		expect(shown.contact).toEqual(good);
		expect(await contactForEditing(database.db, admin)).toEqual(good);
		const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'settings.accessibility'));
		expect(entries).toHaveLength(1);
		expect(entries[0].actorId).toBe(admin.personId);
	});

	it('refuses anyone but an administrator, as if the page did not exist', async () => {
		const manager = await org.actor(org.people.managerE2);
		expect(await failure(contactForEditing(database.db, manager))).toMatchObject({ kind: 'not_found' });
		expect(await failure(saveAccessibilityContact(database.db, manager, good))).toMatchObject({ kind: 'not_found' });
	});

	it('says in Swedish what to fix, field by field, and keeps what was saved', async () => {
		const admin = await org.actor(org.people.admin);
		const refused = await failure(saveAccessibilityContact(database.db, admin, { name: '', email: 'inte en adress', phone: 'ring mig', reviewedOn: '2026-02-30' }));
		expect(refused?.kind).toBe('invalid');
		expect(refused?.fields).toMatchObject({
			name: expect.stringContaining('Skriv vem som svarar'),
			email: expect.stringContaining('e-postadress'),
			phone: expect.stringContaining('siffror'),
			reviewedOn: expect.any(String)
		});
		expect((await accessibilityStatement(database.db)).contact).toEqual(good);
	});
});
