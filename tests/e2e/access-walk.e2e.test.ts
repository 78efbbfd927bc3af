/**
 * Every page, every form action and every API route, as every demo role and without logging in,
 * checked against the access table. The table below is written from the rules in src/lib/server/access/policy.ts
 * and its table test (policy.unit.test.ts), in the words of that table: who sees named data (the
 * nearest managers), who sees aggregates (every assignment's subtree), who administers, and the
 * rules of each feature (the plan of a förvaltning, incidents, indicators).
 *
 * What is checked for each route and role:
 *  - allowed: an answer below 400 (a page, a file, or a redirect to where the page lives);
 *  - not allowed: exactly 404, for every page, form action and API route (decision 0003): for
 *    anything the caller may not see (pages of administrators, objects outside the caller's
 *    scope) and for actions on things they may see but not change, so that nothing reveals
 *    what exists, and page, form action and API cannot disagree;
 *  - not logged in: pages and form actions send to the login page, the API answers 401.
 * Requests that would change something are sent to allowed roles only with a body that is
 * refused as invalid (400), so the walk changes nothing; refused roles get a valid body, and
 * must still be refused. Form actions are posted as the browser's enhanced forms do (JSON
 * answer), so the action's own answer is checked, not the page shown after it; allowed roles
 * are not sent form actions (the feature tests post them). The walk fails when a page, form
 * action or API route exists that the table does not describe.
 *
 * Shared demo state: reads, plus one stored import preview (never applied) and one individual plan
 * offered by the biträdande enhetschef to someone in her arbetsgrupp who is not a demo login.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, baseURL, demo } from './support';

type Role = keyof typeof demo;
type Who = Role | 'anonymous';
const ROLES = Object.keys(demo) as Role[];

// --- The access table, in the vocabulary of policy.unit.test.ts -------------------------------
/** Everyone logged in. */
const EVERYONE: Role[] = ROLES;
/** handläggare: answer rounds, see their own answers and plans. */
const CASEWORKERS: Role[] = ['socialsekreterare', 'bistandshandlaggare'];
/** Named data: the nearest managers (biträdande enhetschef on an arbetsgrupp, enhetschef on an enhet). */
const NAMED: Role[] = ['deputy', 'enhetschef'];
/** The readers the plan names: a facklig representant in Norrvik, a följeforskare for the kommun. Read-only aggregates. */
const READERS: Role[] = ['facklig', 'foljeforskare'];
/** Aggregates: everyone with an assignment (its subtree). */
const AGGREGATE: Role[] = ['deputy', 'enhetschef', 'avdelningschef', 'styrgrupp', 'central', 'admin', ...READERS];
/** Indicator figures are entered by the lokal styrgrupp, the central steering group and administrators. */
const ENTERS_INDICATORS: Role[] = ['styrgrupp', 'central', 'admin'];
/** The city-wide view of the plan: central steering group and administrators. */
const CITY_WIDE: Role[] = ['central', 'admin'];
const ADMIN: Role[] = ['admin'];
/** Everyone working in (or assigned to) the demo chain's förvaltning, Norrvik, but the readers: they read its plan and suggest. */
const IN_NORRVIK: Role[] = ['socialsekreterare', 'bistandshandlaggare', 'deputy', 'enhetschef', 'avdelningschef', 'styrgrupp'];
/**
 * Norrvik's plan is read by those in it, those who oversee the city, and the readers the plan names.
 * Suggestions come from those who work in it: the facklig representant works in Norrvik (her role
 * adds no right to suggest; her place of work does), the följeforskare does not.
 */
const SUGGESTS_IN_NORRVIK: Role[] = [...IN_NORRVIK, 'facklig'];
const READS_NORRVIK_PLAN: Role[] = [...IN_NORRVIK, ...CITY_WIDE, ...READERS];

interface Ids {
	openRound: string;
	closedRound: string;
	norrvik: string;
	otherForvaltning: string;
	avdelning: string;
	otherAvdelning: string;
	area: string;
	indicator: string;
	/** An individual action plan of someone in the enhetschef's enhet (no demo login), followed up by her. */
	plan: string;
	/** An incident in the enhetschef's enhet, outside the arbetsgrupp, not the demo handläggare's own. */
	incident: string;
	person: string;
	sara: string;
	importPreview: string;
	/** The demo's group plan of the enhetschef's enhet (Sara and the deputy are members; the biståndshandläggare is not). */
	groupPlan: string;
	/** Its first action, owned by Sara. */
	groupPlanAction: string;
	groupPlanUnit: string;
	/** One of Sara's checklists at a closed investigation, and her enhet (the demo enhet that follows goals). */
	checklist: string;
	checklistEnhet: string;
	/** The demo's introduction programme of a new employee in Sara's arbetsgrupp; Sara mentors it. */
	introduction: string;
}

/** Read a group's plan: its members and nearest manager, and everyone above it with aggregate access. */
const GROUP_PLAN_READERS: Role[] = ['socialsekreterare', 'deputy', 'enhetschef', 'avdelningschef', 'styrgrupp', 'central', 'admin'];
/** An introduction programme: the new employee (no demo role), the mentor (Sara) and the nearest managers; nobody above. */
const INTRODUCTION_READERS: Role[] = ['socialsekreterare', 'deputy', 'enhetschef'];
/** The enhet's template, mentors and placements: the enhetschef on the enhet itself. */
const ENHETSCHEF: Role[] = ['enhetschef'];
/** Comment on it: its members and its manager, not those above. */
const GROUP_PLAN_MEMBERS: Role[] = ['socialsekreterare', 'deputy', 'enhetschef'];

interface Entry {
	/** The route as in the route folders, e.g. '/plan/[forvaltningId]', 'ACTION /admin/rounds?/create' or 'API POST /rounds'. */
	route: string;
	/** The request path for these ids; several entries may describe one route (in and out of scope). */
	path: (ids: Ids) => string;
	allowed: Role[];
	/** No login needed: every caller is allowed. */
	public?: boolean;
	/** For a state-changing API call: the body for refused roles (valid) and allowed roles (invalid, so nothing changes). */
	body?: { refused: unknown; allowed: unknown | 'skip' };
	/** For a form action: the fields (and a file) refused roles post; valid, so only access refuses them. */
	form?: { fields: Record<string, string>; file?: { name: string; content: string } };
	note?: string;
}

