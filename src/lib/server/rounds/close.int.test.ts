/**
 * Closing a round has one implementation (issue 10): the administrator's close and the schedule's
 * both go through closeOpenRound, which checks the transition and writes the change and its audit
 * entry in one transaction, and closes a round once even when two try at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { auditLog, rounds } from '../db/schema';
import { insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { closeDueRounds } from '../jobs/tasks';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { SCHEDULED } from '../audit/audit';
import { closeOpenRound, closeRound } from './service';

const at = new Date('2027-03-01T10:00:00Z');

describe(`closing a round, one way (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	const closeEntries = async (roundId: string) =>
		database.db.select().from(auditLog).where(and(eq(auditLog.action, 'round.close'), eq(auditLog.subjectId, roundId)));

	it('an administrator closes an open round once; closing it again is refused in Swedish', async () => {
		const round = await insertRound(database.db, { status: 'open', unitIds: [org.units.f.id] });
		const admin = await org.actor(org.people.admin);
		expect(await closeRound(database.db, admin, round.id, at)).toMatchObject({ status: 'closed', closedAt: at });
		const again = await closeRound(database.db, admin, round.id, at).then(() => null, (e) => e);
		expect(again).toBeInstanceOf(DomainError);
		expect((again as DomainError).kind).toBe('conflict');
		expect(await closeEntries(round.id)).toHaveLength(1);
	});

	it('a draft cannot be closed, by anyone: the transition rule holds for the schedule too', async () => {
		const draft = await insertRound(database.db, { status: 'draft', unitIds: [org.units.f.id] });
		const refused = await closeOpenRound(database.db, draft, at, SCHEDULED).then(() => null, (e) => e);
		expect(refused).toBeInstanceOf(DomainError);
		const [still] = await database.db.select().from(rounds).where(eq(rounds.id, draft.id));
		expect(still.status).toBe('draft');
		expect(await closeEntries(draft.id)).toHaveLength(0);
	});

	it('two closing at once: one closes and audits, the other learns it was already closed', async () => {
		const round = await insertRound(database.db, { status: 'open', unitIds: [org.units.f.id] });
		const results = await Promise.all([closeOpenRound(database.db, round, at, SCHEDULED), closeOpenRound(database.db, round, at, SCHEDULED)]);
		expect(results.filter((r) => r !== null)).toHaveLength(1);
		expect(await closeEntries(round.id)).toHaveLength(1);
	});

	it('the schedule closes what is due through the same function, audited as the schedule', async () => {
		const due = await insertRound(database.db, { status: 'open', unitIds: [org.units.f.id], opensAt: new Date('2027-02-01T07:00:00Z'), closesAt: new Date('2027-02-28T22:00:00Z') });
		expect(await closeDueRounds(database.db, at)).toContain(due.id);
		const [entry] = await closeEntries(due.id);
		expect(entry).toMatchObject({ actorId: null, detail: { by: 'schedule' } });
		expect(await closeDueRounds(database.db, at)).not.toContain(due.id);
	});
});
