/**
 * Retention of named answers: after it runs, the reports of every round — the retained ones and
 * the kept ones — show exactly the same figures and the same hidden cells as before, while the
 * old answers can no longer be tied to anyone. The data is built so that the anonymity rule 3
 * ("changed slightly since an earlier round") fires both among the old rounds and between an old
 * round and a kept one, which is what retention must not disturb.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { loadActor } from '../access/load-actor';
import { decideRoundsInOrder } from '../anonymity';
import type { Database } from '../db/client';
import { query } from '../db/client';
import { people, reminders, responses, retentionPseudonyms, roundMembers } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { assignRole, insertOrgUnit, insertPerson, insertResponse, insertRound, type PersonRow, type RoundRow } from '../demo/factories';
import { DomainError } from '../errors';
import { pathIds } from '../org/service';
import { buildReport } from '../reports/service';
import { currentRules } from '../reports/disclosure-store';
import { myHistory } from '../rounds/service';
import { teamView } from '../team/service';
import { dueRounds, retentionStatus, runRetention } from './retention';

const NOW = new Date('2026-11-25T12:00:00Z');
const YEARS = 5; // rounds that closed before 25 November 2021 are retained

describe(`retention of named answers (${testBackend})`, () => {
	let database: Database;
	let admin: Actor;
	let central: Actor;
	let manager: Actor;
	let staff: Record<'e1' | 'e2' | 'e3', PersonRow[]>;
	let unitIds: { a: string; e1: string; e2: string; e3: string };
	const r: Record<'r1' | 'r2' | 'r3', RoundRow> = {} as never;

	/** Everything the reports show of every closed round, for units, filters and trends. */
	async function everyReport() {
		const out: unknown[] = [];
		for (const round of Object.values(r)) {
			for (const unit of [unitIds.a, unitIds.e1, unitIds.e2]) {
				for (const filter of [{}, { title: 'socialsekreterare' }, { area: 'barn_och_unga' }]) {
					const report = await buildReport(database.db, central, { round: round.id, unit, ...filter });
					out.push({ round: round.name, unit, filter, rows: report.rows, trend: report.trend });
				}
			}
		}
		return out;
	}

	beforeAll(async () => {
		database = await createTestDatabase();
		const db = database.db;
		const kommun = await insertOrgUnit(db, { parent: null, kind: 'kommun', name: 'Gallringskommun' });
		const f = await insertOrgUnit(db, { parent: kommun, kind: 'forvaltning', name: 'Förvaltningen' });
		const a = await insertOrgUnit(db, { parent: f, kind: 'avdelning', name: 'Avdelningen' });
		const e1 = await insertOrgUnit(db, { parent: a, kind: 'enhet', name: 'Enhet 1' });
		const e2 = await insertOrgUnit(db, { parent: a, kind: 'enhet', name: 'Enhet 2' });
		const e3 = await insertOrgUnit(db, { parent: a, kind: 'enhet', name: 'Enhet 3' });
		unitIds = { a: a.id, e1: e1.id, e2: e2.id, e3: e3.id };
		const hire = async (unitId: string, n: number, prefix: string, title: 'socialsekreterare' | 'bistandshandlaggare' = 'socialsekreterare') => {
			const list: PersonRow[] = [];
			for (let i = 1; i <= n; i++) list.push(await insertPerson(db, { orgUnitId: unitId, name: `${prefix} ${i}`, employeeId: `${prefix}-${i}`, title: i % 3 === 0 ? 'bistandshandlaggare' : title }));
			return list;
		};
		staff = { e1: await hire(e1.id, 12, 'E1'), e2: await hire(e2.id, 10, 'E2'), e3: await hire(e3.id, 8, 'E3') };
		const boss = await insertPerson(db, { orgUnitId: e1.id, name: 'Chef E1', title: 'chef' });
		await assignRole(db, { personId: boss.id, orgUnitId: e1.id, role: 'unit_manager' });
		const adminPerson = await insertPerson(db, { orgUnitId: f.id, name: 'Admin', title: 'ovrig' });
		await assignRole(db, { personId: adminPerson.id, orgUnitId: kommun.id, role: 'admin' });
		await assignRole(db, { personId: adminPerson.id, orgUnitId: kommun.id, role: 'central_steering' });
		admin = (await loadActor(db, adminPerson.id, null))!;
		central = admin;
		manager = (await loadActor(db, boss.id, null))!;

		const round = (name: string, closes: string) => insertRound(db, { name, status: 'closed', opensAt: new Date(new Date(closes).getTime() - 14 * 86_400_000), closesAt: new Date(closes), unitIds: [f.id], snapshotMembers: false });
		const answer = async (round: RoundRow, who: PersonRow[], seed: number) => {
			for (const [i, p] of who.entries()) {
				await insertResponse(db, { roundId: round.id, personId: p.id, situationScore: ((i + seed) % 6) + 1, qualityScore: ((i * 2 + seed) % 6) + 1, recommendScore: ((i * 5 + seed) % 6) + 1, caseCount: 10 + ((i * 7 + seed) % 20), situationComment: `Motivering ${seed}-${i}`, positiveText: `Bra ${seed}-${i}` });
			}
		};
		// R1 and R2 are old; R2's Enhet 1 is R1's plus one person (rule 3 within the old rounds).
		r.r1 = await round('T2 2018', '2018-09-30');
		await answer(r.r1, staff.e1.slice(0, 10), 1);
		await answer(r.r1, staff.e2, 2);
		await answer(r.r1, staff.e3.slice(0, 6), 3);
		r.r2 = await round('T2 2019', '2019-09-30');
		await answer(r.r2, staff.e1.slice(0, 11), 4);
		await answer(r.r2, staff.e2, 5);
		await answer(r.r2, staff.e3.slice(0, 6), 6);
		// R3 is kept; its Enhet 1 is R2's plus one, its Enhet 2 R2's minus one (rule 3 across the boundary).
		r.r3 = await round('T2 2024', '2024-09-30');
		await answer(r.r3, staff.e1, 7);
		await answer(r.r3, staff.e2.slice(0, 9), 8);
		await answer(r.r3, staff.e3, 9);
		await database.db.insert(reminders).values({ roundId: r.r1.id, personId: staff.e1[10].id, channel: 'page' });
	});
	afterAll(() => database.close());

	it('says which rounds are due', async () => {
		expect((await dueRounds(database.db, NOW, YEARS)).map((x) => x.name)).toEqual(['T2 2018', 'T2 2019']);
		expect(await dueRounds(database.db, NOW, undefined), 'no setting, no retention').toEqual([]);
	});

	it('the test data does exercise rule 3 in the old rounds and across the boundary', async () => {
		const before = await buildReport(database.db, central, { round: r.r2.id, unit: unitIds.a });
		expect(before.rows.find((x) => x.unit.id === unitIds.e1)!.cell).toMatchObject({ shown: false, reason: 'changed_since_earlier_round' });
		const kept = await buildReport(database.db, central, { round: r.r3.id, unit: unitIds.a });
		expect(kept.rows.find((x) => x.unit.id === unitIds.e1)!.cell).toMatchObject({ shown: false, reason: 'changed_since_earlier_round' });
		expect(kept.rows.find((x) => x.unit.id === unitIds.e2)!.cell).toMatchObject({ shown: false, reason: 'changed_since_earlier_round' });
	});

	it('every report of every round shows the same figures and the same hidden cells after retention', async () => {
		const teamBefore = await teamView(database.db, manager, r.r1.id);
		expect(teamBefore.members.length).toBe(10);
		const historyBefore = await myHistory(database.db, (await loadActor(database.db, staff.e1[0].id, null))!);
		expect(historyBefore.map((h) => h.round.name)).toEqual(['T2 2018', 'T2 2019', 'T2 2024']);
		const before = await everyReport();

		const result = await runRetention(database.db, { ...admin, ip: '10.0.0.1' }, NOW, YEARS);
		expect(result.rounds.map((x) => x.name)).toEqual(['T2 2018', 'T2 2019']);
		expect(result.pseudonymised).toBe(26 + 27);

		const after = await everyReport();
		expect(after).toEqual(before);
	});

	it('the old answers are tied to no one: not in anyone’s history, not in the manager’s view, no free text, no reminders', async () => {
		const db = database.db;
		const real = [...staff.e1, ...staff.e2, ...staff.e3].map((p) => p.id);
		const old = [r.r1.id, r.r2.id];
		expect(await db.select().from(responses).where(inArray(responses.personId, real)).then((rows) => rows.filter((x) => old.includes(x.roundId)))).toEqual([]);
		expect(await db.select().from(roundMembers).where(inArray(roundMembers.personId, real)).then((rows) => rows.filter((x) => old.includes(x.roundId)))).toEqual([]);
		const [texts] = await query<{ n: number }>(db, sql`select count(*)::int as n from responses where round_id in (${r.r1.id}::uuid, ${r.r2.id}::uuid) and (situation_comment is not null or positive_text is not null)`);
		expect(texts.n).toBe(0);
		expect(await db.select().from(reminders).where(eq(reminders.roundId, r.r1.id))).toEqual([]);
		// One stand-in per member and round: nothing ties a person's answers in two rounds together.
		const [stand] = await query<{ people: number; distinct: number }>(db, sql`select count(*)::int as people, count(distinct person_id)::int as distinct from responses where round_id in (${r.r1.id}::uuid, ${r.r2.id}::uuid)`);
		expect(stand.people).toBe(stand.distinct);
		const standIns = await db.select().from(people).innerJoin(retentionPseudonyms, eq(retentionPseudonyms.personId, people.id));
		expect(standIns.every(({ people: p }) => !p.active && p.employeeId === null && p.name === 'Gallrad uppgift' && p.passwordHash === null)).toBe(true);

		expect((await teamView(db, manager, r.r1.id)).members).toEqual([]);
		expect((await teamView(db, manager, r.r3.id)).members.length).toBe(12);
		const history = await myHistory(db, (await loadActor(db, staff.e1[0].id, null))!);
		expect(history.map((h) => h.round.name)).toEqual(['T2 2024']);
		const report = await buildReport(db, central, { round: r.r1.id, unit: unitIds.a });
		expect(report.texts?.shown ? Object.values(report.texts.texts).flat() : []).toEqual([]);
	});

	it('without the frozen rule-3 cells the decisions would have changed: that is why they are kept', async () => {
		const db = database.db;
		const units = new Map((await query<{ id: string; path: string }>(db, sql`select id, path from org_units`)).map((u) => [u.id, pathIds(u.path)]));
		const persons = (await db.select({ id: people.id }).from(people)).map((p) => p.id);
		const decider = decideRoundsInOrder(persons, currentRules());
		const shownNow: boolean[] = [];
		for (const round of [r.r1, r.r2, r.r3]) {
			const rows = await query<{ personId: string; unitId: string; activityArea: 'barn_och_unga'; title: 'socialsekreterare' }>(db, sql`select person_id as "personId", org_unit_id as "unitId", activity_area as "activityArea", title from responses where round_id = ${round.id}`);
			const entries = decider.decide({ roundId: round.id, respondents: rows.map((x) => ({ personId: x.personId, unitPath: units.get(x.unitId)!, activityArea: x.activityArea, title: x.title })) });
			shownNow.push(entries.find((e) => e.unitId === unitIds.e1 && e.area === null && e.title === null)!.shown);
		}
		expect(shownNow, 'Enhet 1 in T2 2019 and T2 2024 would be shown if nothing were frozen').toEqual([true, true, true]);
	});

	it('is done once: a second run finds nothing due; the page shows what was done', async () => {
		expect(await runRetention(database.db, admin, NOW, YEARS)).toEqual({ rounds: [], pseudonymised: 0 });
		const status = await retentionStatus(database.db, admin, NOW);
		expect(status.done.map((d) => d.name)).toEqual(['T2 2018', 'T2 2019']);
	});

	it('only administrators may run it', async () => {
		await expect(runRetention(database.db, manager, NOW, YEARS)).rejects.toBeInstanceOf(DomainError);
		await expect(retentionStatus(database.db, manager, NOW)).rejects.toMatchObject({ kind: 'not_found' });
	});
});
