import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { indicators } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { getIndicator, writeFigures } from '../indicators/service';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { createArea, listAreas, setAreaRetired, updateArea } from './areas';
import { planMatrix } from './matrix';
import {
	addActivity,
	addSubgoal,
	addSuggestion,
	answerSuggestion,
	getAreaPlan,
	getPlanOverview,
	readableForvaltningar,
	saveAreaState,
	saveFollowUp,
	setActivityDone,
	updateSubgoal
} from './service';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const fieldsOf = (p: Promise<unknown>) => p.then(() => ({}), (e) => (e instanceof DomainError ? e.fieldErrors : { error: String(e) }));

describe(`the action plan follow-up (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let coHandling: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		// Two closed rounds: the förvaltning's "bra arbetssituation" rises from 3 to 4.
		const inF = [...org.people.e1Direct, ...org.people.g1, ...org.people.e2, ...org.people.e3];
		for (const [k, score] of [
			[0, 3],
			[1, 4]
		] as const) {
			const round = await insertRound(database.db, {
				status: 'closed',
				kind: k === 0 ? 'T2' : 'VB',
				year: 2025,
				opensAt: new Date(k === 0 ? '2025-08-25' : '2025-11-17'),
				unitIds: [org.units.f.id, org.units.f2.id]
			});
			// Answers around the score with the same mean (± 1 in pairs): a group where everyone gives one
			// answer has its distribution withheld (decision 0010).
			for (const list of [inF, org.people.e4]) {
				for (const [i, p] of list.entries()) {
					const offset = i === list.length - 1 && list.length % 2 ? 0 : i % 2 ? -1 : 1;
					await insertResponse(database.db, { roundId: round.id, personId: p.id, situationScore: score + offset });
				}
			}
		}
		coHandling = (await listAreas(database.db)).find((a) => a.title === 'Medhandläggarskap')!.id;
	});
	afterAll(() => database.close());

	describe('the areas', () => {
		it('come built in: the 13 of the plan and the three added in 2019, in order', async () => {
			const areas = await listAreas(database.db);
			expect(areas).toHaveLength(16);
			expect(areas[0].title).toBe('Brukardelaktighet och återkoppling från brukare');
			expect(areas[12].title).toBe('Lämpliga lokaler och fungerande arbetsredskap');
			expect(areas.filter((a) => a.addedYear === 2019).map((a) => a.title)).toEqual([
				'Arbete mot otillåten påverkan, hot och våld mot tjänstepersoner',
				'Jämställdhet',
				'Fördjupad samverkan med universitet och lärosäten'
			]);
		});

		it('an administrator rewords, adds and retires areas; a retired area keeps its history', async () => {
			const admin = await org.actor(org.people.admin);
			const added = await createArea(database.db, admin, { title: 'Digitalt stöd i handläggningen', description: 'Lokalt tillagt område.' });
			expect(added.position).toBe(17);
			const reworded = await updateArea(database.db, admin, added.id, { title: 'Digitala arbetssätt', description: '' });
			expect(reworded.title).toBe('Digitala arbetssätt');

			const steering = await org.actor(org.people.steeringF);
			await saveAreaState(database.db, steering, org.units.f.id, added.id, { status: 'under_analysis', assessment: 'Vi kartlägger behoven.' });
			await setAreaRetired(database.db, admin, added.id, true);
			expect((await listAreas(database.db)).some((a) => a.id === added.id)).toBe(false);

			const overview = await getPlanOverview(database.db, steering, org.units.f.id);
			expect(overview.areas.some((r) => r.area.id === added.id)).toBe(false);
			expect(overview.retiredAreas.map((r) => [r.area.title, r.status])).toEqual([['Digitala arbetssätt', 'under_analysis']]);
			expect(await kindOf(saveAreaState(database.db, steering, org.units.f.id, added.id, { status: 'established' }))).toBe('conflict');
			const plan = await getAreaPlan(database.db, steering, org.units.f.id, added.id);
			expect(plan.permissions.edit).toBe(false);
			expect(plan.state.assessment).toBe('Vi kartlägger behoven.');
		});

		it('nobody else changes the areas, and bad input is refused per field', async () => {
			const central = await org.actor(org.people.central);
			expect(await kindOf(createArea(database.db, central, { title: 'X' }))).toBe('not_found');
			expect(await fieldsOf(createArea(database.db, await org.actor(org.people.admin), { title: '  ' }))).toEqual({ title: 'Skriv områdets namn.' });
		});
	});

	describe('a förvaltning’s plan', () => {
		it('its lokal styrgrupp records state, sub-goals, activities and follow-ups, and each is logged', async () => {
			const steering = await org.actor(org.people.steeringF);
			const f = org.units.f.id;
			await saveAreaState(database.db, steering, f, coHandling, { status: 'under_analysis', assessment: 'Två enheter provar.' }, new Date('2025-09-01T10:00:00Z'));
			await saveAreaState(database.db, steering, f, coHandling, { status: 'measures_under_way', assessment: 'Två enheter provar.' }, new Date('2025-10-01T10:00:00Z'));
			const goal = await addSubgoal(database.db, steering, f, coHandling, {
				title: 'Minst 4,0 i snitt på ”Jag har en bra arbetssituation.”',
				targetDate: '2026-12-31',
				statement: 'situation',
				metric: 'mean',
				targetValue: '4,0'
			});
			const plain = await addSubgoal(database.db, steering, f, coHandling, { title: 'Alla nya ärenden har två handläggare', targetDate: '2026-06-30' });
			const activity = await addActivity(database.db, steering, f, coHandling, { title: 'Rutin för medhandläggning', responsible: 'Maria Ekström', dueDate: '2026-03-31' });
			await setActivityDone(database.db, steering, f, coHandling, activity.id, { done: 'true' }, new Date('2026-03-15T10:00:00Z'));
			await saveFollowUp(database.db, steering, f, coHandling, { period: 'T2', year: '2025', comment: 'Rutinen är beslutad.' });
			await saveFollowUp(database.db, steering, f, coHandling, { period: 'T2', year: '2025', comment: 'Rutinen är beslutad och införd.' });
			await updateSubgoal(database.db, steering, f, coHandling, plain.id, { title: plain.title, targetDate: plain.targetDate, status: 'achieved' });

			const plan = await getAreaPlan(database.db, steering, f, coHandling);
			expect(plan.state).toMatchObject({ status: 'measures_under_way', assessment: 'Två enheter provar.' });
			expect(plan.activities[0].doneOn).toBe('2026-03-15');
			expect(plan.followUps).toHaveLength(1);
			expect(plan.followUps[0]).toMatchObject({ period: 'T2', year: 2025, comment: 'Rutinen är beslutad och införd.', status: 'measures_under_way' });
			const linked = plan.subgoals.find((g) => g.id === goal.id)!;
			// Progress from the förvaltning's aggregate, through buildReport: 3.0 then 4.0.
			expect(linked.progress?.points.map((p) => [p.label, p.value])).toEqual([
				['T2 2025', 3],
				['VB 2025', 4]
			]);
			expect(linked.progress?.latest).toEqual({ label: 'VB 2025', value: 4, reached: true });
			expect(plan.subgoals.find((g) => g.id === plain.id)).toMatchObject({ status: 'achieved', progress: null });
			expect(plan.history.map((h) => h.text)).toContain('Status ändrad från ”Under analys” till ”Åtgärder pågår”.');
			expect(plan.history.map((h) => h.text)).toContain('Aktivitet klar: Rutin för medhandläggning');
		});

		it('everyone in the förvaltning reads it; staff see no survey figures they could not see elsewhere', async () => {
			const employee = await org.actor(org.people.e2[0]);
			const plan = await getAreaPlan(database.db, employee, org.units.f.id, coHandling);
			expect(plan.permissions).toEqual({ edit: false, suggest: true });
			expect(plan.subgoals).toHaveLength(2);
			expect(plan.subgoals.every((g) => g.progress === null)).toBe(true);
			expect(plan.progressHidden).toBe(true);
			expect(await readableForvaltningar(database.db, employee)).toEqual([{ id: org.units.f.id, name: 'Norrviks förvaltning', editable: false }]);
		});

		it('only its lokal styrgrupp changes it; outside the förvaltning it does not exist', async () => {
			const employee = await org.actor(org.people.e2[0]);
			const manager = await org.actor(org.people.managerE1);
			const outsider = await org.actor(org.people.e4[0]);
			const otherManager = await org.actor(org.people.managerE4);
			expect(await kindOf(saveAreaState(database.db, employee, org.units.f.id, coHandling, { status: 'established' }))).toBe('not_found');
			expect(await kindOf(addSubgoal(database.db, manager, org.units.f.id, coHandling, { title: 'x', targetDate: '2026-01-01' }))).toBe('not_found');
			expect(await kindOf(getPlanOverview(database.db, outsider, org.units.f.id))).toBe('not_found');
			expect(await kindOf(getAreaPlan(database.db, otherManager, org.units.f.id, coHandling))).toBe('not_found');
			expect(await kindOf(getPlanOverview(database.db, outsider, 'not-a-uuid'))).toBe('not_found');
			// An enhet is not a förvaltning.
			expect(await kindOf(getPlanOverview(database.db, await org.actor(org.people.steeringF), org.units.e1.id))).toBe('not_found');
		});

		it('bad input keeps its Swedish message per field', async () => {
			const steering = await org.actor(org.people.steeringF);
			expect(await fieldsOf(addActivity(database.db, steering, org.units.f.id, coHandling, { title: 'x', responsible: '', dueDate: '2026-13-01' }))).toEqual({
				responsible: 'Skriv vem som är ansvarig.',
				dueDate: 'Datumet finns inte. Kontrollera månad och dag.'
			});
			expect(await fieldsOf(saveAreaState(database.db, steering, org.units.f.id, coHandling, { status: 'done' }))).toEqual({ status: 'Välj en status.' });
		});

		it('a delmål follows an indicator: its progress is the förvaltning’s recorded values, for those who read them', async () => {
			const steering = await org.actor(org.people.steeringF);
			const f = org.units.f.id;
			const students = (await listAreas(database.db)).find((a) => a.title === 'Regelbundet mottagande av studenter')!.id;
			const turnover = await getIndicator(database.db, 'turnover');
			const figure = (orgUnitId: string, period: string, value: number) => ({ indicatorId: turnover.id, orgUnitId, period, dimension: 'total' as const, category: '', value, base: 100, countMonth: null, note: null });
			// Personalrörlighet in Norrvik falls from 18 % to 13 %; another förvaltning's figure is not Norrvik's.
			await writeFigures(database.db, null, f, [figure(f, '2024', 13), figure(f, '2023', 18), figure(org.units.f2.id, '2024', 40)], { source: 'seed', importId: null });

			const goal = { title: 'Personalrörligheten under 14 %', targetDate: '2026-12-31', statement: '', metric: '', indicator: 'turnover', targetValue: '14' };
			expect(await fieldsOf(addSubgoal(database.db, steering, f, students, { ...goal, indicator: 'no-such-indicator' }))).toEqual({ indicator: 'Välj en indikator i listan.' });
			expect(await fieldsOf(addSubgoal(database.db, steering, f, students, { ...goal, targetValue: '140' }))).toEqual({
				targetValue: 'Indikatorn anges i procent: skriv ett målvärde mellan 0 och 100.'
			});
			const saved = await addSubgoal(database.db, steering, f, students, goal);
			expect(saved).toMatchObject({ indicatorId: turnover.id, statement: null, metric: null, targetValue: 14 });

			const plan = await getAreaPlan(database.db, steering, f, students);
			const linked = plan.subgoals.find((g) => g.id === saved.id)!;
			expect(linked.indicator).toMatchObject({ key: 'turnover', name: 'Personalrörlighet', unit: '%', higherIsBetter: false });
			expect(linked.progress?.points.map((p) => [p.label, p.value])).toEqual([
				['2023', 18],
				['2024', 13]
			]);
			// Lower is better for personalrörlighet: 13 % reaches the target of 14 %.
			expect(linked.progress?.latest).toEqual({ label: '2024', value: 13, reached: true });
			expect(plan.indicators.map((i) => i.key)).toContain('turnover');

			// Staff see the delmål and which indicator it follows, not the figures.
			const staffView = await getAreaPlan(database.db, await org.actor(org.people.e2[0]), f, students);
			expect(staffView.subgoals.find((g) => g.id === saved.id)).toMatchObject({ indicator: { key: 'turnover' }, progress: null });
			expect(staffView.progressHidden).toBe(true);
			expect(staffView.indicators).toEqual([]);

			// A retired indicator stays with the delmål that follows it, and is offered for it only.
			await database.db.update(indicators).set({ active: false }).where(eq(indicators.id, turnover.id));
			expect((await getAreaPlan(database.db, steering, f, students)).indicators.map((i) => i.key)).toContain('turnover');
			expect(await updateSubgoal(database.db, steering, f, students, saved.id, { ...goal, targetValue: '13' })).toMatchObject({ indicatorId: turnover.id, targetValue: 13 });
			expect(await fieldsOf(addSubgoal(database.db, steering, f, students, goal))).toEqual({ indicator: 'Välj en indikator i listan.' });
			await database.db.update(indicators).set({ active: true }).where(eq(indicators.id, turnover.id));

			// Switched to a survey statement, the indicator link goes.
			const switched = await updateSubgoal(database.db, steering, f, students, saved.id, { ...goal, indicator: '', statement: 'situation', metric: 'mean', targetValue: '4' });
			expect(switched).toMatchObject({ indicatorId: null, statement: 'situation', metric: 'mean', targetValue: 4 });
		});
	});

	describe('suggestions from staff', () => {
		it('staff suggest, the steering group answers each; only the steering group sees who wrote', async () => {
			const employee = await org.actor(org.people.g1[0]);
			const colleague = await org.actor(org.people.e2[1]);
			const steering = await org.actor(org.people.steeringF);
			const s = await addSuggestion(database.db, employee, org.units.f.id, { body: 'Medhandläggare även i utredningar om våld.', areaId: coHandling });
			await addSuggestion(database.db, colleague, org.units.f.id, { body: 'Fler träffar med styrgruppen.' });
			expect(await kindOf(answerSuggestion(database.db, employee, org.units.f.id, s.id, { answer: 'x' }))).toBe('not_found');
			await answerSuggestion(database.db, steering, org.units.f.id, s.id, { answer: 'Vi provar det i Grupp 1 från januari.' });

			const own = await getAreaPlan(database.db, employee, org.units.f.id, coHandling);
			expect(own.suggestions).toHaveLength(1);
			expect(own.suggestions[0]).toMatchObject({ mine: true, authorName: null, answer: 'Vi provar det i Grupp 1 från januari.', answeredByName: 'Styrgrupp F' });
			const theirs = await getPlanOverview(database.db, colleague, org.units.f.id);
			expect(theirs.suggestions.map((x) => [x.body, x.authorName, x.mine])).toEqual([
				['Fler träffar med styrgruppen.', null, true],
				['Medhandläggare även i utredningar om våld.', null, false]
			]);
			const forSteering = await getPlanOverview(database.db, steering, org.units.f.id);
			expect(forSteering.suggestions.map((x) => x.authorName)).toEqual(['E2 person 2', 'G1 person 1']);
		});

		it('no suggestions from outside the förvaltning, nor empty ones', async () => {
			expect(await kindOf(addSuggestion(database.db, await org.actor(org.people.e4[0]), org.units.f.id, { body: 'Hej' }))).toBe('not_found');
			expect(await kindOf(addSuggestion(database.db, await org.actor(org.people.central), org.units.f.id, { body: 'Hej' }))).toBe('not_found');
			expect(await fieldsOf(addSuggestion(database.db, await org.actor(org.people.e2[0]), org.units.f.id, { body: ' ' }))).toEqual({ body: 'Skriv ditt förslag.' });
		});
	});

	describe('the city-wide matrix', () => {
		it('the central steering group sees förvaltningar × areas and what changed since a date', async () => {
			const central = await org.actor(org.people.central);
			const matrix = await planMatrix(database.db, central, { since: '2025-09-15' });
			expect(matrix.rows.map((r) => r.forvaltning.name)).toEqual(['Norrviks förvaltning', 'Söderås förvaltning']);
			expect(matrix.areas).toHaveLength(16);
			const cell = matrix.rows[0].cells.find((c) => c.areaId === coHandling)!;
			expect(cell).toEqual({ areaId: coHandling, status: 'measures_under_way', changed: true, statusBefore: 'under_analysis' });
			expect(matrix.rows[1].cells.every((c) => c.status === 'not_started' && !c.changed)).toBe(true);
			expect(matrix.changes.some((c) => c.text === 'Status ändrad från ”Under analys” till ”Åtgärder pågår”.')).toBe(true);
			expect(matrix.changes.some((c) => c.text.startsWith('Status ändrad från ”Ej påbörjat”'))).toBe(false);
		});

		it('filters by status and area, and compares with the previous follow-up by default', async () => {
			const admin = await org.actor(org.people.admin);
			const december = new Date('2026-12-03T10:00:00+01:00');
			const byStatus = await planMatrix(database.db, admin, { status: 'measures_under_way' }, december);
			expect(byStatus.rows.map((r) => r.forvaltning.name)).toEqual(['Norrviks förvaltning']);
			expect(byStatus.filters.since).toBe('followup:T2-2026');
			expect(byStatus.sinceLabel).toBe('uppföljningen T2 2026');
			expect(byStatus.sinceOptions[0]).toEqual({ value: 'followup:T2-2026', label: 'Uppföljningen T2 2026 (ändringar från 1 september 2026)' });
			const byArea = await planMatrix(database.db, admin, { area: coHandling });
			expect(byArea.areas.map((a) => a.title)).toEqual(['Medhandläggarskap']);
			expect(byArea.rows).toHaveLength(2);
		});

		it('is not there for anyone else', async () => {
			expect(await kindOf(planMatrix(database.db, await org.actor(org.people.steeringF), {}))).toBe('not_found');
			expect(await kindOf(planMatrix(database.db, await org.actor(org.people.departmentA), {}))).toBe('not_found');
		});
	});
});