const page = (route: string, allowed: Role[], extra: Partial<Entry> = {}, p?: (ids: Ids) => string): Entry => ({ route, path: p ?? (() => route), allowed, ...extra });
const get = (route: string, allowed: Role[], extra: Partial<Entry> = {}, p?: (ids: Ids) => string): Entry => ({ route: `API GET ${route}`, path: p ?? (() => `/api/v1${route}`), allowed, ...extra });
const change = (method: string, route: string, allowed: Role[], body: Entry['body'], p: (ids: Ids) => string, extra: Partial<Entry> = {}): Entry => ({ route: `API ${method} ${route}`, path: p, allowed, body, ...extra });
const v1 = (p: string) => `/api/v1${p}`;
/** A form action of a page: `name` is 'default' for a page's only action. */
const action = (route: string, name: string, allowed: Role[], fields: Record<string, string> = {}, p?: (ids: Ids) => string, extra: Partial<Entry> = {}): Entry => ({
	route: `ACTION ${route}${name === 'default' ? '' : `?/${name}`}`,
	path: (ids) => `${p ? p(ids) : route}${name === 'default' ? '' : `?/${name}`}`,
	allowed,
	form: { fields },
	...extra
});
/** A valid answer to a round, for those who are not asked to answer it. */
const ANSWER = { caseCount: '12', situationScore: '4', qualityScore: '4', recommendScore: '4' };
const CSV = { name: 'behorighet.csv', content: 'Anställningsnummer;Namn;E-post;Förvaltning;Yrkestitel\nW-2;Walter Walk;walter.walk@behorighet.invalid;Behörighetsförvaltningen;Övrig\n' };

