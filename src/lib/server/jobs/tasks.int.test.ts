/**
 * The scheduled tasks on their own (the queue that runs them is tested with two app instances in
 * tests/e2e/two-instances.e2e.test.ts): closing rounds on their date, the automatic reminder once
 * per round, clean-up, and storing the decisions of rounds that have closed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { query, sql, type Database } from '../db/client';
import { loginAttempts, rounds, sessions } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { storedIsCurrent } from '../reports/disclosure-store';
import type { Mailer } from '../mail/mailer';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { cleanUp, closeDueRounds, minuteTick, sendDueReminders } from './tasks';

const DAY = 24 * 60 * 60 * 1000;

describe(`scheduled tasks (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	const sent: string[] = [];
	const mailer: Mailer = { send: async (m) => void sent.push(m.to) };
	const settings = { reminderDaysBefore: 3, autoClose: true, mailer, appUrl: 'https://lagesbild.test' };
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());
	// Each test starts with no open round and no mail sent, whatever ran before it.
	beforeEach(async () => {
		await database.db.update(rounds).set({ status: 'closed', closedAt: new Date() }).where(eq(rounds.status, 'open'));
		sent.length = 0;
	});

	it('closes an open round whose closing time has passed, but not one opened after it', async () => {
		const now = new Date();
		const due = await insertRound(database.db, { status: 'open', opensAt: new Date(now.getTime() - 20 * DAY), closesAt: new Date(now.getTime() - 60_000), unitIds: [org.units.f2.id] });
		const running = await insertRound(database.db, { status: 'open', opensAt: new Date(now.getTime() - DAY), closesAt: new Date(now.getTime() + 10 * DAY), unitIds: [org.units.f2.id] });
		// An old measurement opened today, after its own closing date: left for the administrator.
		const late = await insertRound(database.db, { status: 'open', opensAt: new Date('2015-01-12'), closesAt: new Date('2015-01-30'), unitIds: [org.units.f2.id] });
		await database.db.update(rounds).set({ openedAt: now }).where(eq(rounds.id, late.id));

		expect(await closeDueRounds(database.db, now)).toEqual([due.id]);
		expect(await closeDueRounds(database.db, now)).toEqual([]);
		const status = async (id: string) => (await database.db.select({ s: rounds.status }).from(rounds).where(eq(rounds.id, id)))[0].s;
		expect([await status(due.id), await status(running.id), await status(late.id)]).toEqual(['closed', 'open', 'open']);
		const [audit] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log where action = 'round.close' and subject_id = ${due.id} and actor_id is null`);
		expect(audit.n).toBe(1);
	});

	it('sends the automatic reminder once per round, from N days before closing, to those who have not answered', async () => {
		const now = new Date();
		const round = await insertRound(database.db, { status: 'open', opensAt: new Date(now.getTime() - 10 * DAY), closesAt: new Date(now.getTime() + 2 * DAY), unitIds: [org.units.f2.id] });
		const early = await insertRound(database.db, { status: 'open', opensAt: new Date(now.getTime() - DAY), closesAt: new Date(now.getTime() + 10 * DAY), unitIds: [org.units.f2.id] });
		await insertResponse(database.db, { roundId: round.id, personId: org.people.e4[0].id });

		// Twice at once, as two instances would: one sends, the other finds it claimed.
		const first = await Promise.all([sendDueReminders(database.db, settings, now), sendDueReminders(database.db, settings, now)]);
		expect(first.flat()).toEqual([{ roundId: round.id, reminded: 5, emailed: 5 }]);
		expect(sent.sort()).toEqual(org.people.e4.slice(1).map((p) => p.email).sort());
		expect(await sendDueReminders(database.db, settings, now)).toEqual([]);
		expect(sent).toHaveLength(5);
		// The other round's reminder time has not come; with 0 days there are no automatic reminders.
		expect(await sendDueReminders(database.db, { ...settings, reminderDaysBefore: 0 }, new Date(now.getTime() + 9 * DAY))).toEqual([]);
		expect((await sendDueReminders(database.db, settings, new Date(now.getTime() + 8 * DAY))).map((r) => r.roundId)).toEqual([early.id]);
	});

	it('cleans up expired sessions and old failed logins', async () => {
		const now = new Date();
		const person = org.people.e4[0].id;
		await database.db.insert(sessions).values([
			{ id: 'expired', personId: person, expiresAt: new Date(now.getTime() - 1000), lastSeenAt: now },
			{ id: 'idle', personId: person, expiresAt: new Date(now.getTime() + DAY), lastSeenAt: new Date(now.getTime() - DAY) },
			{ id: 'live', personId: person, expiresAt: new Date(now.getTime() + DAY), lastSeenAt: now }
		]);
		await database.db.insert(loginAttempts).values([
			{ email: 'x@test', ip: '127.0.0.1', at: new Date(now.getTime() - 2 * DAY) },
			{ email: 'x@test', ip: '127.0.0.1', at: now }
		]);
		await cleanUp(database.db, now);
		expect((await database.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id)).toEqual(['live']);
		expect(await database.db.select().from(loginAttempts)).toHaveLength(1);
	});

	it('stores the decisions of rounds that have closed on the minute tick', async () => {
		const now = new Date();
		const round = await insertRound(database.db, { status: 'open', opensAt: new Date(now.getTime() - 20 * DAY), closesAt: new Date(now.getTime() - 1000), unitIds: [org.units.f.id] });
		for (const p of org.people.e2) await insertResponse(database.db, { roundId: round.id, personId: p.id });
		await minuteTick(database.db, settings, now);
		expect((await database.db.select({ s: rounds.status }).from(rounds).where(eq(rounds.id, round.id)))[0].s).toBe('closed');
		expect(await storedIsCurrent(database.db)).toBe(true);
	});
});
