/** The nearest manager reminds own staff who have not answered: whom, how often, and what they see. Mail through a real SMTP server. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { smtpMailer } from '../mail/mailer';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { startSmtpServer, type ReceivedMail } from '../testing/smtp';
import { DEFAULT_REMINDER_TEXT, remindOwnStaff, reminderText, saveReminderText, staffProgress } from './manager-reminders';
import { myOpenRounds } from './service';

const MORNING = new Date('2026-11-24T08:00:00+01:00');
const EVENING = new Date('2026-11-24T23:30:00+01:00');
const NEXT_DAY = new Date('2026-11-25T00:10:00+01:00');
const failure = (p: Promise<unknown>) => p.then(() => null, (e) => (e instanceof DomainError ? { kind: e.kind, message: e.message, fields: e.fieldErrors } : { kind: String(e), message: '', fields: {} }));

describe(`the nearest manager's reminder (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
	let roundId: string;
	const received: ReceivedMail[] = [];
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		smtp = await startSmtpServer((mail) => received.push(mail));
		const round = await insertRound(database.db, { status: 'open', name: 'VB 2026', opensAt: new Date('2026-11-14T08:00:00+01:00'), unitIds: [org.units.f.id, org.units.f2.id] });
		roundId = round.id;
		// Two of the seven in Enhet 2 have answered.
		for (const p of org.people.e2.slice(0, 2)) await insertResponse(database.db, { roundId, personId: p.id });
	});
	afterAll(async () => {
		await smtp.close();
		await database.close();
	});

	it('shows the manager who has answered, per group', async () => {
		const progress = await staffProgress(database.db, await org.actor(org.people.managerE2), roundId, MORNING);
		expect(progress.units).toEqual([{ unitName: 'Enhet 2', members: 7, answered: 2 }]);
		expect(progress.notAnswered).toBe(5);
		expect(progress.sentToday).toBeNull();
		expect(progress.defaultText).toBe(DEFAULT_REMINDER_TEXT);
	});

	it('reminds only own staff who have not answered: a notice on their start page and an e-mail; audited', async () => {
		const mailer = smtpMailer(smtp.url, 'Lägesbild <noreply@test.se>');
		const manager = await org.actor(org.people.managerE2);
		const sent = await remindOwnStaff(database.db, manager, roundId, { message: 'Hej! Glöm inte mätningen, den tar fem minuter.' }, mailer, 'https://lagesbild.test', MORNING);
		expect(sent).toEqual({ reminded: 5, emailed: 5 });
		expect(received.map((m) => m.to[0]).sort()).toEqual(org.people.e2.slice(2).map((p) => p.email).sort());
		const body = received[0].body.replace(/=\r?\n/g, '');
		expect(body).toContain(`https://lagesbild.test/rounds/${roundId}/answer`);

		const reminded = (await myOpenRounds(database.db, await org.actor(org.people.e2[3])))[0];
		expect(reminded.reminder).toEqual({ message: 'Hej! Glöm inte mätningen, den tar fem minuter.', from: 'Chef E2' });
		// Those who answered, and people in other units, get nothing.
		expect((await myOpenRounds(database.db, await org.actor(org.people.e2[0])))[0].reminder).toBeNull();
		expect((await myOpenRounds(database.db, await org.actor(org.people.e4[0])))[0].reminder).toBeNull();
		const logged = await database.db.select().from(auditLog).where(eq(auditLog.action, 'round.remind_staff'));
		expect(logged).toHaveLength(1);
		expect(logged[0].detail).toEqual({ reminded: 5, emailed: 5 });
	});

	it('at most once a day: refused the same Stockholm day, allowed the next', async () => {
		const manager = await org.actor(org.people.managerE2);
		const again = await failure(remindOwnStaff(database.db, manager, roundId, {}, null, '', EVENING));
		expect(again).toMatchObject({ kind: 'conflict', message: 'Du har redan påmint dem som inte har svarat i dag. Du kan påminna igen i morgon.' });
		expect((await staffProgress(database.db, manager, roundId, EVENING)).sentToday).toMatchObject({ reminded: 5 });
		// One of them answers; the next day only four are reminded, with the kommun's text.
		await insertResponse(database.db, { roundId, personId: org.people.e2[2].id });
		expect(await remindOwnStaff(database.db, manager, roundId, {}, null, '', NEXT_DAY)).toEqual({ reminded: 4, emailed: 0 });
		expect((await myOpenRounds(database.db, await org.actor(org.people.e2[4])))[0].reminder?.message).toBe(DEFAULT_REMINDER_TEXT);
		// The one who answered no longer sees a reminder to answer (the page shows "Du har svarat").
		expect((await myOpenRounds(database.db, await org.actor(org.people.e2[2])))[0].answeredAt).not.toBeNull();
	});

	it('is not there for anyone but a nearest manager, and not for a closed round', async () => {
		expect(await failure(remindOwnStaff(database.db, await org.actor(org.people.departmentA), roundId, {}, null, '', MORNING))).toMatchObject({ kind: 'not_found' });
		expect(await failure(remindOwnStaff(database.db, await org.actor(org.people.e2[3]), roundId, {}, null, '', MORNING))).toMatchObject({ kind: 'not_found' });
		const closed = await insertRound(database.db, { status: 'closed', name: 'T2 2026', unitIds: [org.units.f.id] });
		expect(await failure(remindOwnStaff(database.db, await org.actor(org.people.managerE1), closed.id, {}, null, '', MORNING))).toMatchObject({ kind: 'conflict' });
	});

	it('says in Swedish what is wrong with the text; administrators set the kommun’s default', async () => {
		const refused = await failure(remindOwnStaff(database.db, await org.actor(org.people.managerE1), roundId, { message: 'x' }, null, '', MORNING));
		expect(refused).toMatchObject({ kind: 'invalid', fields: { message: 'Skriv påminnelsens text, minst 10 tecken.' } });
		expect(await failure(saveReminderText(database.db, await org.actor(org.people.managerE1), { message: 'En annan standardtext här.' }))).toMatchObject({ kind: 'not_found' });
		await saveReminderText(database.db, await org.actor(org.people.admin), { message: 'En annan standardtext här.' });
		expect(await reminderText(database.db)).toBe('En annan standardtext här.');
	});
});
