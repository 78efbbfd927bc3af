/**
 * Every JSON answer of the API, as the running app sends it, has exactly the shape its presenter
 * (and so the OpenAPI document) describes: parsing it with the presenter's schema gives it back
 * unchanged. Read-only calls only, as the people who may make them; the demo is not changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { presentAuditSearch } from '$lib/server/api/presenters/audit';
import { presentAreaPlan, presentAreas, presentIndividualPlanCounts, presentPlanMatrix, presentPlanOverview } from '$lib/server/api/presenters/city-plan';
import { presentImports } from '$lib/server/api/presenters/import';
import { presentIncidentDetail, presentIncidents, presentIncidentStatistics } from '$lib/server/api/presenters/incidents';
import { presentIndicatorDetail, presentIndicators } from '$lib/server/api/presenters/indicators';
import { presentGroupPlans, presentGroupPlanView } from '$lib/server/api/presenters/group-plans';
import { presentIndividualPlans, presentIndividualPlanWithNotes } from '$lib/server/api/presenters/individual-plans';
import { presentOrgUnits } from '$lib/server/api/presenters/org';
import { presentPeopleSearch, presentRegisterExtract, presentRetentionStatus } from '$lib/server/api/presenters/people';
import { presentReport } from '$lib/server/api/presenters/reports';
import { presentMyHistory, presentMyResponse, presentRounds } from '$lib/server/api/presenters/rounds';
import { presentTeam } from '$lib/server/api/presenters/team';
import { presentCompilation, presentMyChecklists } from '$lib/server/api/presenters/unit-goals';
import { presentMonthlyWorkload, presentMyWorkload, presentTeamWorkload } from '$lib/server/api/presenters/workload';
import { api, apiLogin, demo } from './support';

type Schema = { schema: { parse: (v: unknown) => unknown } };

describe('the API answers have their presenters’ shapes', () => {
	const token: Record<string, string> = {};

	beforeAll(async () => {
		for (const who of ['socialsekreterare', 'deputy', 'enhetschef', 'avdelningschef', 'styrgrupp', 'central', 'admin'] as const) token[who] = await apiLogin(demo[who]);
		token.reader = await apiLogin('arbetsmiljo@exempelstad.se');
	});

	/** GETs the path as `who` and checks the answer against the presenter; returns the body. */
	async function expectShape(who: string, path: string, present: Schema) {
		const res = await api(token[who], path);
		expect(res.status, `${who} GET ${path}`).toBe(200);
		expect(present.schema.parse(res.body), `${who} GET ${path}`).toEqual(res.body);
		return res.body;
	}

	it('rounds, own answers and history, reports, the team and the organisation', async () => {
		const { rounds } = await expectShape('admin', '/rounds', presentRounds);
		const open = rounds.find((r: { status: string }) => r.status === 'open');
		const closed = rounds.filter((r: { status: string }) => r.status === 'closed');
		await expectShape('socialsekreterare', `/rounds/${open.id}/my-response`, presentMyResponse);
		await expectShape('socialsekreterare', '/my-history', presentMyHistory);
		for (const round of [open, ...closed.slice(-2)]) {
			await expectShape('avdelningschef', `/rounds/${round.id}/report`, presentReport);
			await expectShape('central', `/rounds/${round.id}/report?textLimit=5`, presentReport);
			await expectShape('enhetschef', `/rounds/${round.id}/team`, presentTeam);
		}
		await expectShape('central', '/org-units', presentOrgUnits);
	});

	it('the unit’s goals and checklists, and workload between the rounds', async () => {
		const mine = await expectShape('socialsekreterare', '/my-checklists', presentMyChecklists);
		for (const who of ['socialsekreterare', 'deputy', 'enhetschef']) await expectShape(who, '/unit-goals', presentCompilation);
		for (const who of ['avdelningschef', 'central']) await expectShape(who, `/unit-goals?unit=${mine.enhet.id}`, presentCompilation);
		await expectShape('enhetschef', '/unit-goals?period=2026-01-01..2026-06-30', presentCompilation);
		await expectShape('socialsekreterare', '/my-workload', presentMyWorkload);
		await expectShape('enhetschef', '/team-workload', presentTeamWorkload);
		await expectShape('avdelningschef', '/workload-monthly', presentMonthlyWorkload);
	});

	it('individual plans, the city plan and its matrix', async () => {
		const plans = await expectShape('enhetschef', '/action-plans', presentIndividualPlans);
		const [plan] = plans.managed;
		expect(plan, 'the demo enhetschef follows up a plan').toBeDefined();
		await expectShape('enhetschef', `/action-plans/${plan.id}`, presentIndividualPlanWithNotes);
		await expectShape('central', '/plan/individual-counts', presentIndividualPlanCounts);
		const areas = await expectShape('styrgrupp', '/plan/areas?retired=1', presentAreas);
		await expectShape('central', '/plan/matrix', presentPlanMatrix);
		const { orgUnits } = await expectShape('styrgrupp', '/org-units', presentOrgUnits);
		const forvaltning = orgUnits.find((u: { kind: string }) => u.kind === 'forvaltning').id;
		await expectShape('styrgrupp', `/plan/${forvaltning}`, presentPlanOverview);
		for (const area of areas.slice(0, 3)) await expectShape('styrgrupp', `/plan/${forvaltning}/${area.id}`, presentAreaPlan);
	});

	it('the groups’ plans, for the manager, a member and above', async () => {
		const { groupPlans } = await expectShape('enhetschef', '/group-plans', presentGroupPlans);
		expect(groupPlans.length, 'the demo enhetschef’s enhet has a group plan').toBeGreaterThan(0);
		for (const who of ['enhetschef', 'socialsekreterare', 'avdelningschef']) {
			await expectShape(who, '/group-plans', presentGroupPlans);
			await expectShape(who, `/group-plans/${groupPlans[0].id}`, presentGroupPlanView);
		}
	});

	it('incidents and their statistics', async () => {
		const list = await expectShape('reader', '/incidents', presentIncidents);
		await expectShape('socialsekreterare', '/incidents', presentIncidents);
		expect(list.others.length, 'the demo has incidents the arbetsmiljö function reads').toBeGreaterThan(0);
		await expectShape('reader', `/incidents/${list.others[0].id}`, presentIncidentDetail);
		await expectShape('central', '/incidents/statistics', presentIncidentStatistics);
	});

	it('indicators', async () => {
		const { indicators } = await expectShape('central', '/indicators', presentIndicators);
		for (const def of indicators) await expectShape('central', `/indicators/${def.key}`, presentIndicatorDetail);
		await expectShape('styrgrupp', `/indicators/${indicators[0].key}`, presentIndicatorDetail);
	});

	it('people, the audit log, retention, imports and a register extract (administrators)', async () => {
		const { people } = await expectShape('admin', '/people?q=a', presentPeopleSearch);
		await expectShape('admin', `/people/${people[0].id}/extract`, presentRegisterExtract);
		await expectShape('admin', '/audit', presentAuditSearch);
		await expectShape('admin', '/people/retention', presentRetentionStatus);
		await expectShape('admin', '/import', presentImports);
	});
});
