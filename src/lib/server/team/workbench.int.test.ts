/** The nearest manager's workbench: each person's change and trend, and who may need support. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { setSetting } from '../settings';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { SUPPORT_THRESHOLDS_KEY } from './support-signal';
import { teamContext, teamView } from './service';

describe(`the team workbench (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let firstId: string;
	let secondId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const first = await insertRound(database.db, { status: 'closed', name: 'T2 2025', opensAt: new Date('2025-08-20'), unitIds: [org.units.f.id, org.units.f2.id] });
		const second = await insertRound(database.db, { status: 'closed', name: 'VB 2025', opensAt: new Date('2025-11-20'), unitIds: [org.units.f.id, org.units.f2.id] });
		firstId = first.id;
		secondId = second.id;
		const [anna, bo, cia, ...rest] = org.people.e2;
		// Anna drops from 5 to 2; Bo stays at 4 but has many cases; Cia answered T2 in another
		// förvaltning (Enhet 4), which her new manager must not read.
		await insertResponse(database.db, { roundId: firstId, personId: anna.id, situationScore: 5, qualityScore: 5, recommendScore: 5, caseCount: 20 });
		await insertResponse(database.db, { roundId: secondId, personId: anna.id, situationScore: 2, qualityScore: 4, recommendScore: 4, caseCount: 20 });
		await insertResponse(database.db, { roundId: firstId, personId: bo.id, situationScore: 4, qualityScore: 4, recommendScore: 4, caseCount: 40 });
		await insertResponse(database.db, { roundId: secondId, personId: bo.id, situationScore: 4, qualityScore: 4, recommendScore: 4, caseCount: 60 });
		await insertResponse(database.db, { roundId: firstId, personId: cia.id, orgUnitId: org.units.e4.id, situationScore: 6, qualityScore: 6, recommendScore: 6, caseCount: 10 });
		await insertResponse(database.db, { roundId: secondId, personId: cia.id, situationScore: 4, qualityScore: 4, recommendScore: 4, caseCount: 20 });
		for (const p of rest) await insertResponse(database.db, { roundId: secondId, personId: p.id, situationScore: 4, qualityScore: 4, recommendScore: 4, caseCount: 20 });
	});
	afterAll(() => database.close());

	const member = async (roundId: string, name: string) => (await teamView(database.db, await org.actor(org.people.managerE2), roundId)).members.find((m) => m.name === name)!;

	it('gives each person the change since their previous answer and their trend, oldest first', async () => {
		const anna = await member(secondId, 'E2 person 1');
		expect(anna.change).toEqual({ situation: -3, quality: -1, recommend: -1 });
		expect(anna.changeSince).toBe('T2 2025');
		expect(anna.trend.map((t) => [t.roundName, t.situation])).toEqual([
			['T2 2025', 5],
			['VB 2025', 2]
		]);
		// In the first round there is nothing to compare with.
		expect((await member(firstId, 'E2 person 1')).change).toBeNull();
	});

	it('flags who may need support: low answers, a drop, many cases', async () => {
		const view = await teamView(database.db, await org.actor(org.people.managerE2), secondId);
		const reasons = Object.fromEntries(view.members.map((m) => [m.name, m.support]));
		expect(reasons['E2 person 1']).toEqual(['low', 'drop']);
		expect(reasons['E2 person 2']).toEqual(['cases']);
		expect(reasons['E2 person 4']).toEqual([]);
		expect(view.summary.needSupport).toBe(2);
	});

	it('never shows an earlier answer given in a unit the manager does not manage', async () => {
		const cia = await member(secondId, 'E2 person 3');
		expect(cia.trend.map((t) => t.roundName)).toEqual(['VB 2025']);
		expect(cia.change).toBeNull();
		expect(cia.support).toEqual([]);
	});

	it('takes the kommun’s thresholds from the settings', async () => {
		await setSetting(database.db, SUPPORT_THRESHOLDS_KEY, { lowScore: 4 });
		try {
			expect((await member(secondId, 'E2 person 4')).support).toEqual(['low']);
		} finally {
			await setSetting(database.db, SUPPORT_THRESHOLDS_KEY, {});
		}
	});

	it('sets the team beside its enhet and every unit above, through the anonymity rule; nothing for an open round', async () => {
		const manager = await org.actor(org.people.managerE2);
		const view = await teamView(database.db, manager, secondId);
		const context = (await teamContext(database.db, manager, view.round, view.members))!;
		expect(context.team.answered).toBe(7);
		expect(context.team.situation).toBeCloseTo(view.members.reduce((n, m) => n + m.situationScore!, 0) / 7);
		expect(context.groups.map((g) => g.unit.name)).toEqual(['Enhet 2', 'Avdelningen för barn och unga', 'Norrviks förvaltning', 'Testkommun']);
		for (const g of context.groups) {
			if (g.cell.shown) expect(g.cell.figures.respondents).toBeGreaterThanOrEqual(5);
			else expect(g.cell.reasonText).toMatch(/\w/);
		}
		expect(context.groups[3].cell.shown).toBe(true);
		const open = await insertRound(database.db, { status: 'open', name: 'T1 2026', unitIds: [org.units.f.id] });
		const openView = await teamView(database.db, manager, open.id);
		expect(await teamContext(database.db, manager, openView.round, openView.members)).toBeNull();
	});

	it('is not there for anyone but the nearest manager', async () => {
		const refused = await teamView(database.db, await org.actor(org.people.departmentA), secondId).catch((e) => e);
		expect(refused).toBeInstanceOf(DomainError);
		expect(refused.kind).toBe('not_found');
	});
});
