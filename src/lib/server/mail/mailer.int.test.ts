/** Reminders through a real SMTP server on localhost (smtp-server), not a mock of the mailer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertRound } from '../demo/factories';
import { remindNonRespondents } from '../rounds/service';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { startSmtpServer, type ReceivedMail } from '../testing/smtp';
import { smtpMailer } from './mailer';

describe(`reminders by e-mail (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
	const received: ReceivedMail[] = [];
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		smtp = await startSmtpServer((mail) => received.push(mail));
	});
	afterAll(async () => {
		await smtp.close();
		await database.close();
	});

	it('sends one Swedish reminder to each person who has not answered', async () => {
		const round = await insertRound(database.db, { status: 'open', name: 'T2 2026', unitIds: [org.units.f2.id] });
		const mailer = smtpMailer(smtp.url, 'Lägesbild <noreply@test.se>');
		const result = await remindNonRespondents(database.db, await org.actor(org.people.admin), round.id, mailer, 'https://lagesbild.test');
		expect(result).toEqual({ reminded: 6, emailed: 6 });
		expect(received.map((m) => m.to[0]).sort()).toEqual(org.people.e4.map((p) => p.email).sort());
		const body = received[0].body.replace(/=\r?\n/g, '');
		expect(body).toMatch(/Subject: =\?UTF-8\?|Subject: P/);
		expect(body).toContain(`https://lagesbild.test/rounds/${round.id}/answer`);
	});
});
