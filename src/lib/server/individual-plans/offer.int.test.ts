/**
 * Offering an individual plan from the answers: the measures picked from the kommun's library
 * become the plan's measures, the preparation shows only what the manager may read, and the
 * follow-up e-mail reaches the manager once per follow-up date through a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { individualPlans, jobClaims } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { smtpMailer } from '../mail/mailer';
import { createMeasure, listMeasures, measuresToAdminister, setMeasureRetired, updateMeasure } from '../measures/service';
import { listAreas } from '../city-plan/areas';
import { startSmtpServer, type ReceivedMail } from '../testing/smtp';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { remindDueFollowUps } from './follow-up';
import { offerIndividualPlan, prepareOffer } from './service';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const fieldsOf = (p: Promise<unknown>) => p.then(() => ({}), (e) => (e instanceof DomainError ? e.fieldErrors : {}));
const NOW = new Date('2026-11-25T12:00:00Z');

describe(`offering an individual plan (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let roundId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const round = await insertRound(database.db, { status: 'closed', opensAt: new Date('2026-10-01T06:00:00Z'), closesAt: new Date('2026-10-15T20:00:00Z'), unitIds: [org.units.f.id] });
		roundId = round.id;
		await insertResponse(database.db, { roundId, personId: org.people.e2[0].id, situationScore: 2, situationComment: 'För många ärenden.' });
	});
	afterAll(() => database.close());

	it('the library starts with a Swedish set, each measure under at least one of the plan’s areas', async () => {
		const measures = await listMeasures(database.db);
		expect(measures.length).toBeGreaterThanOrEqual(10);
		const coHandling = measures.find((m) => m.title === 'Medhandläggare i tunga ärenden');
		expect(coHandling?.areas.map((a) => a.title)).toEqual(['Medhandläggarskap']);
		expect(measures.every((m) => m.areas.length > 0)).toBe(true);
	});

	it('shows the answer, the motivation and the library beside the form; not found for another unit’s manager', async () => {
		const manager = await org.actor(org.people.managerE2);
		const offer = await prepareOffer(database.db, manager, org.people.e2[0].id, roundId);
		expect(offer.answer?.situationScore).toBe(2);
		expect(offer.answer?.situationComment).toBe('För många ärenden.');
		expect(offer.measureGroups.flatMap((g) => g.measures).length).toBe((await listMeasures(database.db)).length);
		expect(await kindOf(prepareOffer(database.db, await org.actor(org.people.managerE4), org.people.e2[0].id, roundId))).toBe('not_found');
		expect(await kindOf(prepareOffer(database.db, await org.actor(org.people.departmentA), org.people.e2[0].id, roundId))).toBe('not_found');
		expect(await kindOf(prepareOffer(database.db, manager, 'not-a-uuid', roundId))).toBe('not_found');
	});

	it('picked measures become the plan’s measures, before the manager’s own; earlier plans follow only with the same manager', async () => {
		const manager = await org.actor(org.people.managerE2);
		const measures = await listMeasures(database.db);
		const [a, b] = [measures[2], measures[3]];
		const plan = await offerIndividualPlan(database.db, manager, { personId: org.people.e2[0].id, roundId, followUpOn: '2027-01-15', goals: 'Färre ärenden.', measureIds: [a.id, b.id], measures: 'Avstämning varje fredag' }, NOW);
		expect(plan.measures).toBe(`• ${a.title}\n• ${b.title}\nAvstämning varje fredag`);
		expect(plan.goals).toBe('Färre ärenden.');
		const again = await prepareOffer(database.db, manager, org.people.e2[0].id, roundId);
		expect(again.earlierPlans.map((p) => p.id)).toEqual([plan.id]);
	});

	it('refuses a measure that is not in the library, and a follow-up date in the past, saying what to fix', async () => {
		const manager = await org.actor(org.people.managerE2);
		expect(await fieldsOf(offerIndividualPlan(database.db, manager, { personId: org.people.e2[1].id, followUpOn: '2027-01-15', measureIds: ['00000000-0000-4000-8000-000000000000'] }, NOW))).toEqual({
			measureIds: 'En vald åtgärd finns inte längre i åtgärdsbanken. Välj igen.'
		});
		expect(await fieldsOf(offerIndividualPlan(database.db, manager, { personId: org.people.e2[1].id, followUpOn: '2026-11-01' }, NOW))).toEqual({ followUpOn: 'Välj ett datum för uppföljning från och med i dag.' });
		const plans = await database.db.select().from(individualPlans).where(eq(individualPlans.personId, org.people.e2[1].id));
		expect(plans).toEqual([]);
	});

	it('administrators add, reword and retire measures; a retired one is no longer suggested; others may not', async () => {
		const admin = await org.actor(org.people.admin);
		const [area] = await listAreas(database.db);
		const { id } = await createMeasure(database.db, admin, { title: 'Friskvårdstimme', description: '', areaIds: [area.id] });
		await updateMeasure(database.db, admin, id, { title: 'Friskvårdstimme varje vecka', areaIds: [area.id] });
		expect((await listMeasures(database.db)).find((m) => m.id === id)?.title).toBe('Friskvårdstimme varje vecka');
		await setMeasureRetired(database.db, admin, id, true);
		expect((await listMeasures(database.db)).some((m) => m.id === id)).toBe(false);
		expect((await measuresToAdminister(database.db, admin)).some((m) => m.id === id)).toBe(true);
		expect(await fieldsOf(createMeasure(database.db, admin, { title: ' ', areaIds: [] }))).toEqual({ title: 'Skriv åtgärden.', areaIds: 'Välj minst ett område i handlingsplanen.' });
		expect(await kindOf(createMeasure(database.db, await org.actor(org.people.managerE2), { title: 'x', areaIds: [area.id] }))).toBe('not_found');
		expect(await kindOf(createMeasure(database.db, await org.actor(org.people.central), { title: 'x', areaIds: [area.id] }))).toBe('not_found');
	});

	it('e-mails the manager once when a follow-up date has passed, again only when the date is moved', async () => {
		const received: ReceivedMail[] = [];
		const smtp = await startSmtpServer((m) => received.push(m));
		try {
			const mailer = smtpMailer(smtp.url, 'lagesbild@test.se');
			const manager = await org.actor(org.people.managerE2);
			const plan = await offerIndividualPlan(database.db, manager, { personId: org.people.e2[2].id, followUpOn: '2026-12-01' }, NOW);
			expect(await remindDueFollowUps(database.db, mailer, 'https://lagesbild.test', new Date('2026-12-01T10:00:00Z'))).toEqual([]);
			// The day after: due. Two instances at once send one e-mail.
			const later = new Date('2026-12-02T07:00:00Z');
			const sent = await Promise.all([remindDueFollowUps(database.db, mailer, 'https://lagesbild.test', later), remindDueFollowUps(database.db, mailer, 'https://lagesbild.test', later)]);
			expect(sent.flat()).toEqual([plan.id]);
			expect(received.map((m) => m.to)).toEqual([['chef.e2@test.se']]);
			expect(received[0].text).toContain(`https://lagesbild.test/action-plans/${plan.id}`);
			expect(received[0].text).toContain('E2 person 3');
			// Moved to a new date that passes too: one more.
			await database.db.update(individualPlans).set({ followUpOn: '2026-12-05' }).where(eq(individualPlans.id, plan.id));
			expect(await remindDueFollowUps(database.db, mailer, 'https://lagesbild.test', new Date('2026-12-06T07:00:00Z'))).toEqual([plan.id]);
			// A closed plan is not followed up by e-mail.
			await database.db.update(individualPlans).set({ followUpOn: '2026-12-07', status: 'closed' }).where(eq(individualPlans.id, plan.id));
			expect(await remindDueFollowUps(database.db, mailer, 'https://lagesbild.test', new Date('2026-12-08T07:00:00Z'))).toEqual([]);
			expect((await database.db.select().from(jobClaims)).map((c) => c.key).sort()).toEqual([`plan-follow-up:${plan.id}:2026-12-01`, `plan-follow-up:${plan.id}:2026-12-05`]);
		} finally {
			await smtp.close();
		}
	});
});