const table: Entry[] = [
	// Public
	page('/login', EVERYONE, { public: true }),
	page('/login/oidc', EVERYONE, { public: true, note: 'to the identity provider, or a Swedish page when it does not answer' }),
	page('/login/oidc/callback', EVERYONE, { public: true, note: 'without a flow: the Swedish "could not finish" page' }),
	page('/healthz', EVERYONE, { public: true }),
	page('/readyz', EVERYONE, { public: true }),
	get('/openapi.json', EVERYONE, { public: true }),
	page('/accessibility', EVERYONE, { public: true, note: 'the accessibility statement (DOS-lagen)' }),

	// Everyone's own pages
	page('/', EVERYONE),
	page('/my/history', EVERYONE),
	page('/my/workload', CASEWORKERS),
	page('/rounds/[roundId]/answer', EVERYONE, {}, (ids) => `/rounds/${ids.openRound}/answer`),
	page('/action-plans', EVERYONE),
	page('/incidents', EVERYONE),
	page('/incidents/new', EVERYONE),
	page('/plan', EVERYONE),

	// Named data: the nearest managers only
	page('/team', NAMED),
	page('/team/workload', NAMED),
	page('/my/checklist', CASEWORKERS),
	page('/my/checklist/[id]', ['socialsekreterare'], { note: 'her own checklist' }, (ids) => `/my/checklist/${ids.checklist}`),
	page('/unit-goals', EVERYONE, { note: 'one’s own group or enhet, those one manages, or above: enheter that follow goals' }),
	page('/unit-goals', ['socialsekreterare', 'deputy', 'enhetschef', 'avdelningschef', 'styrgrupp', 'central', 'admin', ...READERS], { note: 'the demo enhet: its staff, managers and those above' }, (ids) => `/unit-goals?unit=${ids.checklistEnhet}`),
	page('/unit-goals/export', EVERYONE, {}, () => '/unit-goals/export?format=csv'),
	page('/unit-goals/settings', ['enhetschef']),
	page('/my/introduction', EVERYONE, { note: 'one’s own programme, or none; and the ones one mentors' }),
	page('/introductions/[id]', INTRODUCTION_READERS, {}, (ids) => `/introductions/${ids.introduction}`),
	page('/team/introductions', NAMED),
	page('/team/introductions/export', NAMED, {}, () => '/team/introductions/export?format=csv'),
	page('/team/introductions/template', ENHETSCHEF),
	page('/team/placements', ENHETSCHEF),
	page('/indicators/introductions', ENTERS_INDICATORS),
	page('/reports/workload', AGGREGATE),
	page('/reports/workload/export', AGGREGATE, {}, () => '/reports/workload/export?format=csv'),
	page('/team/offer/[personId]', NAMED, {}, (ids) => `/team/offer/${ids.sara}`),
	page('/team/export', NAMED, {}, (ids) => `/team/export?round=${ids.closedRound}&format=csv`),
	page('/action-plans/[planId]', ['enhetschef'], {}, (ids) => `/action-plans/${ids.plan}`),
	page('/incidents/[incidentId]', ['enhetschef'], {}, (ids) => `/incidents/${ids.incident}`),
	page('/incidents/export', NAMED),
	page('/group-plans/new', NAMED, { note: 'those who lead a group' }),
	page('/group-plans/[planId]', GROUP_PLAN_READERS, {}, (ids) => `/group-plans/${ids.groupPlan}`),
	page('/group-plans/export', EVERYONE, { note: 'the plans one may read; none for some' }),

	// Aggregates
	page('/reports', AGGREGATE),
	page('/reports', ['avdelningschef', 'styrgrupp', 'central', 'admin', ...READERS], { note: 'an avdelning: only from above it' }, (ids) => `/reports?unit=${ids.avdelning}`),
	page('/reports', ['styrgrupp', 'central', 'admin', ...READERS], { note: 'another avdelning of Norrvik' }, (ids) => `/reports?unit=${ids.otherAvdelning}`),
	page('/reports', [...CITY_WIDE, 'foljeforskare'], { note: 'another förvaltning' }, (ids) => `/reports?unit=${ids.otherForvaltning}`),
	page('/reports', AGGREGATE, { note: 'one theme’s motivations' }, () => '/reports?theme=workload'),
	page('/reports/export', AGGREGATE, {}, (ids) => `/reports/export?round=${ids.closedRound}&format=csv`),
	page('/incidents/statistics', AGGREGATE),
	page('/indicators', AGGREGATE),
	page('/indicators/[key]', AGGREGATE, {}, (ids) => `/indicators/${ids.indicator}`),
	page('/indicators/report', AGGREGATE),
	page('/indicators/report/docx', AGGREGATE),
	page('/indicators/report/pdf', AGGREGATE),
	page('/plan/individual', AGGREGATE),
	page('/research', ['foljeforskare']),
	page('/research/export', ['foljeforskare'], {}, (ids) => `/research/export?round=${ids.closedRound}&format=csv`),

	// The plan of a förvaltning: read by the people in it, and city-wide
	page('/plan/[forvaltningId]', READS_NORRVIK_PLAN, {}, (ids) => `/plan/${ids.norrvik}`),
	page('/plan/[forvaltningId]', [...CITY_WIDE, 'foljeforskare'], { note: 'another förvaltning' }, (ids) => `/plan/${ids.otherForvaltning}`),
	page('/plan/[forvaltningId]/[areaId]', READS_NORRVIK_PLAN, {}, (ids) => `/plan/${ids.norrvik}/${ids.area}`),
	page('/plan/[forvaltningId]/[areaId]', [...CITY_WIDE, 'foljeforskare'], { note: 'another förvaltning' }, (ids) => `/plan/${ids.otherForvaltning}/${ids.area}`),
	page('/plan/matrix', CITY_WIDE),

	// Entering indicators
	page('/indicators/entry', ENTERS_INDICATORS),
	page('/indicators/import', ENTERS_INDICATORS),
	page('/indicators/import/template', ENTERS_INDICATORS),

	// Administrators
	page('/admin', ADMIN),
	page('/admin/rounds', ADMIN),
	page('/admin/rounds/[roundId]', ADMIN, {}, (ids) => `/admin/rounds/${ids.openRound}`),
	page('/admin/import', ADMIN),
	page('/admin/import/[importId]', ADMIN, {}, (ids) => `/admin/import/${ids.importPreview}`),
	page('/admin/audit', ADMIN),
	page('/admin/audit/export', ADMIN),
	page('/admin/people', ADMIN),
	page('/admin/people/[personId]', ADMIN, {}, (ids) => `/admin/people/${ids.person}`),
	page('/admin/people/[personId]/extract', ADMIN, {}, (ids) => `/admin/people/${ids.person}/extract`),
	page('/admin/people/[personId]/extract.json', ADMIN, {}, (ids) => `/admin/people/${ids.person}/extract.json`),
	page('/indicators/admin', ADMIN),
	page('/indicators/admin/[key]', ADMIN, {}, (ids) => `/indicators/admin/${ids.indicator}`),
	page('/plan/areas', ADMIN),
	page('/plan/measures', ADMIN),
	page('/admin/incident-readers', ADMIN),
	page('/admin/accessibility', ADMIN),
	page('/admin/reminders', ADMIN),
	page('/admin/themes', ADMIN),

	// --- Form actions ---
	action('/login', 'default', EVERYONE, {}, undefined, { public: true, note: 'logging in: tested in the login tests' }),
	action('/logout', 'default', EVERYONE, {}, undefined, { public: true, note: 'logging out would end the walk’s sessions, and needs no login: tested in the login tests' }),
	action('/rounds/[roundId]/answer', 'default', CASEWORKERS, ANSWER, (ids) => `/rounds/${ids.openRound}/answer`, { note: 'only those asked to answer' }),
	action('/team/offer/[personId]', 'default', NAMED, { followUpOn: '2099-01-01' }, (ids) => `/team/offer/${ids.sara}`),
	action('/action-plans/[planId]', 'update', ['enhetschef'], { status: 'active', followUpOn: '2099-01-01', goals: 'x', measures: 'x' }, (ids) => `/action-plans/${ids.plan}`),
	action('/action-plans/[planId]', 'note', ['enhetschef'], { body: 'Från genomgången av behörigheter.' }, (ids) => `/action-plans/${ids.plan}`),
	action('/group-plans/new', 'default', NAMED, { unitId: '{groupPlanUnit}', roundId: '{closedRound}', followUpOn: '2099-01-01' }, undefined, { note: 'refused unless one leads the group' }),
	action('/group-plans/[planId]', 'addAction', ['enhetschef'], { title: 'Från genomgången av behörigheter.', dueOn: '2099-01-01' }, (ids) => `/group-plans/${ids.groupPlan}`),
	action('/group-plans/[planId]', 'done', ['enhetschef', 'socialsekreterare'], { actionId: '{groupPlanAction}', done: 'true' }, (ids) => `/group-plans/${ids.groupPlan}`, { note: 'the manager, or the member who owns the action' }),
	action('/group-plans/[planId]', 'comment', GROUP_PLAN_MEMBERS, { body: 'Från genomgången av behörigheter.' }, (ids) => `/group-plans/${ids.groupPlan}`),
	action('/group-plans/[planId]', 'followUp', ['enhetschef'], { outcome: 'partly' }, (ids) => `/group-plans/${ids.groupPlan}`),
	action('/admin/people/[personId]', 'giveRole', ADMIN, { role: 'researcher', unitId: '{norrvik}' }, (ids) => `/admin/people/${ids.person}`),
	action('/admin/people/[personId]', 'endRole', ADMIN, { id: '{uuid}' }, (ids) => `/admin/people/${ids.person}`),
	action('/research', 'createCode', ['foljeforskare'], { name: 'Behörighetsprov' }),
	action('/research', 'code', ['foljeforskare'], { roundId: '{closedRound}', statement: 'situation', textHash: 'a'.repeat(64) }),
	action('/incidents/new', 'default', EVERYONE, {}, undefined, { note: 'everyone reports for themselves' }),
	action('/incidents/[incidentId]', 'support', [], { supportEnough: 'yes' }, (ids) => `/incidents/${ids.incident}`, { note: 'only the employee it happened to; her manager reads it but may not answer for her' }),
	action('/incidents/[incidentId]', 'measures', ['enhetschef'], { measures: 'Från genomgången av behörigheter.' }, (ids) => `/incidents/${ids.incident}`),
	action('/plan/[forvaltningId]', 'suggest', SUGGESTS_IN_NORRVIK, { body: 'Behörighetsprov' }, (ids) => `/plan/${ids.norrvik}`),
	action('/plan/[forvaltningId]', 'answer', ['styrgrupp'], { id: '{uuid}', answer: 'Behörighetsprov' }, (ids) => `/plan/${ids.norrvik}`),
	...['state', 'subgoal', 'subgoalUpdate', 'activity', 'activityDone', 'followUp', 'answer'].map((name) =>
		action('/plan/[forvaltningId]/[areaId]', name, ['styrgrupp'], { id: '{uuid}', status: 'under_analysis', title: 'Behörighetsprov', targetDate: '2099-01-01', body: 'x', answer: 'x' }, (ids) => `/plan/${ids.norrvik}/${ids.area}`, {
			note: 'the lokal styrgrupp of that förvaltning changes its plan; others who read it are refused'
		})
	),
	action('/plan/[forvaltningId]/[areaId]', 'suggest', SUGGESTS_IN_NORRVIK, { body: 'Behörighetsprov' }, (ids) => `/plan/${ids.norrvik}/${ids.area}`),
	...['create', 'update', 'retire', 'restore'].map((name) => action('/plan/areas', name, ADMIN, { id: '{uuid}', title: 'Behörighetsprov' })),
	...['create', 'update', 'retire', 'restore'].map((name) => action('/plan/measures', name, ADMIN, { id: '{uuid}', title: 'Behörighetsprov' })),
	action('/indicators/entry', 'save', ENTERS_INDICATORS, { unit: '{norrvik}', period: 'T2 2025' }),
	action('/indicators/import', 'preview', ENTERS_INDICATORS, {}, undefined, { form: { fields: {}, file: CSV } }),
	action('/indicators/import', 'apply', ENTERS_INDICATORS, { importId: '{uuid}' }),
	action('/indicators/report', 'save', ENTERS_INDICATORS, { unit: '{norrvik}', period: 'T2 2025' }),
	action('/indicators/admin', 'create', ADMIN, { key: 'behorighetsprov', name: 'Behörighetsprov' }),
	action('/indicators/admin', 'branding', ADMIN, { name: 'Behörighetsprov' }),
	action('/indicators/admin/[key]', 'save', ADMIN, { name: 'Behörighetsprov' }, (ids) => `/indicators/admin/${ids.indicator}`),
	action('/admin/rounds', 'create', ADMIN, { kind: 'T2', year: '2031', opensAt: '2031-09-01', closesAt: '2031-09-15', unitIds: '{norrvik}' }),
	...['open', 'close', 'remind'].map((name) => action('/admin/rounds/[roundId]', name, ADMIN, {}, (ids) => `/admin/rounds/${ids.openRound}`)),
	action('/admin/import', 'preview', ADMIN, {}, undefined, { form: { fields: { scope: 'listed' }, file: CSV } }),
	action('/admin/import/[importId]', 'apply', ADMIN, { fingerprint: '0'.repeat(32) }, (ids) => `/admin/import/${ids.importPreview}`),
	action('/admin/people', 'retention', ADMIN),
	action('/admin/incident-readers', 'add', ADMIN, { personId: '{sara}', unitId: '{norrvik}' }),
	action('/admin/incident-readers', 'remove', ADMIN, { id: '{uuid}' }),
	action('/admin/accessibility', 'default', ADMIN, {}, undefined, { note: 'an empty form: refused with what to fill in, so the walk saves nothing' }),
	action('/admin/reminders', 'default', ADMIN, {}, undefined, { note: 'an empty form: refused with what to fill in' }),
	action('/admin/themes', 'add', ADMIN, { theme: 'salary', term: 'behorighetsprov' }),
	action('/admin/themes', 'remove', ADMIN, { id: '{uuid}' }),
	action('/admin/themes', 'try', ADMIN, { text: 'Behörighetsprov' }),
	action('/my/workload', 'rate', CASEWORKERS, { level: '3' }),
	action('/introductions/[id]', 'tick', INTRODUCTION_READERS, { stepId: '{uuid}', done: 'true' }, (ids) => `/introductions/${ids.introduction}`),
	action('/introductions/[id]', 'mentor', NAMED, { mentorId: '{sara}' }, (ids) => `/introductions/${ids.introduction}`, { note: 'the nearest managers choose the mentor' }),
	action('/introductions/[id]', 'note', INTRODUCTION_READERS, { body: 'Från genomgången av behörigheter.' }, (ids) => `/introductions/${ids.introduction}`),
	action('/team/introductions', 'start', NAMED, { personId: '{sara}', startDate: '2099-01-01', mentorId: '{sara}' }),
	action('/team/introductions/template', 'addStep', ENHETSCHEF, { title: 'Behörighetsprov', dueWeek: '2' }),
	action('/team/introductions/template', 'removeStep', ENHETSCHEF, { stepId: '{uuid}' }),
	action('/team/introductions/template', 'giveMentor', ENHETSCHEF, { personId: '{sara}' }),
	action('/team/introductions/template', 'endMentor', ENHETSCHEF, { personId: '{sara}' }),
	action('/team/placements', 'record', ENHETSCHEF, { semester: '2026-HT', kind: 'trainee' }),
	action('/team/placements', 'remove', ENHETSCHEF, { placementId: '{uuid}' }),
	action('/indicators/introductions', 'save', ENTERS_INDICATORS, { unit: '{norrvik}', period: '2026-HT' }),
	action('/my/workload', 'dismiss', CASEWORKERS),
	action('/my/checklist', 'fill', CASEWORKERS),
	...['update', 'delete'].map((name) => action('/my/checklist/[id]', name, ['socialsekreterare'], {}, (ids) => `/my/checklist/${ids.checklist}`)),
	...['addGoal', 'addItem'].map((name) => action('/unit-goals/settings', name, ['enhetschef'], { enhetId: '{checklistEnhet}', title: 'Behörighetsprov', expectedShare: '50', question: 'Behörighetsprov?' })),
	...['updateGoal', 'archiveGoal', 'updateItem', 'moveItem', 'archiveItem'].map((name) => action('/unit-goals/settings', name, ['enhetschef'], { id: '{uuid}', title: 'Behörighetsprov', expectedShare: '50', question: 'Behörighetsprov?', direction: 'up' })),
	action('/team', 'remind', NAMED, { roundId: '{openRound}', message: 'x' }, undefined, { note: 'a text too short: refused before anything is sent' }),

	// --- The API ---
	change('POST', '/session', EVERYONE, { refused: {}, allowed: 'skip' }, () => v1('/session'), { public: true, note: 'logging in: tested in api.e2e and below' }),
	change('DELETE', '/session', EVERYONE, { refused: {}, allowed: 'skip' }, () => v1('/session'), { note: 'logging out ends the walk’s sessions: tested below' }),
	get('/my-history', EVERYONE),
	get('/my-workload', CASEWORKERS),
	change('POST', '/my-workload', CASEWORKERS, { refused: { level: 3 }, allowed: { level: 9 } }, () => v1('/my-workload')),
	get('/team-workload', NAMED),
	get('/my-introduction', EVERYONE),
	get('/introductions', NAMED),
	change('POST', '/introductions', NAMED, { refused: { personId: '{sara}', startDate: '2099-01-01', mentorId: '{sara}' }, allowed: { personId: 'nej' } }, () => v1('/introductions')),
	get('/introductions/{introductionId}', INTRODUCTION_READERS, {}, (ids) => v1(`/introductions/${ids.introduction}`)),
	change('POST', '/introductions/{introductionId}/steps', INTRODUCTION_READERS, { refused: { stepId: '{uuid}', done: true }, allowed: { stepId: 'nej' } }, (ids) => v1(`/introductions/${ids.introduction}/steps`)),
	change('PUT', '/introductions/{introductionId}/mentor', NAMED, { refused: { mentorId: '{sara}' }, allowed: { mentorId: 'nej' } }, (ids) => v1(`/introductions/${ids.introduction}/mentor`)),
	change('POST', '/introductions/{introductionId}/notes', INTRODUCTION_READERS, { refused: { body: 'Behörighetsprov' }, allowed: { body: '' } }, (ids) => v1(`/introductions/${ids.introduction}/notes`)),
	get('/placements', ENHETSCHEF),
	change('POST', '/placements', ENHETSCHEF, { refused: { semester: '2026-HT', kind: 'trainee' }, allowed: { semester: 'nej' } }, () => v1('/placements')),
	get('/workload-monthly', AGGREGATE),
	get('/unit-goals', EVERYONE),
	get('/my-checklists', CASEWORKERS),
	change('POST', '/my-checklists', CASEWORKERS, { refused: { closedOn: '2026-01-10', clientGender: 'flicka', ageBand: '7-12', answers: {} }, allowed: { clientGender: 'okänt' } }, () => v1('/my-checklists')),
	get('/org-units', EVERYONE),
	get('/rounds', EVERYONE),
	change('POST', '/rounds', ADMIN, { refused: { kind: 'T2', year: 2031, opensAt: '2031-09-01', closesAt: '2031-09-15', unitIds: [] }, allowed: {} }, () => v1('/rounds')),
	get('/rounds/{roundId}/my-response', EVERYONE, {}, (ids) => v1(`/rounds/${ids.openRound}/my-response`)),
	change('PUT', '/rounds/{roundId}/my-response', CASEWORKERS, { refused: { caseCount: 1, situationScore: 4, qualityScore: 4, recommendScore: 4 }, allowed: { caseCount: -1 } }, (ids) => v1(`/rounds/${ids.openRound}/my-response`), { note: 'only those asked to answer' }),
	get('/rounds/{roundId}/report', AGGREGATE, {}, (ids) => v1(`/rounds/${ids.closedRound}/report`)),
	get('/rounds/{roundId}/report', [...CITY_WIDE, 'foljeforskare'], { note: 'another förvaltning' }, (ids) => v1(`/rounds/${ids.closedRound}/report?unit=${ids.otherForvaltning}`)),
	get('/rounds/{roundId}/team', NAMED, {}, (ids) => v1(`/rounds/${ids.closedRound}/team`)),
	change('POST', '/rounds/{roundId}/open', ADMIN, { refused: {}, allowed: 'skip' }, (ids) => v1(`/rounds/${ids.openRound}/open`)),
	change('POST', '/rounds/{roundId}/close', ADMIN, { refused: {}, allowed: 'skip' }, (ids) => v1(`/rounds/${ids.openRound}/close`)),
	change('POST', '/rounds/{roundId}/reminders', ADMIN, { refused: {}, allowed: 'skip' }, (ids) => v1(`/rounds/${ids.openRound}/reminders`)),
	change('POST', '/rounds/{roundId}/team/reminders', NAMED, { refused: {}, allowed: { message: 'x' } }, (ids) => v1(`/rounds/${ids.openRound}/team/reminders`), { note: 'the nearest manager; a text too short sends nothing' }),
	get('/action-plans', EVERYONE),
	change('POST', '/action-plans', NAMED, { refused: { personId: '{sara}', followUpOn: '2099-01-01' }, allowed: { personId: '{sara}', followUpOn: '2000-01-01' } }, () => v1('/action-plans'), { note: 'offer to someone in one’s own unit' }),
	get('/action-plans/{planId}', ['enhetschef'], {}, (ids) => v1(`/action-plans/${ids.plan}`)),
	change('PUT', '/action-plans/{planId}', ['enhetschef'], { refused: { status: 'active', followUpOn: '2099-01-01', goals: 'x', measures: 'x' }, allowed: { status: 'nonsense' } }, (ids) => v1(`/action-plans/${ids.plan}`)),
	change('POST', '/action-plans/{planId}/notes', ['enhetschef'], { refused: { body: 'Från genomgången av behörigheter.' }, allowed: { body: '' } }, (ids) => v1(`/action-plans/${ids.plan}/notes`)),
	change('POST', '/people/{personId}/roles', ADMIN, { refused: { role: 'researcher', unitId: '{norrvik}' }, allowed: { role: 'nonsense' } }, (ids) => v1(`/people/${ids.person}/roles`)),
	change('DELETE', '/people/{personId}/roles/{assignmentId}', ADMIN, { refused: {}, allowed: 'skip' }, (ids) => v1(`/people/${ids.person}/roles/00000000-0000-4000-8000-000000000000`), { note: 'ending a role: tested in roles.e2e' }),
	get('/research/texts', ['foljeforskare']),
	change('POST', '/research/codes', ['foljeforskare'], { refused: { name: 'Behörighetsprov' }, allowed: { name: '' } }, () => v1('/research/codes')),
	change('PUT', '/research/codings', ['foljeforskare'], { refused: { roundId: '{closedRound}', statement: 'situation', textHash: 'a'.repeat(64) }, allowed: { statement: 'x' } }, () => v1('/research/codings')),
	get('/group-plans', EVERYONE, { note: 'the plans one may read; none for some' }),
	change('POST', '/group-plans', NAMED, { refused: { unitId: '{groupPlanUnit}', roundId: '{closedRound}', followUpOn: '2099-01-01' }, allowed: { unitId: '{groupPlanUnit}', roundId: '{closedRound}', followUpOn: 'x' } }, () => v1('/group-plans'), { note: 'refused unless one leads the group' }),
	get('/group-plans/{planId}', GROUP_PLAN_READERS, {}, (ids) => v1(`/group-plans/${ids.groupPlan}`)),
	change('POST', '/group-plans/{planId}/actions', ['enhetschef'], { refused: { title: 'Från genomgången av behörigheter.', dueOn: '2099-01-01' }, allowed: { title: '' } }, (ids) => v1(`/group-plans/${ids.groupPlan}/actions`)),
	change('PUT', '/group-plans/{planId}/actions/{actionId}', ['enhetschef', 'socialsekreterare'], { refused: { done: true }, allowed: { done: 'maybe' } }, (ids) => v1(`/group-plans/${ids.groupPlan}/actions/${ids.groupPlanAction}`), { note: 'the manager, or the member who owns the action' }),
	change('POST', '/group-plans/{planId}/comments', GROUP_PLAN_MEMBERS, { refused: { body: 'Från genomgången av behörigheter.' }, allowed: { body: '' } }, (ids) => v1(`/group-plans/${ids.groupPlan}/comments`)),
	change('POST', '/group-plans/{planId}/follow-up', ['enhetschef'], { refused: { outcome: 'partly' }, allowed: { outcome: 'maybe' } }, (ids) => v1(`/group-plans/${ids.groupPlan}/follow-up`)),
	get('/plan/areas', EVERYONE),
	change('POST', '/plan/areas', ADMIN, { refused: { title: 'Behörighetsprov' }, allowed: { title: '' } }, () => v1('/plan/areas')),
	get('/plan/matrix', CITY_WIDE),
	get('/plan/individual-counts', AGGREGATE),
	get('/plan/{forvaltningId}', READS_NORRVIK_PLAN, {}, (ids) => v1(`/plan/${ids.norrvik}`)),
	get('/plan/{forvaltningId}', [...CITY_WIDE, 'foljeforskare'], { note: 'another förvaltning' }, (ids) => v1(`/plan/${ids.otherForvaltning}`)),
	get('/plan/{forvaltningId}/{areaId}', READS_NORRVIK_PLAN, {}, (ids) => v1(`/plan/${ids.norrvik}/${ids.area}`)),
	change('PUT', '/plan/{forvaltningId}/{areaId}', ['styrgrupp'], { refused: { status: 'under_analysis', assessment: '' }, allowed: { status: 'nonsense' } }, (ids) => v1(`/plan/${ids.norrvik}/${ids.area}`), { note: 'the lokal styrgrupp of that förvaltning changes its plan; others who read it are refused' }),
	change('POST', '/plan/{forvaltningId}/{areaId}/subgoals', ['styrgrupp'], { refused: { title: 'Behörighetsprov', targetDate: '2099-01-01' }, allowed: { title: '' } }, (ids) => v1(`/plan/${ids.norrvik}/${ids.area}/subgoals`)),
	change('POST', '/plan/{forvaltningId}/suggestions', SUGGESTS_IN_NORRVIK, { refused: { body: 'Behörighetsprov' }, allowed: { body: '' } }, (ids) => v1(`/plan/${ids.norrvik}/suggestions`)),
	get('/incidents/statistics', AGGREGATE),
	get('/incidents', EVERYONE),
	change('POST', '/incidents', EVERYONE, { refused: {}, allowed: {} }, () => v1('/incidents'), { note: 'everyone reports for themselves; an empty report is refused as invalid' }),
	get('/incidents/{incidentId}', ['enhetschef'], {}, (ids) => v1(`/incidents/${ids.incident}`)),
	change('PUT', '/incidents/{incidentId}/support', [], { refused: { supportEnough: 'yes' }, allowed: 'skip' }, (ids) => v1(`/incidents/${ids.incident}/support`), {
		note: 'only the employee it happened to (no demo login); her manager reads it but may not answer for her'
	}),
	get('/indicators', AGGREGATE),
	get('/indicators/{key}', AGGREGATE, {}, (ids) => v1(`/indicators/${ids.indicator}`)),
	change('PUT', '/indicators/entries', ENTERS_INDICATORS, { refused: { unit: '{norrvik}', period: 'T2 2025', entries: [] }, allowed: {} }, () => v1('/indicators/entries')),
	get('/import', ADMIN),
	change('POST', '/import', ADMIN, { refused: { rows: [{ Anställningsnummer: 'X-1', Namn: 'X', 'E-post': 'x@behorighet.invalid', Förvaltning: 'Behörighetsförvaltningen', Yrkestitel: 'Övrig' }], scope: 'listed', dryRun: true }, allowed: {} }, () => v1('/import')),
	get('/import/{importId}', ADMIN, {}, (ids) => v1(`/import/${ids.importPreview}`)),
	change('POST', '/import/{importId}/apply', ADMIN, { refused: { fingerprint: '0'.repeat(32) }, allowed: {} }, (ids) => v1(`/import/${ids.importPreview}/apply`)),
	get('/audit', ADMIN),
	get('/people', ADMIN, {}, () => v1('/people?q=Amina')),
	get('/people/{personId}/extract', ADMIN, {}, (ids) => v1(`/people/${ids.person}/extract`)),
	get('/people/retention', ADMIN),
	change('POST', '/people/retention', ADMIN, { refused: {}, allowed: 'skip' }, () => v1('/people/retention'), { note: 'no RETENTION_YEARS in the demo, but not run here anyway' })
];

