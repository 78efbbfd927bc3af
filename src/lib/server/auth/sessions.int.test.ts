import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { people, sessions } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { assignRole } from '../demo/factories';
import { env, resetEnvCache } from '../env';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { createSession, touchIntervalMs, validateSession } from './sessions';

describe(`a session and its actor, loaded in one query (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('gives the same actor as loading the person, assignments and their dates included', async () => {
		const person = org.people.managerE2;
		// A vikarierande assignment with dates beside the open-ended one.
		await assignRole(database.db, { personId: person.id, orgUnitId: org.units.e3.id, role: 'unit_manager', validFrom: '2026-01-01', validTo: '2026-06-30' });
		const token = await createSession(database.db, person.id);
		const session = await validateSession(database.db, token);
		expect(session?.personId).toBe(person.id);
		expect({ ...session?.actor, ip: null }, 'the request adds the address').toEqual(await org.actor(person, null));
		expect(session?.actor?.assignments).toEqual([
			{ role: 'unit_manager', orgUnitId: org.units.e2.id, orgUnitPath: org.units.e2.path, orgUnitKind: 'enhet', orgUnitName: 'Enhet 2', validFrom: null, validTo: null },
			{ role: 'unit_manager', orgUnitId: org.units.e3.id, orgUnitPath: org.units.e3.path, orgUnitKind: 'enhet', orgUnitName: 'Enhet 3', validFrom: '2026-01-01', validTo: '2026-06-30' }
		]);
		expect((await validateSession(database.db, token))?.actor?.assignments).toHaveLength(2);
	});

	it('a person without assignments gets an empty list', async () => {
		const token = await createSession(database.db, org.people.e2[0].id);
		const session = await validateSession(database.db, token);
		expect(session?.actor?.name).toBe('E2 person 1');
		expect(session?.actor?.assignments).toEqual([]);
	});

	it('an unknown token is no session', async () => {
		expect(await validateSession(database.db, 'not-a-token')).toBeNull();
	});

	it('ends a session that has been idle too long, and one past its absolute limit', async () => {
		const started = new Date('2026-03-02T08:00:00Z');
		const idle = await createSession(database.db, org.people.e2[1].id, started);
		const idleMinutes = env().SESSION_IDLE_MINUTES;
		expect(await validateSession(database.db, idle, new Date(started.getTime() + (idleMinutes - 1) * 60_000))).not.toBeNull();
		// Touched one minute before the limit: the idle time counts from then.
		expect(await validateSession(database.db, idle, new Date(started.getTime() + (2 * idleMinutes - 2) * 60_000))).not.toBeNull();
		expect(await validateSession(database.db, idle, new Date(started.getTime() + (3 * idleMinutes) * 60_000))).toBeNull();
		expect(await database.db.select().from(sessions).where(eq(sessions.personId, org.people.e2[1].id))).toEqual([]);

		const long = await createSession(database.db, org.people.e2[2].id, started);
		const hours = env().SESSION_MAX_HOURS;
		let at = started.getTime();
		// Kept alive by use, it still ends at the absolute limit.
		while (at + idleMinutes * 30_000 < started.getTime() + hours * 3600_000) {
			at += idleMinutes * 30_000;
			expect(await validateSession(database.db, long, new Date(at))).not.toBeNull();
		}
		expect(await validateSession(database.db, long, new Date(started.getTime() + hours * 3600_000))).toBeNull();
	});

	it('a deactivated person keeps no actor, whatever session they hold', async () => {
		const person = org.people.e2[3];
		const token = await createSession(database.db, person.id);
		await database.db.update(people).set({ active: false }).where(eq(people.id, person.id));
		const session = await validateSession(database.db, token);
		expect(session?.actor ?? null).toBeNull();
	});

	it('keeps a session in use alive at the shortest idle limit (one minute), without a write per request', async () => {
		process.env.SESSION_IDLE_MINUTES = '1';
		resetEnvCache();
		try {
			const person = org.people.e2[4];
			const started = new Date('2026-03-03T08:00:00Z');
			const token = await createSession(database.db, person.id, started);
			const lastSeen = async () => (await database.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.personId, person.id)))[0]?.at.getTime();
			// A request every 20 seconds for five minutes: never idle for a minute.
			for (let s = 20; s <= 300; s += 20) {
				expect(await validateSession(database.db, token, new Date(started.getTime() + s * 1000)), `after ${s} s`).not.toBeNull();
			}
			const touched = await lastSeen();
			expect(touched).toBe(started.getTime() + 300_000);
			// A request a second later does not write.
			await validateSession(database.db, token, new Date(started.getTime() + 301_000));
			expect(await lastSeen()).toBe(touched);
			// Idle for a whole minute: ended.
			expect(await validateSession(database.db, token, new Date(started.getTime() + 361_000))).toBeNull();
		} finally {
			delete process.env.SESSION_IDLE_MINUTES;
			resetEnvCache();
		}
	});

	it('writes last_seen_at at a tenth of the idle limit, at most once a minute', () => {
		expect(touchIntervalMs(1)).toBe(6_000);
		expect(touchIntervalMs(5)).toBe(30_000);
		expect(touchIntervalMs(30)).toBe(60_000);
		expect(touchIntervalMs(24 * 60)).toBe(60_000);
	});
});
