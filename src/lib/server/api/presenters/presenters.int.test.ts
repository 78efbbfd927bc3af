/**
 * The API's answers are unchanged by the presenters: on the demo kommun, every handler's service
 * result, put through its presenter, is exactly the result as `json()` would have sent it before
 * (nothing dropped, nothing renamed, nothing failing). A field a service adds later is dropped
 * from the API until a presenter names it; this test then says which one, so that is a decision.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { loadActor } from '../../access/load-actor';
import { searchAudit } from '../../audit/search';
import { addSubgoal, addSuggestion, getAreaPlan, getPlanOverview, saveAreaState } from '../../city-plan/service';
import { createArea, listAreas } from '../../city-plan/areas';
import { planMatrix } from '../../city-plan/matrix';
import { fixClock } from '../../clock';
import type { Db } from '../../db';
import type { Database } from '../../db/client';
import { cityPlanSubgoals, orgUnits, people, unitGoals } from '../../db/schema';
import { createTestDatabase } from '../../db/testing';
import { DEMO_LOGINS, seedDemo } from '../../demo/seed';
import { DEMO_INCIDENT_READER } from '../../demo/seed-city-plan';
import { applyImport, getImport, importNow, listImports, previewImport } from '../../import/service';
import { answerSupport, getIncident, listIncidents, reportIncident } from '../../incidents/service';
import { incidentStatistics } from '../../incidents/statistics';
import { indicatorDetail } from '../../indicators/dashboard';
import { listIndicators } from '../../indicators/catalogue';
import { readableUnits } from '../../indicators/units';
import { saveEntries } from '../../indicators/values';
import { individualPlanCounts } from '../../individual-plans/counts';
import {
	addIndividualPlanNote,
	getIndividualPlan,
	individualPlansOfEmployee,
	individualPlansOfManager,
	offerIndividualPlan,
	updateIndividualPlan
} from '../../individual-plans/service';
import { visibleUnits } from '../../org/service';
import { checklistForm, compilation, fillChecklist, myChecklists, ownChecklist } from '../../unit-goals/service';
import { presentCompilation, presentMyChecklists, presentOwnChecklist } from './unit-goals';
import { registerExtract } from '../../privacy/extract';
import { searchPeople } from '../../privacy/people';
import { retentionStatus, runRetention } from '../../privacy/retention';
import { buildReport } from '../../reports/service';
import { closeRound, createRound, getMyResponse, listRounds, myHistory, openRound, remindNonRespondents, saveMyResponse, type RoundSummary, type SurveyResponse } from '../../rounds/service';
import { teamView } from '../../team/service';
import { enhetPlacements, introductionDetail, mentoredIntroductions, myIntroduction, teamIntroductions } from '../../introductions/service';
import { DEMO_NEW_EMPLOYEES } from '../../demo/seed-introductions';
import { presentIntroduction, presentIntroductionList, presentMyIntroduction, presentPlacements } from './introductions';
import { presentAuditSearch } from './audit';
import { presentArea, presentAreaPlan, presentAreas, presentAreaState, presentIndividualPlanCounts, presentPlanMatrix, presentPlanOverview, presentSubgoal, presentSuggestion } from './city-plan';
import { presentAppliedImport, presentImportResult, presentImports, presentStoredImport } from './import';
import { presentIncident, presentIncidentDetail, presentIncidents, presentIncidentStatistics } from './incidents';
import { presentIndicatorDetail, presentIndicators, presentSavedEntries } from './indicators';
import { presentIndividualPlan, presentIndividualPlanNote, presentIndividualPlans, presentIndividualPlanWithNotes } from './individual-plans';
import { presentOrgUnits } from './org';
import { presentPeopleSearch, presentRegisterExtract, presentRetentionRun, presentRetentionStatus } from './people';
import { presentReport } from './reports';
import { presentCreated, presentMyHistory, presentMyResponse, presentReminders, presentRounds, presentRoundState, presentSavedResponse } from './rounds';
import { presentTeam } from './team';

const NOW = new Date('2026-11-24T10:00:00+01:00');

/**
 * The presenter keeps every field of the answer as it was sent before it existed: the service's
 * result as `json()` sent it, or (`sentBefore`) what the handler picked from it then.
 */
