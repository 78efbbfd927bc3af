/**
 * Guardrails on opening a round: the count of people it will ask (the same as the snapshot it
 * takes), and a refusal while another open round asks some of the same people, unless allowed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog, roundMembers, rounds } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { countToAsk, openingPreview, overlappingOpenRounds } from './opening';
import { closeRound, createRound, openRound } from './service';

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof DomainError ? e : Promise.reject(e)));

describe(`opening a round: how many it asks, and overlapping rounds (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	const draft = async (unitIds: string[], name: string) =>
		createRound(database.db, await org.actor(org.people.admin), { kind: 'custom', name, year: 2026, opensAt: '2026-11-01', closesAt: '2026-12-15', unitIds });
	const statusOf = async (id: string) => (await database.db.select({ status: rounds.status }).from(rounds).where(eq(rounds.id, id)))[0].status;

	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('the count before opening is the number the snapshot then asks', async () => {
		const round = await draft([org.units.f.id], 'Räknas');
		expect(await countToAsk(database.db, round.id)).toBe(3 + 6 + 7 + 3); // Norrvik's handläggare; managers are not asked
		expect(await openingPreview(database.db, await org.actor(org.people.admin), round.id)).toEqual({ toAsk: 19, overlapping: [] });
		await openRound(database.db, await org.actor(org.people.admin), round.id);
		const [{ n }] = await database.db.select({ n: count() }).from(roundMembers).where(eq(roundMembers.roundId, round.id));
		expect(n).toBe(19);
	});

	it('the preview is for administrators only: to others the round does not exist', async () => {
		const round = await draft([org.units.f2.id], 'Bara admin');
		for (const p of [org.people.managerE1, org.people.central, org.people.g1[0]]) {
			expect((await errorOf(openingPreview(database.db, await org.actor(p), round.id)))?.kind).toBe('not_found');
		}
	});

	it('opening while another open round asks the same people is refused, naming that round; nothing changes', async () => {
		const admin = await org.actor(org.people.admin);
		const second = await draft([org.units.f.id, org.units.f2.id], 'Andra');
		expect(await overlappingOpenRounds(database.db, second.id)).toEqual([{ id: expect.any(String), name: 'Räknas', units: ['Norrviks förvaltning'] }]);
		for (const input of [{}, { allowOverlap: false }, { allowOverlap: 'nej' }]) {
			const refused = await errorOf(openRound(database.db, admin, second.id, input));
			expect(refused?.kind).toBe('conflict');
			expect(refused?.message).toMatch(/^Mätomgången ”Räknas” \(Norrviks förvaltning\) är redan öppen för samma personer\. Stäng den först, eller kryssa i ”Tillåt samtidig mätomgång”/);
		}
		expect(await statusOf(second.id)).toBe('draft');
		const [{ n }] = await database.db.select({ n: count() }).from(roundMembers).where(eq(roundMembers.roundId, second.id));
		expect(n).toBe(0);
	});

	it('a round with no förvaltning in common opens; with allowOverlap the overlapping one opens too, and the log says so', async () => {
		const admin = await org.actor(org.people.admin);
		const separate = await draft([org.units.f2.id], 'Söderås ensam');
		await openRound(database.db, admin, separate.id);
		expect(await statusOf(separate.id)).toBe('open');

		const both = await draft([org.units.f.id, org.units.f2.id], 'Båda');
		const refused = await errorOf(openRound(database.db, admin, both.id));
		expect(refused?.message).toMatch(/^Mätomgångarna ”Räknas” \(Norrviks förvaltning\) och ”Söderås ensam” \(Söderås förvaltning\) är redan öppna/);
		await openRound(database.db, admin, both.id, { allowOverlap: 'ja' });
		expect(await statusOf(both.id)).toBe('open');
		const [entry] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'round.open'), eq(auditLog.subjectId, both.id)));
		expect(entry.detail).toEqual({ allowOverlap: true });
	});

	it('closed rounds and drafts do not count as overlapping', async () => {
		const admin = await org.actor(org.people.admin);
		for (const r of await database.db.select().from(rounds).where(eq(rounds.status, 'open'))) await closeRound(database.db, admin, r.id);
		await insertRound(database.db, { status: 'draft', unitIds: [org.units.f.id] });
		const next = await draft([org.units.f.id], 'Nästa');
		expect(await overlappingOpenRounds(database.db, next.id)).toEqual([]);
		await openRound(database.db, admin, next.id);
		expect(await statusOf(next.id)).toBe('open');
	});
});