// --- The routes that exist ----------------------------------------------------------------------

const routesRoot = path.resolve(import.meta.dirname, '../../src/routes');

/** Every page and every endpoint method, as the table names them. */
function existingRoutes(dir = routesRoot): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...existingRoutes(full));
		else {
			const route = '/' + path.relative(routesRoot, dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join('/');
			const clean = route === '/.' || route === '/' ? '/' : route;
			if (entry.name === '+page.svelte') out.push(clean);
			if (entry.name === '+page.server.ts') out.push(...formActions(readFileSync(full, 'utf8')).map((name) => `ACTION ${clean}${name === 'default' ? '' : `?/${name}`}`));
			if (entry.name === '+server.ts') {
				const methods = [...readFileSync(full, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
				if (clean.startsWith('/api/v1/')) for (const m of methods) out.push(`API ${m} ${clean.slice('/api/v1'.length).replace(/\[([^\]]+)\]/g, '{$1}')}`);
				else out.push(clean);
			}
		}
	}
	return out.sort();
}

/** The names of a page's form actions: the keys of `export const actions`, one tab in. */
function formActions(source: string): string[] {
	const start = source.indexOf('export const actions');
	if (start < 0) return [];
	const block = source.slice(start, source.indexOf('\n};', start));
	return [...block.matchAll(/^\t(\w+): /gm)].map((m) => m[1]);
}

// --- The walk ---------------------------------------------------------------------------------------

describe('every page and API route, as every role, against the access table', () => {
	const tokens = {} as Record<Role, string>;
	let ids: Ids;

	const html = async (token: string, p: string) => (await fetch(baseURL() + p, { headers: { cookie: `lagesbild_session=${token}` } })).text();
	const uuids = (text: string, prefix: string) => [...new Set([...text.matchAll(new RegExp(`${prefix}/([0-9a-f-]{36})`, 'g'))].map((m) => m[1]))];

	beforeAll(async () => {
		for (const role of ROLES) tokens[role] = await apiLogin(demo[role]);
		const rounds = (await api(tokens.admin, '/rounds')).body.rounds as { id: string; status: string; opensAt: string }[];
		const closed = rounds.filter((r) => r.status === 'closed').sort((a, b) => b.opensAt.localeCompare(a.opensAt));
		const units = (await api(tokens.central, '/org-units')).body.orgUnits as { id: string; parentId: string | null; kind: string; name: string }[];
		const avdelning = (await api(tokens.avdelningschef, '/org-units')).body.orgUnits.find((u: { kind: string }) => u.kind === 'avdelning').id as string;
		const norrvik = units.find((u) => u.id === avdelning)!.parentId!;
		// The demo chain's own plan, and an incident in the enhet that is neither the arbetsgrupp's nor a demo handläggare's.
		const ownPlans = new Set([...(await api(tokens.socialsekreterare, '/action-plans')).body.own, ...(await api(tokens.bistandshandlaggare, '/action-plans')).body.own].map((p: { id: string }) => p.id));
		const plan = (await api(tokens.enhetschef, '/action-plans')).body.managed.map((p: { id: string }) => p.id).find((id: string) => !ownPlans.has(id));
		const elsewhere = new Set([...uuids(await html(tokens.deputy, '/incidents'), '/incidents'), ...uuids(await html(tokens.socialsekreterare, '/incidents'), '/incidents'), ...uuids(await html(tokens.bistandshandlaggare, '/incidents'), '/incidents')]);
		const incident = uuids(await html(tokens.enhetschef, '/incidents'), '/incidents').find((id) => !elsewhere.has(id));
		const preview = await api(tokens.admin, '/import', {
			method: 'POST',
			body: JSON.stringify({ dryRun: true, scope: 'listed', rows: [{ Anställningsnummer: 'W-1', Namn: 'Walter Walk', 'E-post': 'walter.walk@behorighet.invalid', Förvaltning: 'Behörighetsförvaltningen', Yrkestitel: 'Övrig' }] })
		});
		expect(preview.status).toBe(200);
		const person = (await api(tokens.admin, `/people?q=${encodeURIComponent(demo.bistandshandlaggare)}`)).body.people[0].id;
		const sara = (await api(tokens.admin, `/people?q=${encodeURIComponent(demo.socialsekreterare)}`)).body.people[0].id;
		const [groupPlan] = uuids(await html(tokens.enhetschef, '/action-plans'), '/group-plans');
		const groupPlanAction = (await html(tokens.enhetschef, `/group-plans/${groupPlan}`)).match(/name="actionId" value="([0-9a-f-]{36})"/)?.[1];
		const checklists = (await api(tokens.socialsekreterare, '/my-checklists')).body;
		ids = {
			openRound: rounds.find((r) => r.status === 'open')!.id,
			closedRound: closed[0].id,
			norrvik,
			otherForvaltning: units.find((u) => u.kind === 'forvaltning' && u.id !== norrvik)!.id,
			avdelning,
			otherAvdelning: units.find((u) => u.kind === 'avdelning' && u.parentId === norrvik && u.id !== avdelning)!.id,
			area: (await api(tokens.admin, '/plan/areas')).body[0].id,
			indicator: (await api(tokens.admin, '/indicators')).body.indicators[0].key,
			plan,
			incident: incident!,
			person,
			sara,
			importPreview: preview.body.importId,
			groupPlan: groupPlan!,
			groupPlanAction: groupPlanAction!,
			groupPlanUnit: units.find((u) => u.name === 'Utredningsenheten barn och unga')!.id,
			checklist: checklists.checklists[0]?.id,
			checklistEnhet: checklists.enhet.id,
			introduction: ((await api(tokens.enhetschef, '/introductions')).body.introductions as { id: string; person: { name: string } }[]).find((i) => i.person.name === 'Elin Sandberg')!.id
		};
		for (const [key, value] of Object.entries(ids)) expect(value, `the walk needs ${key} from the demo data`).toBeTruthy();
	});

	it('the table describes every page and API route that exists, and nothing that does not', () => {
		const described = new Set(table.map((e) => e.route));
		const existing = existingRoutes();
		expect(existing.filter((r) => !described.has(r)), 'routes missing from the access table in access-walk.e2e.test.ts').toEqual([]);
		expect([...described].filter((r) => !existing.includes(r)), 'described but gone').toEqual([]);
	});

	/** `{sara}`, `{groupPlanAction}` … in a body: the walk's ids; `{uuid}`: an id of nothing. */
	const fillId = (key: string): string => (key === 'uuid' ? '00000000-0000-4000-8000-000000000000' : ids[key as keyof Ids]);

	const send = async (entry: Entry, who: Who) => {
		const method = entry.route.startsWith('API ') ? entry.route.split(' ')[1] : 'GET';
		const headers: Record<string, string> = {};
		if (who !== 'anonymous') {
			if (entry.route.startsWith('API ')) headers.authorization = `Bearer ${tokens[who]}`;
			else headers.cookie = `lagesbild_session=${tokens[who]}`;
		}
		if (entry.form) return sendForm(entry, who, headers);
		let body: string | undefined;
		if (entry.body) {
			const allowed = entry.public || (who !== 'anonymous' && entry.allowed.includes(who));
			const chosen = allowed ? entry.body.allowed : entry.body.refused;
			if (chosen === 'skip') return null;
			body = JSON.stringify(chosen).replace(/"\{(\w+)\}"/g, (_, key: string) => JSON.stringify(fillId(key)));
			headers['content-type'] = 'application/json';
		}
		const res = await fetch(baseURL() + entry.path(ids), { method, headers, body, redirect: 'manual' });
		return { status: res.status, location: res.headers.get('location') };
	};

	/**
	 * A form action posted as an enhanced form is (JSON answer), so that the action's own answer is
	 * seen rather than the page's load after it: the status of a failure or an error, or a redirect.
	 */
	const sendForm = async (entry: Entry, who: Who, headers: Record<string, string>) => {
		const allowed = entry.public || (who !== 'anonymous' && entry.allowed.includes(who));
		if (allowed) return null;
		const form = new FormData();
		for (const [key, value] of Object.entries(entry.form!.fields)) form.set(key, value.replace(/\{(\w+)\}/g, (_, id: string) => fillId(id)));
		if (entry.form!.file) form.set('file', new File([entry.form!.file.content], entry.form!.file.name, { type: 'text/csv' }));
		const res = await fetch(baseURL() + entry.path(ids), {
			method: 'POST',
			headers: { ...headers, accept: 'application/json', origin: baseURL(), 'x-sveltekit-action': 'true' },
			body: form,
			redirect: 'manual'
		});
		const text = await res.text();
		let result: { type?: string; status?: number; location?: string } = {};
		try {
			result = JSON.parse(text);
		} catch {
			// not an action answer (e.g. the hooks' redirect to the login page)
		}
		if (result.type === 'redirect') return { status: 303, location: result.location ?? null };
		if (result.type === 'failure' || result.type === 'success') return { status: result.status ?? res.status, location: null };
		return { status: res.status, location: res.headers.get('location') };
	};

	for (const who of ['anonymous', ...ROLES] as Who[]) {
		it(`as ${who === 'anonymous' ? 'someone not logged in' : who}: every answer is the one in the table`, async () => {
			const wrong: string[] = [];
			for (const entry of table) {
				const result = await send(entry, who);
				if (!result) continue;
				const label = `${entry.route} ${entry.path(ids).replace(baseURL(), '')}`;
				const isApi = entry.route.startsWith('API ');
				if (entry.form && who !== 'anonymous' && !entry.allowed.includes(who) && result.status !== 404) {
					wrong.push(`${label}: form action not allowed, expected 404, got ${result.status}`);
				} else if (entry.form) {
					if (who === 'anonymous' && !(result.status === 303 && (result.location ?? '').startsWith('/login?next='))) wrong.push(`${label}: not logged in, got ${result.status} ${result.location ?? ''}`);
				} else if (entry.public || (who !== 'anonymous' && entry.allowed.includes(who))) {
					const expected = entry.body && !entry.public ? 400 : null;
					if (expected !== null ? result.status !== expected : result.status >= 400) wrong.push(`${label}: allowed, got ${result.status}${expected ? ` (expected ${expected} for an invalid body)` : ''}`);
				} else if (who === 'anonymous') {
					const ok = isApi ? result.status === 401 : result.status === 303 && (result.location ?? '').startsWith('/login?next=');
					if (!ok) wrong.push(`${label}: not logged in, got ${result.status} ${result.location ?? ''}`);
				} else {
					if (result.status !== 404) wrong.push(`${label}: not allowed, expected 404, got ${result.status}`);
				}
			}
			expect(wrong).toEqual([]);
		}, 180_000);
	}

	it('the team view shows a plan only to the manager who may open it (decision 0003)', async () => {
		// The biträdande enhetschef offers a plan to someone in her arbetsgrupp (not a demo login).
		const own = (await api(tokens.deputy, `/rounds/${ids.closedRound}/team`)).body.members as { personId: string; name: string }[];
		const employee = own.find((m) => m.personId !== ids.sara && m.personId !== ids.person)!;
		const offered = await api(tokens.deputy, '/action-plans', { method: 'POST', body: JSON.stringify({ personId: employee.personId, followUpOn: '2099-01-01' }) });
		expect(offered.status).toBe(201);
		const planId = offered.body.id ?? offered.body.plan?.id;
		expect(planId).toBeTruthy();
		const planIn = async (who: Role) =>
			((await api(tokens[who], `/rounds/${ids.closedRound}/team`)).body.members as { personId: string; planId: string | null }[]).find((m) => m.personId === employee.personId)!.planId;
		expect(await planIn('deputy')).toBe(planId);
		// The enhetschef is that person's manager too, but the plan is not hers: not shown, and not found.
		expect(await planIn('enhetschef')).not.toBe(planId);
		expect((await api(tokens.enhetschef, `/action-plans/${planId}`)).status).toBe(404);
		// Whatever plan each manager is shown, they may open.
		for (const who of NAMED) {
			const members = (await api(tokens[who], `/rounds/${ids.closedRound}/team`)).body.members as { planId: string | null }[];
			for (const m of members.filter((x) => x.planId)) expect((await api(tokens[who], `/action-plans/${m.planId}`)).status, `${who}: plan ${m.planId}`).toBe(200);
		}
	});

	it('logging in and out through the API: anyone may try, a wrong password is 401, logging out ends the session', async () => {
		const bad = await fetch(`${baseURL()}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo.central, password: 'fel' }) });
		expect(bad.status).toBe(401);
		const token = await apiLogin(demo.central);
		expect((await api(token, '/session', { method: 'DELETE' })).status).toBe(204);
		expect((await api(token, '/my-history')).status).toBe(401);
		expect((await api(null, '/session', { method: 'DELETE' })).status).toBe(401);
	});

	it('a cookie-authenticated change through the API must come from Lägesbild itself (CSRF)', async () => {
		const cookie = `lagesbild_session=${tokens.admin}`;
		const body = JSON.stringify({});
		const from = (origin: string | null) => fetch(`${baseURL()}/api/v1/rounds`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body });
		const foreign = await from('https://evil.example');
		expect(foreign.status).toBe(403);
		expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('forbidden');
		expect((await from(null)).status, 'no Origin at all').toBe(403);
		expect((await from(baseURL())).status, 'our own origin: on to validation').toBe(400);
		const bearer = await fetch(`${baseURL()}/api/v1/rounds`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json', origin: 'https://evil.example' }, body });
		expect(bearer.status, 'a bearer token cannot be sent by another site').toBe(400);
	});
});
