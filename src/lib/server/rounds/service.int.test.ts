import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog, people, reminders, responses, roundMembers } from '../db/schema';
import { insertPerson, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { createTestDatabase, testBackend } from '../db/testing';
import { closeRound, createRound, getMyResponse, getRound, listRounds, myHistory, myOpenRounds, nonRespondents, openRound, remindNonRespondents, roundAdministration, roundProgress, roundsOverview, saveMyResponse } from './service';
import type { Mailer } from '../mail/mailer';
import { loadActor } from '../access/load-actor';

const answer = { caseCount: '17', situationScore: '2', situationComment: 'För många ärenden.', qualityScore: '4', recommendScore: '5', positiveText: 'Kollegorna.' };

async function expectDomainError(p: Promise<unknown>, kind: DomainError['kind'], message?: RegExp) {
	const error = await p.then(() => null, (e) => e);
	expect(error).toBeInstanceOf(DomainError);
	expect((error as DomainError).kind).toBe(kind);
	if (message) expect((error as DomainError).message).toMatch(message);
	return error as DomainError;
}

describe(`a round from creation to close (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let roundId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('only an administrator may create a round', async () => {
		const input = { kind: 'T2', year: 2026, opensAt: '2026-11-01', closesAt: '2026-12-15', unitIds: [org.units.f.id] };
		await expectDomainError(createRound(database.db, await org.actor(org.people.departmentA), input), 'not_found');
		const round = await createRound(database.db, await org.actor(org.people.admin), input);
		expect(round).toMatchObject({ name: 'T2 2026', status: 'draft' });
		roundId = round.id;
	});

	it('refuses bad input with Swedish messages per field', async () => {
		const admin = await org.actor(org.people.admin);
		const e = await expectDomainError(createRound(database.db, admin, { kind: 'T2', year: 'x', opensAt: '2026-12-01', closesAt: '2026-11-01', unitIds: [] }), 'invalid');
		expect(e.fieldErrors.unitIds).toMatch(/minst en förvaltning/);
		const notForvaltning = await expectDomainError(
			createRound(database.db, admin, { kind: 'T2', year: 2026, opensAt: '2026-11-01', closesAt: '2026-12-01', unitIds: [org.units.a.id] }),
			'invalid'
		);
		expect(notForvaltning.fieldErrors.unitIds).toMatch(/förvaltningar/);
	});

	it('hides a draft from everyone but administrators, and refuses answers to it', async () => {
		const worker = await org.actor(org.people.g1[0]);
		expect((await listRounds(database.db, worker)).map((r) => r.id)).not.toContain(roundId);
		await expectDomainError(getMyResponse(database.db, worker, roundId), 'not_found');
		await expectDomainError(saveMyResponse(database.db, worker, roundId, answer), 'not_found');
	});

	it('opening snapshots the handläggare of the participating förvaltningar only', async () => {
		await expectDomainError(openRound(database.db, await org.actor(org.people.managerE1), roundId), 'not_found');
		await openRound(database.db, await org.actor(org.people.admin), roundId);
		const [{ n }] = await database.db.select({ n: count() }).from(roundMembers).where(eq(roundMembers.roundId, roundId));
		expect(n).toBe(3 + 6 + 7 + 3); // Norrvik only; managers are not asked
		await expectDomainError(openRound(database.db, await org.actor(org.people.admin), roundId), 'conflict', /redan öppen/);
	});

	it('a handläggare answers once and may change the answer while the round is open', async () => {
		const worker = await org.actor(org.people.g1[0]);
		expect((await myOpenRounds(database.db, worker))[0]).toMatchObject({ answeredAt: null });
		await saveMyResponse(database.db, worker, roundId, answer);
		await saveMyResponse(database.db, worker, roundId, { ...answer, situationScore: '3', situationComment: '' });
		const rows = await database.db.select().from(responses).where(eq(responses.personId, worker.personId));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ caseCount: 17, situationScore: 3, situationComment: null, orgUnitId: org.units.g1.id });
		expect((await myOpenRounds(database.db, worker))[0].answeredAt).not.toBeNull();
	});

	it('bad input is refused and the saved answer is kept as it was', async () => {
		const worker = await org.actor(org.people.g1[0]);
		const e = await expectDomainError(saveMyResponse(database.db, worker, roundId, { ...answer, caseCount: '-3', qualityScore: '9' }), 'invalid');
		expect(e.fieldErrors).toMatchObject({ caseCount: expect.stringMatching(/negativt/), qualityScore: expect.stringMatching(/mellan 1 och 6/) });
		const { response } = await getMyResponse(database.db, worker, roundId);
		expect(response).toMatchObject({ caseCount: 17, situationScore: 3 });
	});

	it('someone outside the participating förvaltningar may not answer', async () => {
		await expectDomainError(saveMyResponse(database.db, await org.actor(org.people.e4[0]), roundId, answer), 'not_found', /ingår inte/);
		await expectDomainError(saveMyResponse(database.db, await org.actor(org.people.managerE1), roundId, answer), 'not_found');
	});

	it('someone who joined after the opening is added to the round when answering', async () => {
		const newcomer = await insertPerson(database.db, { orgUnitId: org.units.e2.id, name: 'Ny Medarbetare', activityArea: 'barn_och_unga' });
		await saveMyResponse(database.db, (await loadActor(database.db, newcomer.id, null))!, roundId, answer);
		const [member] = await database.db.select().from(roundMembers).where(eq(roundMembers.personId, newcomer.id));
		expect(member.orgUnitId).toBe(org.units.e2.id);
	});

	it('an answer stays with the unit it was given in when the person moves', async () => {
		const mover = org.people.e2[0];
		await saveMyResponse(database.db, (await org.actor(mover))!, roundId, answer);
		await database.db.update(people).set({ orgUnitId: org.units.e3.id }).where(eq(people.id, mover.id));
		await saveMyResponse(database.db, (await org.actor(mover))!, roundId, { ...answer, caseCount: '20' });
		const [row] = await database.db.select().from(responses).where(eq(responses.personId, mover.id));
		expect(row).toMatchObject({ orgUnitId: org.units.e2.id, caseCount: 20 });
	});

	/**
	 * A round of its own for a test, opened, over Norrvik: no test depends on another's answers.
	 * It asks the same people as the round above, which is still open: an overlap allowed on purpose.
	 */
	async function openedRound(year: number) {
		const admin = await org.actor(org.people.admin);
		const round = await createRound(database.db, admin, { kind: 'VB', year, opensAt: `${year}-11-01`, closesAt: `${year}-12-15`, unitIds: [org.units.f.id] });
		await openRound(database.db, admin, round.id, { allowOverlap: true });
		const [{ n }] = await database.db.select({ n: count() }).from(roundMembers).where(eq(roundMembers.roundId, round.id));
		return { ...round, members: n };
	}

	it('reminds those who have not answered, by e-mail when configured, and shows it on their start page', async () => {
		const round = await openedRound(2031);
		const answered = [org.people.g1[0], org.people.g1[2]];
		for (const p of answered) await saveMyResponse(database.db, await org.actor(p), round.id, answer);
		const sent: { to: string; subject: string }[] = [];
		const mailer: Mailer = { send: async (m) => void sent.push(m) };
		await expectDomainError(remindNonRespondents(database.db, await org.actor(org.people.managerE1), round.id, mailer), 'not_found');
		const result = await remindNonRespondents(database.db, await org.actor(org.people.admin), round.id, mailer, 'https://lagesbild.example');
		expect(result.reminded).toBe(round.members - answered.length);
		expect(sent).toHaveLength(result.reminded);
		expect(sent.map((m) => m.to)).not.toContain(org.people.g1[0].email);
		expect(sent[0].subject).toMatch(/Påminnelse: VB 2031/);
		const [{ n }] = await database.db.select({ n: count() }).from(reminders).where(and(eq(reminders.roundId, round.id), eq(reminders.channel, 'email')));
		expect(n).toBe(result.reminded);
		const open = await myOpenRounds(database.db, await org.actor(org.people.g1[1]));
		expect(open.find((r) => r.round.id === round.id)?.remindedAt).not.toBeNull();
	});

	it('closing ends answering, and the history shows the answer', async () => {
		const round = await openedRound(2032);
		const admin = await org.actor(org.people.admin);
		const worker = await org.actor(org.people.g1[0]);
		await saveMyResponse(database.db, worker, round.id, answer);
		await closeRound(database.db, admin, round.id);
		await expectDomainError(saveMyResponse(database.db, worker, round.id, answer), 'conflict', /stängd/);
		await expectDomainError(closeRound(database.db, admin, round.id), 'conflict', /redan stängd/);
		await expectDomainError(openRound(database.db, admin, round.id), 'conflict', /kan inte öppnas igen/);
		const history = await myHistory(database.db, worker);
		expect(history.map((h) => h.round.name)).toContain('VB 2032');
		const actions = (await database.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['round.create', 'round.open', 'round.close']));
	});
});

// Decision 0003: administering rounds is refused as "not found", also for a round the caller
// reads (an open one), so that page, form action and API give the same answer.
describe(`administering rounds is for administrators only (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('everyone else gets not found for every administering call, and nothing changes', async () => {
		const open = await insertRound(database.db, { status: 'open', unitIds: [org.units.f.id] });
		const draft = await insertRound(database.db, { status: 'draft', unitIds: [org.units.f.id] });
		const mailer: Mailer = { send: async () => {} };
		const input = { kind: 'T2', year: 2030, opensAt: '2030-11-01', closesAt: '2030-12-15', unitIds: [org.units.f.id] };
		for (const p of [org.people.g1[0], org.people.deputyG1, org.people.managerE1, org.people.departmentA, org.people.steeringF, org.people.central]) {
			const who = await org.actor(p);
			expect((await getRound(database.db, who, open.id)).id, 'the open round itself is readable').toBe(open.id);
			await expectDomainError(createRound(database.db, who, input), 'not_found');
			await expectDomainError(createRound(database.db, who, {}), 'not_found');
			await expectDomainError(openRound(database.db, who, draft.id), 'not_found');
			await expectDomainError(closeRound(database.db, who, open.id), 'not_found');
			await expectDomainError(remindNonRespondents(database.db, who, open.id, mailer), 'not_found');
			await expectDomainError(nonRespondents(database.db, who, open.id), 'not_found');
			await expectDomainError(roundProgress(database.db, who, open.id), 'not_found');
			await expectDomainError(roundsOverview(database.db, who), 'not_found');
			await expectDomainError(roundAdministration(database.db, who, open.id), 'not_found');
		}
		const admin = await org.actor(org.people.admin);
		expect((await getRound(database.db, admin, open.id)).status).toBe('open');
		expect((await getRound(database.db, admin, draft.id)).status).toBe('draft');
		const [{ n }] = await database.db.select({ n: count() }).from(reminders);
		expect(n).toBe(0);
		expect((await roundsOverview(database.db, admin)).map((r) => r.id).sort()).toEqual([open.id, draft.id].sort());
	});

	it('the administrator sees progress and who has not answered', async () => {
		const round = await insertRound(database.db, { status: 'draft', unitIds: [org.units.f2.id] });
		const admin = await org.actor(org.people.admin);
		await openRound(database.db, admin, round.id, { allowOverlap: true });
		await saveMyResponse(database.db, await org.actor(org.people.e4[0]), round.id, answer);
		expect(await roundProgress(database.db, admin, round.id)).toEqual({ members: 6, answered: 1 });
		expect((await nonRespondents(database.db, admin, round.id)).map((p) => p.personId).sort()).toEqual(org.people.e4.slice(1).map((p) => p.id).sort());
		expect(await roundAdministration(database.db, admin, round.id)).toMatchObject({ round: { id: round.id }, progress: { members: 6, answered: 1 }, missingCount: 5 });
		await expectDomainError(roundProgress(database.db, admin, 'not-a-uuid'), 'not_found');
	});
});
