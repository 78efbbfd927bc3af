/** The team page opens on the latest round with answers from the manager's own staff, not the newest empty one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { defaultTeamRoundId } from './service';

const DAY = 86_400_000;
const T0 = new Date('2026-03-01T08:00:00Z');

describe(`the team page's default round (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let answeredByE1: string;
	let answeredByE2: string;

	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const older = await insertRound(database.db, { status: 'closed', name: 'T2 2025', opensAt: new Date(T0.getTime() - 200 * DAY), unitIds: [org.units.f.id] });
		await insertResponse(database.db, { roundId: older.id, personId: org.people.g1[0].id });
		await insertResponse(database.db, { roundId: older.id, personId: org.people.e2[0].id });
		const middle = await insertRound(database.db, { status: 'open', name: 'VB 2025', opensAt: new Date(T0.getTime() - 20 * DAY), unitIds: [org.units.f.id] });
		await insertResponse(database.db, { roundId: middle.id, personId: org.people.e2[1].id }); // Enhet 2 only
		// The newest: open, nobody has answered yet.
		await insertRound(database.db, { status: 'open', name: 'Extra 2026', kind: 'custom', opensAt: T0, unitIds: [org.units.f.id] });
		await insertRound(database.db, { status: 'draft', name: 'Utkast', opensAt: new Date(T0.getTime() + 30 * DAY), unitIds: [org.units.f.id] });
		answeredByE1 = older.id;
		answeredByE2 = middle.id;
	});
	afterAll(() => database.close());

	it('is the latest round in which the manager’s own staff answered', async () => {
		expect(await defaultTeamRoundId(database.db, await org.actor(org.people.managerE1))).toBe(answeredByE1);
		expect(await defaultTeamRoundId(database.db, await org.actor(org.people.deputyG1))).toBe(answeredByE1);
		expect(await defaultTeamRoundId(database.db, await org.actor(org.people.managerE2))).toBe(answeredByE2);
	});

	it('is none when the staff never answered, and for someone who is nobody’s nearest manager', async () => {
		expect(await defaultTeamRoundId(database.db, await org.actor(org.people.managerE4))).toBeNull();
		for (const p of [org.people.departmentA, org.people.admin, org.people.g1[0]]) expect(await defaultTeamRoundId(database.db, await org.actor(p))).toBeNull();
	});
});
