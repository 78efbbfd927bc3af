/**
 * The unit's goals and checklists (issue 14, part 1) on the database: the enhetschef keeps goals
 * and items, social workers fill in checklists (and are refused what may not be stored), the
 * compilation for the enhet's own staff, for its nearest managers (per person, audited) and above
 * the enhet only through the anonymity module, and the goals linked to a delmål.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { auditLog, checklistItems, cityPlanAreas, cityPlanSubgoals, unitGoals } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import type { PersonRow } from '../demo/factories';
import { refusal } from '../testing/refusal';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { addGoal, addItem, archiveItem, checklistForm, compilation, deleteChecklist, fillChecklist, goalSettings, linkedGoalResults, moveItem, myChecklists, updateChecklist, updateGoal } from './service';

/** Thursday 3 December 2026, noon in Stockholm: tertial 3 is running, tertial 2 is over. */
const NOW = new Date('2026-12-03T11:00:00Z');
const at = (d: string) => new Date(`${d}T11:00:00Z`);

describe(`unit goals and checklists (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let sip: string;
	let mapping: string;
	let feedback: string;
	let subgoalId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const [area] = await database.db.select().from(cityPlanAreas).limit(1);
		const [subgoal] = await database.db
			.insert(cityPlanSubgoals)
			.values({ forvaltningId: org.units.f.id, areaId: area.id, title: 'Fler barn får en SIP', targetDate: '2027-12-31' })
			.returning();
		subgoalId = subgoal.id;
	});
	afterAll(() => database.close());

	const fill = async (who: PersonRow, closedOn: string, answers: Record<string, string>, clientGender = 'flicka') =>
		fillChecklist(database.db, await org.actor(who), { closedOn, clientGender, ageBand: '7-12', answers }, at(closedOn));

	it('lets the enhetschef keep the goals and the checklist, refusing bad input and everyone else', async () => {
		const chef = await org.actor(org.people.managerE1);
		const goal = await addGoal(database.db, chef, org.units.e1.id, { title: 'Barn som behöver samordnade insatser har en SIP', expectedShare: '80', subgoalId }, NOW);
		sip = (await addItem(database.db, chef, org.units.e1.id, { question: 'Har en SIP upprättats där det fanns behov?', goalId: goal.id }, NOW)).id;
		const method = await addGoal(database.db, chef, org.units.e1.id, { title: 'Barnets röst hörs i utredningen', expectedShare: '90' }, NOW);
		mapping = (await addItem(database.db, chef, org.units.e1.id, { question: 'Har du använt mappning under utredningen?', goalId: method.id }, NOW)).id;
		feedback = (await addItem(database.db, chef, org.units.e1.id, { question: 'Har du muntligt återkopplat utredningen till barnet?', goalId: method.id }, NOW)).id;

		expect((await refusal(addGoal(database.db, chef, org.units.e1.id, { title: 'Mål', expectedShare: '120' }))).fieldErrors).toEqual({ expectedShare: 'Skriv förväntat resultat som en andel i procent, 0–100.' });
		expect((await refusal(addItem(database.db, chef, org.units.e1.id, { question: 'Gäller 120304-1234?' }))).fieldErrors).toEqual({ question: 'Skriv inga personnummer eller andra uppgifter om klienter.' });
		expect((await refusal(addItem(database.db, chef, org.units.e1.id, { question: 'Fråga', goalId: '00000000-0000-4000-8000-000000000000' }))).fieldErrors).toEqual({ goalId: 'Välj ett mål i listan.' });
		// Another enhet's chef, the biträdande enhetschef, the avdelningschef and staff: no such page or goal.
		for (const who of [org.people.managerE2, org.people.deputyG1, org.people.departmentA, org.people.g1[0]]) {
			expect((await refusal(addGoal(database.db, await org.actor(who), org.units.e1.id, { title: 'Mål', expectedShare: '50' }))).kind).toBe('not_found');
		}
		expect((await refusal(updateGoal(database.db, await org.actor(org.people.managerE2), goal.id, { title: 'Ändrat', expectedShare: '10' }))).kind).toBe('not_found');
		// A delmål of another förvaltning's plan cannot be linked.
		const settings = await goalSettings(database.db, chef);
		expect(settings.goals.map((g) => g.title)).toEqual(['Barn som behöver samordnade insatser har en SIP', 'Barnets röst hörs i utredningen']);
		expect(settings.subgoals.map((s) => s.id)).toEqual([subgoalId]);
		const audited = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'unit_goal.add'), eq(auditLog.subjectId, org.units.e1.id)));
		expect(audited).toHaveLength(2);
	});

	it('lets the enhetschef put the questions in the order the checklist asks them, and nobody else', async () => {
		const chef = await org.actor(org.people.managerE2);
		const ids: string[] = [];
		for (const question of ['Fråga A?', 'Fråga B?', 'Fråga C?']) ids.push((await addItem(database.db, chef, org.units.e2.id, { question }, NOW)).id);
		const order = async () => (await goalSettings(database.db, chef)).items.map((i) => i.question);
		await moveItem(database.db, chef, ids[2], { direction: 'up' });
		expect(await order()).toEqual(['Fråga A?', 'Fråga C?', 'Fråga B?']);
		await moveItem(database.db, chef, ids[0], { direction: 'down' });
		expect(await order()).toEqual(['Fråga C?', 'Fråga A?', 'Fråga B?']);
		// At either end nothing moves; the social worker's form asks in the same order.
		await moveItem(database.db, chef, ids[2], { direction: 'up' });
		expect(await order()).toEqual(['Fråga C?', 'Fråga A?', 'Fråga B?']);
		expect((await checklistForm(database.db, await org.actor(org.people.e2[0]))).items.map((i) => i.question)).toEqual(['Fråga C?', 'Fråga A?', 'Fråga B?']);

		expect((await refusal(moveItem(database.db, chef, ids[0], { direction: 'sideways' }))).fieldErrors).toEqual({ direction: 'Välj att flytta frågan upp eller ned.' });
		for (const who of [org.people.managerE1, org.people.departmentA, org.people.e2[0]]) {
			expect((await refusal(moveItem(database.db, await org.actor(who), ids[0], { direction: 'up' }))).kind).toBe('not_found');
		}
		await archiveItem(database.db, chef, ids[1], NOW);
		expect((await refusal(moveItem(database.db, chef, ids[1], { direction: 'up' }))).kind).toBe('not_found');
		const audited = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'checklist_item.move'), eq(auditLog.subjectId, org.units.e2.id)));
		expect(audited).toHaveLength(3);
	});

	it('takes a checklist at a closed investigation, and refuses what may not be stored', async () => {
		const me = org.people.g1[0];
		const form = await checklistForm(database.db, await org.actor(me));
		expect(form.enhet.name).toBe('Enhet 1');
		expect(form.items.map((i) => i.id)).toEqual([sip, mapping, feedback]);
		const saved = await fill(me, '2026-11-20', { [sip]: 'ja', [mapping]: 'nej', [feedback]: 'ej_aktuellt' });
		const refused = await refusal(fill(me, '2026-11-20', { [sip]: 'ja', [mapping]: 'kanske' }));
		expect(refused.fieldErrors).toEqual({ [`answers.${mapping}`]: 'Svara ja, nej eller ej aktuellt.', [`answers.${feedback}`]: 'Svara ja, nej eller ej aktuellt.' });
		const missing = await refusal(fillChecklist(database.db, await org.actor(me), { closedOn: '2026-12-04', clientGender: 'pojke', ageBand: '7-12', answers: { [sip]: 'ja' } }, NOW));
		expect(missing.fieldErrors).toEqual({
			closedOn: 'Datumet kan inte vara senare än i dag. Fyll i checklistan när utredningen är avslutad.',
			[`answers.${mapping}`]: 'Svara ja, nej eller ej aktuellt.',
			[`answers.${feedback}`]: 'Svara ja, nej eller ej aktuellt.'
		});
		expect((await refusal(fillChecklist(database.db, await org.actor(me), { closedOn: '2026-11-20', clientGender: 'kvinna', ageBand: '7-12', answers: {} }, NOW))).fieldErrors).toMatchObject({
			clientGender: 'Välj barnets eller klientens kön.'
		});
		// Managers carry no cases: no checklist.
		expect((await refusal(checklistForm(database.db, await org.actor(org.people.managerE1)))).kind).toBe('not_found');

		await updateChecklist(database.db, await org.actor(me), saved.id, { closedOn: '2026-11-21', clientGender: 'pojke', ageBand: '13-17', answers: { [sip]: 'nej', [mapping]: 'ja', [feedback]: 'ja' } }, NOW);
		expect(await myChecklists(database.db, await org.actor(me))).toEqual([{ id: saved.id, closedOn: '2026-11-21', clientGender: 'pojke', ageBand: '13-17', answers: { [sip]: 'nej', [mapping]: 'ja', [feedback]: 'ja' } }]);
		// Someone else's checklist is not theirs to change or remove.
		expect((await refusal(deleteChecklist(database.db, await org.actor(org.people.g1[1]), saved.id))).kind).toBe('not_found');
		await deleteChecklist(database.db, await org.actor(me), saved.id);
		expect(await myChecklists(database.db, await org.actor(me))).toEqual([]);
	});

	it('compiles per group and enhet: staff see their own, the nearest manager also per person (audited), above only closed tertials through the anonymity module', async () => {
		// Tertial 2 2026: the six of Grupp 1 and the three directly in Enhet 1 each close two investigations.
		for (const [i, p] of org.people.g1.entries()) {
			await fill(p, '2026-06-10', { [sip]: 'ja', [mapping]: i < 3 ? 'ja' : 'nej', [feedback]: 'ja' }, 'flicka');
			await fill(p, '2026-07-10', { [sip]: i === 0 ? 'nej' : 'ja', [mapping]: 'ja', [feedback]: 'ej_aktuellt' }, 'pojke');
		}
		for (const p of org.people.e1Direct) await fill(p, '2026-06-15', { [sip]: 'ja', [mapping]: 'nej', [feedback]: 'nej' }, 'annat');
		// Tertial 3 (still running): one more.
		await fill(org.people.g1[0], '2026-11-02', { [sip]: 'ja', [mapping]: 'ja', [feedback]: 'ja' });

		const staffView = await compilation(database.db, await org.actor(org.people.g1[0]), { period: '2026-T2' }, NOW);
		expect(staffView.viewer).toBe('staff');
		expect(staffView.unit.name).toBe('Grupp 1');
		const g1 = staffView.rows[0].cell;
		if (!g1.shown) throw new Error('the group is shown to its own staff');
		expect(g1.figures.checklists).toBe(12);
		expect(g1.figures.items[sip]).toMatchObject({ ja: 11, nej: 1, ejAktuellt: 0 });
		expect(g1.figures.items[sip]?.share).toBeCloseTo(11 / 12);
		expect(g1.figures.items[mapping]?.byGender?.flicka).toEqual({ share: 0.5, answered: 6 });
		expect(staffView.people).toBeNull();
		// Staff see the enhet too, with their own group but no other.
		const enhetForStaff = await compilation(database.db, await org.actor(org.people.g1[0]), { unit: org.units.e1.id, period: '2026-T2' }, NOW);
		expect(enhetForStaff.rows.map((r) => r.unit.name)).toEqual(['Enhet 1', 'Grupp 1']);
		// …and the running tertial, and any period.
		const running = await compilation(database.db, await org.actor(org.people.g1[0]), { period: '2026-10-01..2026-12-03' }, NOW);
		expect(running.rows[0].cell.shown && running.rows[0].cell.figures.checklists).toBe(1);
		// Another enhet's staff see nothing of it.
		expect((await refusal(compilation(database.db, await org.actor(org.people.e2[0]), { unit: org.units.e1.id }, NOW))).kind).toBe('not_found');

		// The enhetschef: per person for their own staff, audited.
		const chefView = await compilation(database.db, await org.actor(org.people.managerE1), { unit: org.units.e1.id, period: '2026-T2' }, NOW);
		expect(chefView.viewer).toBe('manager');
		expect(chefView.people?.map((p) => p.name)).toHaveLength(9);
		expect(chefView.people?.find((p) => p.name === 'G1 person 1')?.items[sip]).toBe(0.5);
		const reads = await database.db.select().from(auditLog).where(eq(auditLog.action, 'read.named_checklists'));
		expect(reads.at(-1)).toMatchObject({ subjectId: org.units.e1.id, detail: { people: 9, period: '2026-T2' } });

		// Above the enhet: Enhet 1 (9) is shown; Grupp 1 (6) would leave the three others as a residual.
		const above = await compilation(database.db, await org.actor(org.people.departmentA), { unit: org.units.e1.id, period: '2026-T2' }, NOW);
		expect(above.viewer).toBe('above');
		expect(above.people).toBeNull();
		const [e1Cell, g1Cell] = above.rows.map((r) => r.cell);
		if (!e1Cell.shown) throw new Error('Enhet 1 has nine who filled in checklists');
		expect(e1Cell.n).toBe(9);
		expect(e1Cell.figures.items[sip]).toMatchObject({ ja: 14, nej: 1 });
		expect(g1Cell).toMatchObject({ shown: false, reason: 'protects_other_group' });
		// Only tertials and years that are over.
		expect((await refusal(compilation(database.db, await org.actor(org.people.departmentA), { unit: org.units.e1.id, period: '2026-T3' }, NOW))).fieldErrors).toEqual({ period: 'Välj ett avslutat tertial eller helår.' });
		expect(above.periods.map((p) => p.key)).toEqual(['2026-T2']);
		// Enhet 3 follows a goal, but only three fill in checklists: nothing (and no count).
		const [e3Goal] = await database.db.insert(unitGoals).values({ orgUnitId: org.units.e3.id, title: 'Dokumentation i tid', expectedShare: 90 }).returning();
		const [e3Item] = await database.db.insert(checklistItems).values({ orgUnitId: org.units.e3.id, goalId: e3Goal.id, question: 'Är utredningen klar inom fyra månader?' }).returning();
		for (const p of org.people.e3) await fill(p, '2026-03-01', { [e3Item.id]: 'ja' });
		const small = await compilation(database.db, await org.actor(org.people.departmentA), { unit: org.units.e3.id, period: '2026-T1' }, NOW);
		expect(small.rows[0].cell).toMatchObject({ shown: false, reason: 'too_few' });
		expect(small.rows[0].cell).not.toHaveProperty('n');
		expect(small.rows[0].cell).not.toHaveProperty('figures');
		// Enhet 2 follows no goals: not offered above it.
		expect(small.choices.map((u) => u.name)).toEqual(['Enhet 1', 'Grupp 1', 'Enhet 3']);
		expect((await refusal(compilation(database.db, await org.actor(org.people.departmentA), { unit: org.units.e2.id }, NOW))).kind).toBe('not_found');
		// Outside the avdelningschef's reach.
		expect((await refusal(compilation(database.db, await org.actor(org.people.departmentA), { unit: org.units.e4.id }, NOW))).kind).toBe('not_found');
	});

	it('withholds a figure above the enhet where everyone had the same share (the module’s rule on homogeneous groups)', async () => {
		const chef = await org.actor(org.people.managerE4);
		const goal = await addGoal(database.db, chef, org.units.e4.id, { title: 'Samverkan', expectedShare: '75' }, NOW);
		const plan = (await addItem(database.db, chef, org.units.e4.id, { question: 'Finns en vårdplan?', goalId: goal.id }, NOW)).id;
		const network = (await addItem(database.db, chef, org.units.e4.id, { question: 'Har nätverket bjudits in?', goalId: goal.id }, NOW)).id;
		// All six of Enhet 4 had a vårdplan every time; the network item varies.
		for (const [i, p] of org.people.e4.entries()) {
			await fill(p, '2026-05-20', { [plan]: 'ja', [network]: i % 2 ? 'ja' : 'nej' }, 'annat');
			await fill(p, '2026-06-20', { [plan]: 'ja', [network]: i < 2 ? 'nej' : 'ja' }, 'annat');
		}
		const within = await compilation(database.db, chef, { period: '2026-T2' }, NOW);
		const own = within.rows[0].cell;
		expect(own.shown && own.figures.items[plan]?.share).toBe(1);
		const central = await compilation(database.db, await org.actor(org.people.central), { unit: org.units.e4.id, period: '2026-T2' }, NOW);
		const cell = central.rows[0].cell;
		if (!cell.shown) throw new Error('Enhet 4 has six who filled in checklists');
		// 100 % for everyone would tell each one's: withheld, and so is the goal it belongs to.
		expect(cell.figures.items[plan]).toBeNull();
		expect(cell.figures.goals[goal.id]).toBeNull();
		expect(cell.figures.items[network]).toMatchObject({ ja: 7, nej: 5 });
		// The gender split of a figure follows the same rule: here everyone's case was "annat", with differing shares.
		expect(cell.figures.items[network]?.byGender?.annat.share).toBeCloseTo(7 / 12);
		// Archiving an item keeps its history but takes it off the checklist.
		await archiveItem(database.db, chef, network, NOW);
		expect((await checklistForm(database.db, await org.actor(org.people.e4[0]))).items.map((i) => i.id)).toEqual([plan]);
	});

	it('shows the lokal styrgrupp the goals linked to its delmål, through the same module', async () => {
		const results = await linkedGoalResults(database.db, [subgoalId], NOW);
		expect(results).toHaveLength(1);
		expect(results[0]).toMatchObject({ enhet: { name: 'Enhet 1' }, goal: { expectedShare: 80 }, period: { key: '2026-T2' } });
		expect(results[0].share).toMatchObject({ shown: true, n: 9 });
		expect(results[0].share?.shown && results[0].share.figures).toBeCloseTo(14 / 15);
		const [goal] = await database.db.select().from(unitGoals).where(eq(unitGoals.subgoalId, subgoalId));
		expect(goal.orgUnitId).toBe(org.units.e1.id);
	});
});
