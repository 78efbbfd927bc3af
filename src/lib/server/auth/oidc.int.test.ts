/**
 * The parts of single sign-on around the provider (the whole flow against a real provider is in
 * tests/e2e/oidc.e2e.test.ts): login flows are single use and expire, people are found by
 * anställningsnummer only while active, and a callback with the wrong state is refused before
 * anything is sent to the provider.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { people } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertOrgChain, insertPerson } from '../demo/factories';
import { personByEmployeeId, saveFlow, takeFlow } from './login-method';
import { oidcLoginMethod } from './oidc';

describe(`single sign-on around the provider (${testBackend})`, () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase();
		const { enhet } = await insertOrgChain(database.db);
		await insertPerson(database.db, { orgUnitId: enhet.id, employeeId: '4711', email: 'sara@kommun.se' });
		await insertPerson(database.db, { orgUnitId: enhet.id, employeeId: '4712', email: 'slutat@kommun.se', active: false });
	});
	afterAll(() => database.close());

	it('a login flow is taken once; a second try, another method or an expired flow finds nothing', async () => {
		const now = new Date('2026-11-25T10:00:00Z');
		const state = await saveFlow(database.db, 'oidc', { codeVerifier: 'v', nonce: 'n', next: '/team' }, now);
		expect(await takeFlow(database.db, 'saml', state, now)).toBeNull();
		expect(await takeFlow(database.db, 'oidc', state, now)).toMatchObject({ codeVerifier: 'v', nonce: 'n', next: '/team' });
		expect(await takeFlow(database.db, 'oidc', state, now)).toBeNull();
		const old = await saveFlow(database.db, 'oidc', { codeVerifier: 'v', nonce: 'n', next: '/' }, now);
		expect(await takeFlow(database.db, 'oidc', old, new Date(now.getTime() + 11 * 60_000))).toBeNull();
	});

	it('finds the active person by anställningsnummer, never someone who has left', async () => {
		const [sara] = await database.db.select().from(people).where(eq(people.employeeId, '4711'));
		expect(await personByEmployeeId(database.db, '4711')).toBe(sara.id);
		expect(await personByEmployeeId(database.db, '4712')).toBeNull();
		expect(await personByEmployeeId(database.db, 'sara@kommun.se')).toBeNull();
		expect(await personByEmployeeId(database.db, null)).toBeNull();
	});

	it('refuses a callback whose state is not the one this browser holds, and burns nothing', async () => {
		const state = await saveFlow(database.db, 'oidc', { codeVerifier: 'v', nonce: 'n', next: '/' });
		const method = oidcLoginMethod();
		const url = new URL(`http://localhost/login/oidc/callback?code=c&state=${state}`);
		expect(await method.complete(database.db, { url, origin: 'http://localhost', state: 'another' })).toMatchObject({ kind: 'failed', detail: 'state mismatch' });
		expect(await method.complete(database.db, { url, origin: 'http://localhost', state: null })).toMatchObject({ kind: 'failed', detail: 'state mismatch' });
		const cancelled = new URL(`http://localhost/login/oidc/callback?error=access_denied&state=${state}`);
		expect(await method.complete(database.db, { url: cancelled, origin: 'http://localhost', state })).toMatchObject({ kind: 'failed', reason: 'Inloggningen avbröts.' });
	});
});
