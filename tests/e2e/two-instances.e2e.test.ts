/**
 * Two app instances on one PostgreSQL (decision 0007): the built app started twice against a
 * fresh database, as a load balancer would have them. A session made on one works on the other,
 * a login rate limit counts attempts on both, and a scheduled reminder is e-mailed once, not once
 * per instance (a local SMTP server counts the mails). PostgreSQL only: the embedded database
 * belongs to one process, so there is nothing to test there (skipped on PGlite).
 */
import { hash } from '@node-rs/argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnInstance, stopInstance, waitReady, type Instance } from './instances';

const onPostgres = process.env.TEST_DB === 'postgres';
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'tva-instanser';

async function until<T>(what: string, seconds: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
	const deadline = Date.now() + seconds * 1000;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value) return value;
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`timed out after ${seconds} s waiting for ${what}`);
}

/** A login through the API; `from` is the client address the (trusted) proxy in front reports. */
const login = (base: string, email: string, password = PASSWORD, from?: string) =>
	fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) }, body: JSON.stringify({ email, password }) });

describe.skipIf(!onPostgres)('two app instances on one PostgreSQL', () => {
	const name = `lagesbild_two_${randomBytes(5).toString('hex')}`;
	const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
	let sql: postgres.Sql;
	let smtp: SMTPServer;
	const mails: string[] = [];
	let a: Instance;
	let b: Instance;
	const ids = { kommun: randomUUID(), forvaltning: randomUUID(), enhet: randomUUID(), round: randomUUID() };
	const staff = ['anna', 'bo', 'cecilia'].map((n) => ({ id: randomUUID(), email: `${n}@tva.test` }));
	const user = { id: randomUUID(), email: 'inloggning@tva.test' };

	beforeAll(async () => {
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		await admin.end();

		smtp = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			onData(stream, session, callback) {
				stream.on('data', () => {});
				stream.on('end', () => {
					mails.push(...session.envelope.rcptTo.map((r) => r.address));
					callback();
				});
			}
		});
		await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
		const smtpPort = (smtp.server.address() as AddressInfo).port;

		// The first instance migrates the database; then the organisation and an open round whose
		// reminder (three days before closing) is due, with three people who have not answered.
		const env = { DATABASE_URL: url, DATABASE_POOL_SIZE: '4', DEMO: 'off', JOBS: 'on', REMINDER_DAYS_BEFORE_CLOSE: '3', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, LOG_LEVEL: 'warn', NODE_ENV: 'production',
			// This machine is the trusted proxy, so a test can log in from several client addresses; above five failures an account is slowed to one check per ten minutes.
			TRUSTED_PROXIES: '127.0.0.1', LOGIN_ACCOUNT_CEILING: '5', LOGIN_ACCOUNT_SLOW_SECONDS: '600' };
		a = await spawnInstance(env);
		await waitReady(a);
		await fetch(`${a.base}/readyz`);
		sql = postgres(url, { max: 2, onnotice: () => {} });
		const passwordHash = await hash(PASSWORD);
		await sql.begin(async (tx) => {
			await tx`insert into org_units (id, parent_id, kind, name, path, depth) values
				(${ids.kommun}, null, 'kommun', 'Tvåstad', ${`/${ids.kommun}/`}, 0),
				(${ids.forvaltning}, ${ids.kommun}, 'forvaltning', 'Tvåstads socialförvaltning', ${`/${ids.kommun}/${ids.forvaltning}/`}, 1),
				(${ids.enhet}, ${ids.forvaltning}, 'enhet', 'Enheten', ${`/${ids.kommun}/${ids.forvaltning}/${ids.enhet}/`}, 2)`;
			for (const p of [...staff, user]) {
				await tx`insert into people (id, email, name, org_unit_id, title, activity_area, password_hash)
					values (${p.id}, ${p.email}, ${p.email}, ${ids.enhet}, 'socialsekreterare', 'barn_och_unga', ${passwordHash})`;
			}
			await tx`insert into rounds (id, kind, year, name, opens_at, closes_at, status, opened_at)
				values (${ids.round}, 'custom', 2026, 'Tvåinstansmätningen', now() - interval '10 days', now() + interval '2 days', 'open', now() - interval '10 days')`;
			await tx`insert into round_units (round_id, org_unit_id) values (${ids.round}, ${ids.forvaltning})`;
			for (const p of staff) {
				await tx`insert into round_members (round_id, person_id, org_unit_id, title, activity_area) values (${ids.round}, ${p.id}, ${ids.enhet}, 'socialsekreterare', 'barn_och_unga')`;
			}
		});
		// The second instance starts (and queues its start-up tick) with the work already due.
		b = await spawnInstance(env);
		await waitReady(b);
	}, 240_000);

	afterAll(async () => {
		await Promise.all([a, b].filter(Boolean).map((instance) => stopInstance(instance)));
		await sql?.end();
		await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}, 60_000);

	it('a session made on one instance works on the other, and logging out on one ends it on both', async () => {
		const res = await login(a.base, user.email);
		expect(res.status).toBe(201);
		const { token } = (await res.json()) as { token: string };
		const onB = await fetch(`${b.base}/api/v1/my-history`, { headers: { authorization: `Bearer ${token}` } });
		expect(onB.status).toBe(200);
		expect(await fetch(`${b.base}/api/v1/session`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).toHaveProperty('status', 204);
		expect((await fetch(`${a.base}/api/v1/my-history`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
	});

	it('failed logins on both instances count towards one limit', async () => {
		const email = staff[0].email;
		// Five failures from five addresses, three on A and two on B: the account reaches its ceiling.
		for (const [i, instance] of [a, b, a, b, a].entries()) {
			expect((await login(instance.base, email, `fel-${i}`, `203.0.113.${i + 1}`)).status, `attempt ${i + 1}`).toBe(401);
		}
		// Now the account is slowed on both instances, whatever the address: the next check is ten minutes away.
		expect((await login(b.base, email, PASSWORD, '198.51.100.1')).status).toBe(429);
		expect((await login(a.base, email, PASSWORD, '198.51.100.2')).status).toBe(429);
	});

	it('sends the scheduled reminder once, though both instances run the schedule', async () => {
		await until('three reminder mails', 90, async () => mails.length >= 3);
		// Both instances queued a tick when they started, and the schedule adds one a minute: wait
		// until the queue has run the tick at least twice and no tick is running. A tick completes
		// only after its mails were accepted (the server records them before it answers), so any
		// duplicate would be in `mails` by then.
		await until('two completed ticks and none running', 120, async () => {
			const [row] = await sql`select count(*) filter (where state = 'completed')::int as done, count(*) filter (where state = 'active')::int as running
			                        from pgboss.job where name = 'rounds-tick'`;
			return row.done >= 2 && row.running === 0;
		});
		expect(mails.sort()).toEqual(staff.map((p) => p.email).sort());
		const [reminders] = await sql`select count(*)::int as n, count(distinct person_id)::int as people from reminders where round_id = ${ids.round}`;
		expect(reminders).toEqual({ n: 3, people: 3 });
		const [audit] = await sql`select count(*)::int as n from audit_log where action = 'round.remind' and subject_id = ${ids.round}`;
		expect(audit.n).toBe(1);
	}, 240_000);

	it('both instances stop gracefully on SIGTERM', async () => {
		for (const instance of [a, b]) {
			const exit = new Promise<number | null>((r) => instance.child.once('exit', (code) => r(code)));
			instance.child.kill('SIGTERM');
			expect(await Promise.race([exit, new Promise((r) => setTimeout(() => r('still running'), 30_000))])).toBe(0);
		}
	}, 70_000);
});