function expectUnchanged(present: (value: unknown) => unknown, result: unknown, sentBefore: unknown = result) {
	expect(present(result)).toEqual(JSON.parse(JSON.stringify(sentBefore)));
}

// What the few handlers that picked fields before presenters existed sent (copied from them).
const roundBefore = (r: RoundSummary) => ({ id: r.id, kind: r.kind, year: r.year, name: r.name, status: r.status, opensAt: r.opensAt, closesAt: r.closesAt, units: r.units });
const responseBefore = (r: SurveyResponse) => ({
	roundId: r.roundId,
	caseCount: r.caseCount,
	situationScore: r.situationScore,
	situationComment: r.situationComment,
	qualityScore: r.qualityScore,
	qualityComment: r.qualityComment,
	recommendScore: r.recommendScore,
	recommendComment: r.recommendComment,
	positiveText: r.positiveText,
	updatedAt: r.updatedAt
});
const myResponseBefore = (mine: { participates: boolean; response: SurveyResponse | null }) => ({ participates: mine.participates, response: mine.response ? responseBefore(mine.response) : null });

describe('API presenters on the demo kommun', () => {
	let database: Database;
	let db: Db;
	const as: Record<string, Actor> = {};

	beforeAll(async () => {
		fixClock(NOW);
		database = await createTestDatabase();
		db = database.db;
		await seedDemo(db, { now: NOW, staffTarget: 400 });
		for (const login of [...DEMO_LOGINS, { role: 'reader', email: DEMO_INCIDENT_READER.email }]) {
			const [p] = await db.select({ id: people.id }).from(people).where(eq(people.email, login.email));
			as[login.role] = (await loadActor(db, p.id))!;
		}
	}, 240_000);
	afterAll(async () => {
		fixClock(null);
		await database?.close();
	});

	it('rounds, own answers, the report and the team', async () => {
		const rounds = await listRounds(db, as.admin);
		expectUnchanged(presentRounds, { rounds }, { rounds: rounds.map(roundBefore) });
		const open = rounds.find((r) => r.status === 'open')!;
		const closed = rounds.filter((r) => r.status === 'closed').at(-1)!;
		const before = await getMyResponse(db, as.bistandshandlaggare, open.id);
		expectUnchanged(presentMyResponse, before, myResponseBefore(before));
		const saved = await saveMyResponse(db, as.bistandshandlaggare, open.id, { caseCount: 40, situationScore: 4, situationComment: 'Rimligt.', qualityScore: 5, qualityComment: null, recommendScore: 3, recommendComment: null, positiveText: 'Kollegorna.' });
		expectUnchanged(presentSavedResponse, { response: saved }, { response: responseBefore(saved) });
		const after = await getMyResponse(db, as.bistandshandlaggare, open.id);
		expectUnchanged(presentMyResponse, after, myResponseBefore(after));
		const history = await myHistory(db, as.socialsekreterare);
		expect(history.length).toBeGreaterThan(0);
		expectUnchanged(presentMyHistory, { history }, { history: history.map(({ round, response }) => ({ round: { id: round.id, name: round.name, status: round.status }, response: responseBefore(response) })) });
		for (const who of ['department_manager', 'central_steering', 'unit_manager']) {
			expectUnchanged(presentReport, await buildReport(db, as[who], { round: closed.id }));
			expectUnchanged(presentReport, await buildReport(db, as[who], { round: open.id }));
		}
		for (const view of [await teamView(db, as.unit_manager, closed.id), await teamView(db, as.deputy_unit_manager, open.id)]) {
			expectUnchanged(presentTeam, view, { round: { id: view.round.id, name: view.round.name, status: view.round.status }, members: view.members, summary: view.summary });
		}
		const units = await visibleUnits(db, as.department_manager);
		expectUnchanged(presentOrgUnits, { orgUnits: units }, { orgUnits: units.map((u) => ({ id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, activityArea: u.activityArea })) });
	});

	it('creating, opening, reminding and closing a round', async () => {
		const [forvaltning] = await db.select().from(orgUnits).where(eq(orgUnits.kind, 'forvaltning')).limit(1);
		const round = await createRound(db, as.admin, { kind: 'custom', year: 2026, name: 'Extra mätning', opensAt: '2026-11-24T08:00', closesAt: '2026-12-10T17:00', unitIds: [forvaltning.id] });
		expectUnchanged(presentCreated, round, { id: round.id });
		const opened = await openRound(db, as.admin, round.id, { allowOverlap: true }, NOW);
		expectUnchanged(presentRoundState, opened, { id: opened.id, status: opened.status });
		const reminded = await remindNonRespondents(db, as.admin, round.id, null);
		expect(reminded.reminded).toBeGreaterThan(0);
		expectUnchanged(presentReminders, reminded);
		const closed = await closeRound(db, as.admin, round.id, NOW);
		expectUnchanged(presentRoundState, closed, { id: closed.id, status: 'closed' });
	});

	it('individual action plans', async () => {
		const closed = (await listRounds(db, as.admin)).filter((r) => r.status === 'closed').at(-1)!;
		const staff = (await teamView(db, as.unit_manager, closed.id)).members.find((m) => m.answered && m.planId === null)!;
		const plan = await offerIndividualPlan(db, as.unit_manager, { personId: staff.personId, roundId: closed.id, followUpOn: '2027-01-15', goals: 'Färre ärenden.', measures: 'Medhandläggare.' });
		expectUnchanged(presentIndividualPlan, plan);
		expectUnchanged(presentIndividualPlan, await updateIndividualPlan(db, as.unit_manager, plan.id, { status: 'active', followUpOn: '2027-01-20', goals: 'Färre ärenden.', measures: 'Medhandläggare.', outcome: '' }));
		expectUnchanged(presentIndividualPlanNote, await addIndividualPlanNote(db, as.unit_manager, plan.id, { body: 'Samtal hållet.' }));
		expectUnchanged(presentIndividualPlanWithNotes, await getIndividualPlan(db, as.unit_manager, plan.id));
		expectUnchanged(presentIndividualPlans, {
			managed: (await individualPlansOfManager(db, as.unit_manager)).map(({ plan, employeeName }) => ({ ...plan, employeeName })),
			own: (await individualPlansOfEmployee(db, as.unit_manager)).map(({ plan, managerName }) => ({ ...plan, managerName }))
		});
		expectUnchanged(presentIndividualPlanCounts, await individualPlanCounts(db, as.central_steering));
	});

	it('the unit’s goals and checklists', async () => {
		for (const role of ['socialsekreterare', 'deputy_unit_manager', 'unit_manager', 'department_manager', 'central_steering']) {
			expectUnchanged(presentCompilation, await compilation(db, as[role], {}, NOW));
		}
		expectUnchanged(presentCompilation, await compilation(db, as.unit_manager, { period: '2026-03-01..2026-06-30' }, NOW));
		const form = await checklistForm(db, as.socialsekreterare);
		expectUnchanged(presentMyChecklists, { ...form, checklists: await myChecklists(db, as.socialsekreterare) });
		const { id } = await fillChecklist(db, as.socialsekreterare, { closedOn: '2026-11-20', clientGender: 'flicka', ageBand: '7-12', answers: Object.fromEntries(form.items.map((i) => [i.id, 'ja'])) }, NOW);
		expectUnchanged(presentOwnChecklist, await ownChecklist(db, as.socialsekreterare, id));
		// The delmål the demo enhet's SIP goal follows, as its lokal styrgrupp reads the area.
		const [linked] = await db.select({ forvaltningId: cityPlanSubgoals.forvaltningId, areaId: cityPlanSubgoals.areaId }).from(unitGoals).innerJoin(cityPlanSubgoals, eq(cityPlanSubgoals.id, unitGoals.subgoalId));
		const plan = await getAreaPlan(db, as.central_steering, linked.forvaltningId, linked.areaId, NOW);
		expect(plan.unitGoals.length).toBeGreaterThan(0);
		expectUnchanged(presentAreaPlan, plan);
	});

	it('the city plan', async () => {
		const areas = await listAreas(db, { includeRetired: true });
		expectUnchanged(presentAreas, areas);
		const [forvaltning] = await db.select().from(orgUnits).where(sql`${orgUnits.kind} = 'forvaltning' and ${as.local_steering.orgUnitPath} like ${orgUnits.path} || '%'`);
		expectUnchanged(presentPlanOverview, await getPlanOverview(db, as.local_steering, forvaltning.id, NOW));
		for (const area of areas.slice(0, 4)) expectUnchanged(presentAreaPlan, await getAreaPlan(db, as.local_steering, forvaltning.id, area.id, NOW));
		expectUnchanged(presentAreaPlan, await getAreaPlan(db, as.socialsekreterare, forvaltning.id, areas[0].id, NOW));
		expectUnchanged(presentAreaState, await saveAreaState(db, as.local_steering, forvaltning.id, areas[1].id, { status: 'under_analysis', assessment: 'Vi ser över introduktionen.' }, NOW));
		expectUnchanged(presentSubgoal, await addSubgoal(db, as.local_steering, forvaltning.id, areas[1].id, { title: 'Fler svarar 5–6', targetDate: '2027-06-30', statement: 'situation', metric: 'share_high', targetValue: '50' }, NOW));
		expectUnchanged(presentSubgoal, await addSubgoal(db, as.local_steering, forvaltning.id, areas[1].id, { title: 'Lägre personalrörlighet', targetDate: '2027-12-31', indicator: 'turnover', targetValue: '12' }, NOW));
		expectUnchanged(presentAreaPlan, await getAreaPlan(db, as.local_steering, forvaltning.id, areas[1].id, NOW));
		expectUnchanged(presentSuggestion, await addSuggestion(db, as.socialsekreterare, forvaltning.id, { body: 'Mer handledning.', areaId: areas[1].id }, NOW));
		expectUnchanged(presentArea, await createArea(db, as.admin, { title: 'Eget område', description: 'Kommunens eget.' }, NOW));
		expectUnchanged(presentPlanMatrix, await planMatrix(db, as.central_steering, {}));
		expectUnchanged(presentPlanMatrix, await planMatrix(db, as.central_steering, { since: '2026-01-01', status: 'under_analysis' }));
	});

	it('incidents', async () => {
		const reported = await reportIncident(db, as.bistandshandlaggare, { form: 'trakasserier', occurredOn: '2026-11-20', occurredTime: '', activityArea: 'aldreomsorg', description: 'Kränkande sms efter ett beslut.', policeReported: 'no' }, NOW);
		expectUnchanged(presentIncident, reported);
		expectUnchanged(presentIncident, await answerSupport(db, as.bistandshandlaggare, reported.id, { supportEnough: 'partly', supportComment: 'Samtal dagen efter.' }, NOW));
		expectUnchanged(presentIncidents, await listIncidents(db, as.bistandshandlaggare));
		expectUnchanged(presentIncidents, await listIncidents(db, as.reader));
		expectUnchanged(presentIncidentDetail, await getIncident(db, as.reader, reported.id));
		expectUnchanged(presentIncidentStatistics, await incidentStatistics(db, as.central_steering, {}, NOW));
		expectUnchanged(presentIncidentStatistics, await incidentStatistics(db, as.department_manager, {}, NOW));
	});

	it('indicators', async () => {
		const units = await readableUnits(db, as.central_steering);
		const indicators = await listIndicators(db);
		expectUnchanged(presentIndicators, { indicators, units }, { indicators, units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })) });
		for (const def of await listIndicators(db)) {
			expectUnchanged(presentIndicatorDetail, await indicatorDetail(db, as.central_steering, def.key, {}));
			expectUnchanged(presentIndicatorDetail, await indicatorDetail(db, as.local_steering, def.key, {}));
		}
		const forvaltning = units.find((u) => u.kind === 'forvaltning')!;
		// One without splits: a lone total may be saved with nothing else.
		const plain = indicators.find((d) => d.key === 'vfu_places')!;
		const warned = await saveEntries(db, as.admin, { unit: forvaltning.id, period: 'VB 2026', entries: [{ indicator: plain.key, value: 4000 }] }, 'api');
		expectUnchanged(presentSavedEntries, warned);
		const saved = await saveEntries(db, as.admin, { unit: forvaltning.id, period: 'VB 2026', confirm: true, entries: [{ indicator: plain.key, value: 4 }] }, 'api');
		expect(saved.saved).toBe(1);
		expectUnchanged(presentSavedEntries, saved);
	});

	it('introduction programmes and placements', async () => {
		const list = await teamIntroductions(db, as.unit_manager);
		expect(list.introductions.length).toBeGreaterThanOrEqual(3);
		expectUnchanged(presentIntroductionList, list);
		const [p] = await db.select({ id: people.id }).from(people).where(eq(people.email, DEMO_NEW_EMPLOYEES[0].email));
		const newcomer = (await loadActor(db, p.id))!;
		const mine = { introduction: await myIntroduction(db, newcomer), mentored: await mentoredIntroductions(db, newcomer) };
		expect(mine.introduction?.notes.length).toBeGreaterThan(0);
		expectUnchanged(presentMyIntroduction, mine);
		expectUnchanged(presentIntroduction, await introductionDetail(db, as.socialsekreterare, mine.introduction!.id));
		const placements = await enhetPlacements(db, as.unit_manager);
		expect(placements.placements.length).toBeGreaterThan(0);
		expectUnchanged(presentPlacements, placements);
	});

	it('people, the audit log, the register extract, retention and the staff import', async () => {
		expectUnchanged(presentPeopleSearch, await searchPeople(db, as.admin, { q: 'a' }));
		expectUnchanged(presentRegisterExtract, await registerExtract(db, as.admin, as.unit_manager.personId, 'json', NOW));
		expectUnchanged(presentRegisterExtract, await registerExtract(db, as.admin, as.socialsekreterare.personId, 'json', NOW));
		expectUnchanged(presentAuditSearch, await searchAudit(db, as.admin, {}));
		expectUnchanged(presentAuditSearch, await searchAudit(db, as.admin, { action: 'read.*', from: '2026-01-01', to: '2026-12-31' }));
		expectUnchanged(presentRetentionStatus, await retentionStatus(db, as.admin, NOW));
		expectUnchanged(presentRetentionRun, await runRetention(db, as.admin, NOW, 20));

		const [forvaltning] = await db.select().from(orgUnits).where(eq(orgUnits.kind, 'forvaltning')).limit(1);
		const row = { Anställningsnummer: 'X900001', Namn: 'Nya Nilsson', 'E-post': 'nya.nilsson@exempelstad.se', Förvaltning: forvaltning.name, Avdelning: 'Ny avdelning', Enhet: 'Ny enhet', Befattning: 'Socialsekreterare', Verksamhetsområde: 'Barn och unga' };
		const dry = await previewImport(db, as.admin, { kind: 'rows', rows: [row] }, { scope: 'listed' }, NOW);
		if (dry.errors.length === 0) {
			const { importId, plan, guard, format, encoding, ignoredColumns } = dry;
			expectUnchanged(presentImportResult, { dryRun: true, applied: false, importId, format, encoding, ignoredColumns, plan, guard });
			expectUnchanged(presentStoredImport, await getImport(db, as.admin, importId!, NOW));
			const applied = await applyImport(db, as.admin, importId!, { fingerprint: plan!.fingerprint, confirm: plan!.summary.leavers || undefined }, NOW);
			expectUnchanged(presentAppliedImport, { applied: true, importId: applied.importId, summary: applied.plan.summary });
			expectUnchanged(presentStoredImport, await getImport(db, as.admin, importId!, NOW));
			const now2 = await importNow(db, as.admin, { kind: 'rows', rows: [row] }, { scope: 'listed' }, NOW);
			expectUnchanged(presentImportResult, { dryRun: false, applied: true, importId: now2.importId, format: now2.format, encoding: now2.encoding, ignoredColumns: now2.ignoredColumns, plan: now2.plan, guard: now2.guard });
		} else {
			throw new Error(`The import rows need fixing: ${JSON.stringify(dry.errors)}`);
		}
		expectUnchanged(presentImports, { imports: await listImports(db, as.admin) });
	});
});
