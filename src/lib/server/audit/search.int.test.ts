/** The audit log: nobody can change it (not even the app), administrators search and export it. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from './audit';
import { stockholmInstant } from '$lib/time';
import { exportAudit, searchAudit } from './search';
import { query, type Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));

describe(`the audit log (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let roundId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		roundId = (await insertRound(database.db, { name: 'T2 2026', status: 'open', unitIds: [org.units.f.id] })).id;
		const at = (iso: string) => new Date(iso);
		const rows = [
			{ at: at('2026-03-01T10:00:00Z'), actorId: org.people.managerE1.id, action: 'read.named_answers', subjectType: 'round', subjectId: roundId, ip: '10.0.0.1' },
			{ at: at('2026-03-02T10:00:00Z'), actorId: org.people.admin.id, action: 'role.assign', subjectType: 'person', subjectId: org.people.g1[0].id, detail: { role: 'unit_manager' } },
			{ at: at('2026-03-31T22:30:00Z'), actorId: null, action: 'login.failed', detail: { email: 'okand@test.se' }, ip: '10.0.0.9' }, // 1 April in Stockholm
			{ at: at('2026-04-02T08:00:00Z'), actorId: org.people.g1[0].id, action: 'login', ip: '10.0.0.2' }
		];
		for (const r of rows) await database.db.execute(sql`insert into audit_log (at, actor_id, action, subject_type, subject_id, detail, ip) values (${r.at.toISOString()}::timestamptz, ${r.actorId}, ${r.action}, ${r.subjectType ?? null}, ${r.subjectId ?? null}, ${r.detail ? JSON.stringify(r.detail) : null}::jsonb, ${r.ip ?? null})`);
		for (let i = 0; i < 60; i++) await audit(database.db, { personId: org.people.central.id, ip: null }, { action: 'export.report', subjectType: 'org_unit', subjectId: org.units.f.id });
	});
	afterAll(() => database.close());

	it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
		for (const statement of [sql`update audit_log set action = 'x'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
			await expect(database.db.execute(statement)).rejects.toThrow();
		}
		const [{ n }] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
		expect(n).toBe(64);
	});

	it('searches by who, by action or group of actions, by day in Swedish time, and by subject', async () => {
		const admin = await org.actor(org.people.admin);
		const search = async (q: Record<string, unknown>) => (await searchAudit(database.db, admin, q)).entries.map((e) => e.action);
		expect(await search({ who: 'Chef E1' })).toEqual(['read.named_answers']);
		expect(await search({ who: 'okand@' })).toEqual(['login.failed']);
		expect(await search({ action: 'login*' })).toEqual(['login', 'login.failed']);
		expect(await search({ from: '2026-04-01', to: '2026-04-01' }), 'the failed login was at 00:30 on 1 April in Stockholm').toEqual(['login.failed']);
		expect(await search({ subject: 'T2 2026' })).toEqual(['read.named_answers']);
		expect(await search({ subject: 'G1 person 1' })).toEqual(['role.assign']);
		const first = await searchAudit(database.db, admin, { subject: 'Norrviks' });
		expect(first).toMatchObject({ total: 60, pages: 2, page: 1 });
		expect(first.entries[0]).toMatchObject({ actorName: 'Central styrgrupp', actionLabel: 'Exporterade rapport', subjectLabel: 'Norrviks förvaltning' });
		expect((await searchAudit(database.db, admin, { subject: 'Norrviks', page: 2 })).entries).toHaveLength(10);
	});

	it('says what is wrong with a search, per field', async () => {
		const admin = await org.actor(org.people.admin);
		await expect(searchAudit(database.db, admin, { from: '2026-05-01', to: '2026-04-01' })).rejects.toMatchObject({ fieldErrors: { to: 'Slutdatumet kan inte vara före startdatumet.' } });
		await expect(searchAudit(database.db, admin, { from: '1 maj' })).rejects.toMatchObject({ fieldErrors: { from: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-02-15.' } });
	});

	it('exports what the search finds, and logs the export', async () => {
		const admin = await org.actor(org.people.admin);
		const table = await exportAudit(database.db, await org.actor(org.people.admin, '10.1.1.1'), { action: 'read.*' });
		expect(table.rows).toEqual([expect.objectContaining({ who: 'Chef E1', action: 'Läste svar med namn', code: 'read.named_answers', subject: 'T2 2026', ip: '10.0.0.1' })]);
		expect((await searchAudit(database.db, admin, { action: 'export.audit_log' })).entries[0]).toMatchObject({ actorName: 'Admin', ip: '10.1.1.1', detail: { action: 'read.*', rows: 1 } });
	});

	it('is for administrators only: to everyone else it does not exist', async () => {
		for (const p of [org.people.central, org.people.managerE1, org.people.g1[0]]) {
			expect(await kindOf(searchAudit(database.db, await org.actor(p), {}))).toBe('not_found');
			expect(await kindOf(exportAudit(database.db, await org.actor(p), {}))).toBe('not_found');
		}
	});

	it('knows when midnight is in Stockholm, winter and summer', () => {
		expect(stockholmInstant('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
		expect(stockholmInstant('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
	});
});
