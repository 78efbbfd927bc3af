/**
 * Följeforskning: the researcher reads the motivations above the unit level exactly as the report
 * discloses them (groups of at least 10), codes them with codes of their own, and exports them;
 * nobody else reads the page, and one researcher never sees another's codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { assignRole, insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import type { Actor } from '../access/actor';
import { createCode, researchTable, researchView, setTextCodes } from './service';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const fieldsOf = (p: Promise<unknown>) => p.then(() => ({}), (e) => (e instanceof DomainError ? e.fieldErrors : {}));

describe(`följeforskning (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let researcher: Actor;
	let other: Actor;
	let roundId: string;
	let soderasId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const round = await insertRound(database.db, { status: 'closed', name: 'T2 2026', opensAt: new Date('2026-09-01T06:00:00Z'), closesAt: new Date('2026-09-20T20:00:00Z'), unitIds: [org.units.f.id] });
		roundId = round.id;
		// Norrvik was asked (19 answered); Söderås in a round of its own (6 answered).
		const everyone = [...org.people.e1Direct, ...org.people.g1, ...org.people.e2, ...org.people.e3];
		for (const [i, p] of everyone.entries()) {
			await insertResponse(database.db, { roundId, personId: p.id, situationScore: (i % 6) + 1, situationComment: `Motivering ${String(i).padStart(2, '0')} om ärendemängden` });
		}
		const soderas = await insertRound(database.db, { status: 'closed', name: 'T2 2026 Söderås', opensAt: new Date('2026-09-02T06:00:00Z'), closesAt: new Date('2026-09-20T20:00:00Z'), unitIds: [org.units.f2.id] });
		for (const p of org.people.e4) await insertResponse(database.db, { roundId: soderas.id, personId: p.id, situationComment: 'En text från Söderås' });
		soderasId = soderas.id;
		await assignRole(database.db, { personId: org.people.e4[0].id, orgUnitId: org.units.f.id, role: 'researcher' });
		await assignRole(database.db, { personId: org.people.e4[1].id, orgUnitId: org.units.kommun.id, role: 'researcher' });
		researcher = await org.actor(org.people.e4[0]);
		other = await org.actor(org.people.e4[1]);
	});
	afterAll(() => database.close());

	it('reads the förvaltning’s and the avdelning’s motivations as the report shows them, never an enhet’s', async () => {
		const view = await researchView(database.db, researcher, { round: roundId });
		expect(view.units.map((u) => u.name)).toEqual(['Norrviks förvaltning', 'Avdelningen för barn och unga']);
		expect(view.unit.name).toBe('Norrviks förvaltning');
		expect(view.texts).toHaveLength(19);
		expect(view.texts?.[0].text).toBe('Motivering 00 om ärendemängden');
		expect(await kindOf(researchView(database.db, researcher, { unit: org.units.e2.id }))).toBe('not_found');
		expect(await kindOf(researchView(database.db, researcher, { unit: org.units.f2.id }))).toBe('not_found');
		// Söderås' avdelning has six respondents: its texts are not shown, and the page says why.
		const small = await researchView(database.db, other, { unit: org.units.a2.id, round: soderasId });
		expect(small.texts).toBeNull();
		expect(small.hiddenReason).toMatch(/10/);
	});

	it('codes a text with the researcher’s own codes; another researcher sees none of them', async () => {
		const code = await createCode(database.db, researcher, { name: 'Arbetsbelastning' });
		expect(await kindOf(createCode(database.db, researcher, { name: 'arbetsbelastning' }))).toBe('conflict');
		expect(await fieldsOf(createCode(database.db, researcher, { name: ' ' }))).toEqual({ name: 'Skriv kodens namn.' });
		const before = await researchView(database.db, researcher, { round: roundId });
		const first = before.texts![0];
		await setTextCodes(database.db, researcher, { roundId, statement: 'situation', textHash: first.hash, codeIds: [code.id] });
		const after = await researchView(database.db, researcher, { round: roundId });
		expect(after.texts![0].codeIds).toEqual([code.id]);
		expect(after.texts!.slice(1).every((t) => t.codeIds.length === 0)).toBe(true);

		const theirs = await researchView(database.db, other, { unit: org.units.f.id, round: roundId });
		expect(theirs.codes).toEqual([]);
		expect(theirs.texts!.every((t) => t.codeIds.length === 0)).toBe(true);
		expect(await fieldsOf(setTextCodes(database.db, other, { roundId, statement: 'situation', textHash: first.hash, codeIds: [code.id] }))).toEqual({
			codeIds: 'En vald kod finns inte. Ladda om sidan och välj igen.'
		});

		// Unticking every code removes the coding.
		await setTextCodes(database.db, researcher, { roundId, statement: 'situation', textHash: first.hash, codeIds: [] });
		expect((await researchView(database.db, researcher, { round: roundId })).texts![0].codeIds).toEqual([]);
		await setTextCodes(database.db, researcher, { roundId, statement: 'situation', textHash: first.hash, codeIds: [code.id] });
	});

	it('exports every question’s texts with the codes; nobody but a följeforskare reads or codes', async () => {
		const table = await researchTable(database.db, researcher, { round: roundId });
		expect(table.rows).toHaveLength(19);
		expect(table.rows.find((r) => r.text === 'Motivering 00 om ärendemängden')?.codes).toBe('Arbetsbelastning');
		expect(JSON.stringify(table)).not.toContain(org.people.e2[0].name);
		for (const who of [org.people.central, org.people.steeringF, org.people.admin, org.people.managerE2, org.people.e2[0]]) {
			const actor = await org.actor(who);
			expect(await kindOf(researchView(database.db, actor, {}))).toBe('not_found');
			expect(await kindOf(createCode(database.db, actor, { name: 'X' }))).toBe('not_found');
			expect(await kindOf(researchTable(database.db, actor, {}))).toBe('not_found');
		}
	});
});
