/**
 * Login throttling (issue 12, item 3; ASVS 5.0 V6.3): per account and address with a growing
 * wait, then a limit on that pair; a per-account ceiling that slows, never locks; a much higher
 * per-address limit; and a check-and-increment that holds under concurrency. Password checks
 * are counted (a counting verifier), never timed.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { query } from '../db/client';
import { people } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertPerson } from '../demo/factories';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { login } from './login';
import { pairDelaySeconds, type ThrottleLimits } from './throttle';

const limits: ThrottleLimits = { windowMinutes: 15, perPair: 5, accountCeiling: 12, accountSlowSeconds: 10, perAddress: 40 };
const PASSWORD = 'rätt lösenord';
const T0 = new Date('2026-05-04T08:00:00Z').getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);

describe(`login throttling (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let checks = 0;
	const verify = async (hash: string | null, password: string) => {
		checks++;
		return hash !== null && password === PASSWORD;
	};
	const attempt = (email: string, password: string, ip: string, now: Date, via: 'form' | 'api' = 'form') =>
		login(database.db, { email, password }, ip, { via, now, limits, verify }).then(
			() => 'ok',
			(e) => (e instanceof DomainError ? e.kind : String(e))
		);
	let n = 0;
	/** A person of their own for each test, with a password. */
	async function account() {
		const email = `konto${++n}@throttle.test`;
		const p = await insertPerson(database.db, { orgUnitId: org.units.e1.id, name: `Konto ${n}`, email });
		await database.db.update(people).set({ passwordHash: 'set' }).where(eq(people.id, p.id));
		return email;
	}

	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('waits longer after each failure of an account from one address: 0, 1, 2, 4 … 60 s', () => {
		expect([1, 2, 3, 4, 5, 8, 20].map(pairDelaySeconds)).toEqual([0, 1, 2, 4, 8, 60, 60]);
	});

	it('refuses an attempt before the wait is over, without checking the password', async () => {
		const email = await account();
		checks = 0;
		expect(await attempt(email, 'fel', '10.1.0.1', at(0))).toBe('unauthenticated');
		expect(await attempt(email, 'fel', '10.1.0.1', at(0))).toBe('unauthenticated'); // no wait after the first
		expect(await attempt(email, PASSWORD, '10.1.0.1', at(0.5)), 'one second after the second').toBe('rate_limited');
		expect(checks).toBe(2);
		expect(await attempt(email, PASSWORD, '10.1.0.1', at(1)), 'the owner, after the wait').toBe('ok');
		// A success starts the pair afresh: no wait after the next failure.
		expect(await attempt(email, 'fel', '10.1.0.1', at(2))).toBe('unauthenticated');
		expect(await attempt(email, PASSWORD, '10.1.0.1', at(2))).toBe('ok');
	});

	it('locks only the pair: someone failing from elsewhere never keeps the owner out of their usual address', async () => {
		const email = await account();
		let t = 0;
		for (let i = 0; i < 5; i++) {
			expect(await attempt(email, 'fel', '203.0.113.9', at(t))).toBe('unauthenticated');
			t += 100;
		}
		expect(await attempt(email, PASSWORD, '203.0.113.9', at(t)), 'the attacker’s address is done for the window, right password or not').toBe('rate_limited');
		expect(await attempt(email, PASSWORD, '10.1.0.2', at(t)), 'the owner from their usual address').toBe('ok');
		expect(await attempt(email, PASSWORD, '203.0.113.9', at(t + 15 * 60)), 'after the window').toBe('ok');
	});

	it('slows an account failed from many addresses (one check per 10 s), never locks it', async () => {
		const email = await account();
		for (let i = 0; i < 12; i++) expect(await attempt(email, 'fel', `198.51.100.${i}`, at(i))).toBe('unauthenticated');
		checks = 0;
		expect(await attempt(email, PASSWORD, '10.1.0.3', at(12)), 'above the ceiling: wait').toBe('rate_limited');
		expect(checks).toBe(0);
		expect(await attempt(email, PASSWORD, '10.1.0.3', at(11 + 10)), 'ten seconds after the last check').toBe('ok');
	});

	it('limits one address much higher, over all accounts', async () => {
		const emails = await Promise.all(Array.from({ length: 9 }, () => account()));
		const ip = '192.0.2.77';
		let failures = 0;
		for (const email of emails) for (let i = 0; i < 5 && failures < 40; i++, failures++) expect(await attempt(email, 'fel', ip, at(failures * 10))).toBe('unauthenticated');
		expect(failures).toBe(40);
		expect(await attempt(await account(), PASSWORD, ip, at(400)), 'the address is at its limit').toBe('rate_limited');
		expect(await attempt(await account(), PASSWORD, '192.0.2.78', at(400)), 'the next address is not').toBe('ok');
	});

	it('holds the limit under concurrency: 60 simultaneous wrong attempts check at most the limit of passwords', async () => {
		const email = await account();
		checks = 0;
		const results = await Promise.all(Array.from({ length: 60 }, () => attempt(email, 'fel', '10.9.9.9', at(0))));
		expect(checks).toBeGreaterThan(0);
		expect(checks).toBeLessThanOrEqual(limits.perPair);
		expect(results.filter((r) => r === 'unauthenticated')).toHaveLength(checks);
		expect(results.filter((r) => r === 'rate_limited')).toHaveLength(60 - checks);
	});

	it('holds the account ceiling under concurrency from many addresses', async () => {
		const email = await account();
		checks = 0;
		await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(email, 'fel', `100.64.0.${i}`, at(0))));
		expect(checks).toBeGreaterThan(0);
		expect(checks).toBeLessThanOrEqual(limits.accountCeiling);
	});

	it('audits every failed or refused attempt in one place, with the e-mail as parsed and the address', async () => {
		const email = await account();
		await attempt(`  ${email.toUpperCase()} `, 'fel', '10.7.7.7', at(0), 'api');
		await attempt(email, 'fel', '10.7.7.7', at(0), 'form');
		await attempt(email, 'fel', '10.7.7.7', at(0), 'form'); // refused: the wait after the second
		const rows = await query<{ detail: Record<string, unknown>; ip: string }>(database.db, sql`select detail, ip from audit_log where action = 'login.failed' and detail->>'email' = ${email} order by id`);
		expect(rows).toEqual([
			{ detail: { via: 'api', email }, ip: '10.7.7.7' },
			{ detail: { via: 'form', email }, ip: '10.7.7.7' },
			{ detail: { via: 'form', email, throttled: 'pair' }, ip: '10.7.7.7' }
		]);
	});
});
