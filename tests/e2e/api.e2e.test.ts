/**
 * The JSON API under /api/v1 against the built app: login and logout, authentication on every
 * route, the caller's own answer, the anonymity and access rules of the report, the team view,
 * the org tree, and the OpenAPI document, checked against the route files so it cannot drift.
 *
 * Shared demo state: the open round is only answered as the biståndshandläggare; the one round
 * this file creates is a draft (never opened) dated before every demo round.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, baseURL, demo, DEMO_PASSWORD } from './support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface RoundJson {
	id: string;
	kind: string;
	year: number;
	name: string;
	status: 'draft' | 'open' | 'closed';
	opensAt: string;
	closesAt: string;
	units: { id: string; name: string }[];
}

interface UnitJson {
	id: string;
	parentId: string | null;
	kind: string;
	name: string;
	activityArea: string | null;
}

const GENERIC_LOGIN_ERROR = 'Fel e-postadress eller lösenord.';

async function postSession(body: unknown) {
	const res = await fetch(`${baseURL()}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: res.status, body: (await res.json()) as Json };
}

/** A complete, valid answer. */
const answer = (overrides: Record<string, unknown> = {}) => ({
	caseCount: 97,
	situationScore: 4,
	situationComment: 'API-test: rimlig arbetsbelastning.',
	qualityScore: 5,
	qualityComment: null,
	recommendScore: 3,
	recommendComment: null,
	positiveText: 'API-test: bra kollegor.',
	...overrides
});

describe('the JSON API /api/v1', () => {
	const tokens: Record<keyof typeof demo, string> = {} as Record<keyof typeof demo, string>;
	let allRounds: RoundJson[];
	let openRound: RoundJson;
	let closedRounds: RoundJson[];
	let latestClosed: RoundJson;

	beforeAll(async () => {
		for (const who of ['bistandshandlaggare', 'enhetschef', 'avdelningschef', 'central', 'admin'] as const) tokens[who] = await apiLogin(demo[who]);
		const res = await api(tokens.admin, '/rounds');
		expect(res.status).toBe(200);
		allRounds = res.body.rounds;
		openRound = allRounds.find((r) => r.status === 'open' && r.kind === 'VB')!;
		closedRounds = allRounds.filter((r) => r.status === 'closed' && /^(T2|VB) 20(1[6-9])$/.test(r.name));
		expect(openRound, 'the demo open round').toBeDefined();
		expect(closedRounds.map((r) => r.name).sort()).toEqual(['T2 2017', 'T2 2018', 'T2 2019', 'VB 2016', 'VB 2017', 'VB 2018']);
		latestClosed = closedRounds.find((r) => r.name === 'T2 2019')!;
	});

	describe('POST /session', () => {
		it('logs in with a good password: 201 and a token that works as a bearer token', async () => {
			const res = await postSession({ email: demo.styrgrupp, password: DEMO_PASSWORD });
			expect(res.status).toBe(201);
			expect(typeof res.body.token).toBe('string');
			expect(res.body.token.length).toBeGreaterThanOrEqual(20);
			const rounds = await api(res.body.token, '/rounds');
			expect(rounds.status).toBe(200);
		});

		it('the e-mail address is trimmed and case-insensitive', async () => {
			const res = await postSession({ email: `  ${demo.styrgrupp.toUpperCase()} `, password: DEMO_PASSWORD });
			expect(res.status).toBe(201);
		});

		it('a wrong password and an unknown account get the same generic 401', async () => {
			const wrong = await postSession({ email: demo.styrgrupp, password: 'fel-lösenord' });
			const unknown = await postSession({ email: 'finns.inte@exempelstad.se', password: 'fel-lösenord' });
			expect(wrong.status).toBe(401);
			expect(unknown.status).toBe(401);
			expect(wrong.body).toEqual({ error: { code: 'unauthenticated', message: GENERIC_LOGIN_ERROR, fields: {} } });
			// Nothing in the answer tells the two apart.
			expect(unknown.body).toEqual(wrong.body);
			expect(JSON.stringify(wrong.body)).not.toContain(demo.styrgrupp);
		});

		it('missing fields get 400 with a Swedish message per field', async () => {
			const res = await postSession({});
			expect(res.status).toBe(400);
			expect(res.body.error.code).toBe('invalid');
			expect(res.body.error.message).toBe('2 fält behöver rättas.');
			expect(res.body.error.fields).toEqual({ email: 'Fyll i din e-postadress.', password: 'Fyll i ditt lösenord.' });

			const onlyEmail = await postSession({ email: demo.styrgrupp, password: '' });
			expect(onlyEmail.status).toBe(400);
			expect(onlyEmail.body.error.fields).toEqual({ password: 'Fyll i ditt lösenord.' });
		});

		it('a body that is not JSON: 400 "Ogiltig JSON", not a server error and not a list of empty fields (issue 12)', async () => {
			const res = await fetch(`${baseURL()}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
			expect(res.status).toBe(400);
			const body = (await res.json()) as Json;
			expect(body.error.code).toBe('invalid');
			expect(body.error.message).toMatch(/^Ogiltig JSON/);
		});

		it('an empty body: 400 naming the fields to fill in', async () => {
			const res = await fetch(`${baseURL()}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
			expect(res.status).toBe(400);
			expect(((await res.json()) as Json).error.fields.email).toBe('Fyll i din e-postadress.');
		});
	});

	describe('authentication', () => {
		it('no token: 401 with a Swedish message on every protected route', async () => {
			for (const pathname of ['/rounds', '/org-units', `/rounds/${latestClosed.id}/report`, `/rounds/${openRound.id}/my-response`, `/rounds/${latestClosed.id}/team`]) {
				const res = await api(null, pathname);
				expect(res.status, pathname).toBe(401);
				expect(res.body.error.code, pathname).toBe('unauthenticated');
				expect(res.body.error.message, pathname).toMatch(/logga in/);
			}
		});

		it('a garbage or empty bearer token: 401', async () => {
			for (const token of ['garbage', 'x'.repeat(64), '00000000-0000-0000-0000-000000000000']) {
				for (const pathname of ['/rounds', '/org-units', `/rounds/${latestClosed.id}/report`]) {
					const res = await api(token, pathname);
					expect(res.status, `${token} ${pathname}`).toBe(401);
					expect(res.body.error.code).toBe('unauthenticated');
				}
			}
			const empty = await fetch(`${baseURL()}/api/v1/rounds`, { headers: { authorization: 'Bearer ' } });
			expect(empty.status).toBe(401);
		});
	});

	describe('GET /rounds', () => {
		let draftId: string;

		beforeAll(async () => {
			// A draft, dated before every demo round and never opened, so no other view changes.
			const created = await api(tokens.admin, '/rounds', {
				method: 'POST',
				body: JSON.stringify({ kind: 'custom', year: 2015, name: `API-test utkast ${Date.now()}`, opensAt: '2015-03-02', closesAt: '2015-03-20', unitIds: [openRound.units[0].id] })
			});
			expect(created.status).toBe(201);
			draftId = created.body.id;
		});

		it('a caseworker sees the open and closed rounds, never a draft', async () => {
			const res = await api(tokens.bistandshandlaggare, '/rounds');
			expect(res.status).toBe(200);
			const rounds: RoundJson[] = res.body.rounds;
			const ids = rounds.map((r) => r.id);
			expect(ids).toContain(openRound.id);
			for (const r of closedRounds) expect(ids).toContain(r.id);
			expect(ids).not.toContain(draftId);
			expect(rounds.every((r) => r.status !== 'draft')).toBe(true);
			const open = rounds.find((r) => r.id === openRound.id)!;
			expect(open).toMatchObject({ status: 'open', kind: 'VB' });
			expect(open.units.length).toBeGreaterThan(0);
			// Only the presented fields, no internal columns.
			expect(Object.keys(open).sort()).toEqual(['closesAt', 'id', 'kind', 'name', 'opensAt', 'status', 'units', 'year']);
		});

		it('the administrator sees the draft', async () => {
			const res = await api(tokens.admin, '/rounds');
			const draft = (res.body.rounds as RoundJson[]).find((r) => r.id === draftId);
			expect(draft).toMatchObject({ status: 'draft', kind: 'custom', year: 2015 });
		});

		it('a draft is "not found" for a caseworker', async () => {
			const res = await api(tokens.bistandshandlaggare, `/rounds/${draftId}/my-response`);
			expect(res.status).toBe(404);
			expect(res.body.error.code).toBe('not_found');
		});

		it('only an administrator may create a round: 404 for a caseworker, 400 with Swedish field messages for bad input', async () => {
			const forbidden = await api(tokens.bistandshandlaggare, '/rounds', {
				method: 'POST',
				body: JSON.stringify({ kind: 'T1', year: 2030, opensAt: '2030-01-10', closesAt: '2030-01-30', unitIds: [openRound.units[0].id] })
			});
			expect(forbidden.status).toBe(404);
			expect(forbidden.body.error.code).toBe('not_found');

			const bad = await api(tokens.admin, '/rounds', { method: 'POST', body: JSON.stringify({ kind: 'T9', year: 1999, opensAt: '', closesAt: '', unitIds: [] }) });
			expect(bad.status).toBe(400);
			expect(bad.body.error.fields).toMatchObject({
				kind: 'Välj typ av mätomgång.',
				year: 'Året ska vara 2015 eller senare.',
				opensAt: 'Fyll i när mätomgången öppnar.',
				closesAt: 'Fyll i när mätomgången stänger.',
				unitIds: 'Välj minst en förvaltning som deltar.'
			});
			const after = await api(tokens.admin, '/rounds');
			expect(after.body.rounds.length).toBe(allRounds.length + 1); // only the draft above
		});
	});

	describe('GET|PUT /rounds/{id}/my-response (biståndshandläggare)', () => {
		let respondentsBefore: number;

		/** How many in her enhet have answered the open round, as the central styrgrupp sees it. */
		async function respondentsInHerEnhet(): Promise<number> {
			const units: UnitJson[] = (await api(tokens.central, '/org-units')).body.orgUnits;
			// Every förvaltning has an enhet of that name; hers is in the demo förvaltning.
			const byId = new Map(units.map((u) => [u.id, u]));
			const inDemoForvaltning = (u: UnitJson | undefined): boolean =>
				!!u && (u.name === 'Norrviks stadsdelsförvaltning' || inDemoForvaltning(u.parentId ? byId.get(u.parentId) : undefined));
			const enhet = units.find((u) => u.name === 'Biståndsenheten äldre norr' && inDemoForvaltning(u))!;
			expect(enhet).toBeDefined();
			const res = await api(tokens.central, `/rounds/${openRound.id}/report?unit=${enhet.id}`);
			expect(res.status).toBe(200);
			expect(res.body.progress, 'the enhet is large enough to show progress').not.toBeNull();
			return res.body.progress.respondents;
		}

		beforeAll(async () => {
			respondentsBefore = await respondentsInHerEnhet();
		});

		it('has no answer yet, and takes part', async () => {
			const res = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`);
			expect(res.status).toBe(200);
			expect(res.body).toEqual({ participates: true, response: null });
		});

		it('bad input: 400 naming each field in Swedish, and nothing is saved', async () => {
			const res = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`, {
				method: 'PUT',
				body: JSON.stringify({ caseCount: -1, situationScore: 7, qualityScore: 3 }) // recommendScore missing
			});
			expect(res.status).toBe(400);
			expect(res.body.error.code).toBe('invalid');
			expect(res.body.error.message).toBe('3 fält behöver rättas.');
			expect(res.body.error.fields).toEqual({
				caseCount: 'Antal ärenden kan inte vara negativt.',
				situationScore: 'Välj ett svar mellan 1 och 6 för "Jag har en bra arbetssituation.".',
				recommendScore: 'Välj ett svar mellan 1 och 6 för "Jag kan rekommendera min arbetsplats till andra.".'
			});

			const notNumbers = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`, {
				method: 'PUT',
				body: JSON.stringify(answer({ caseCount: 'många', qualityScore: 2.5, positiveText: 'x'.repeat(2001) }))
			});
			expect(notNumbers.status).toBe(400);
			expect(Object.keys(notNumbers.body.error.fields).sort()).toEqual(['caseCount', 'positiveText', 'qualityScore']);
			expect(notNumbers.body.error.fields.positiveText).toBe('Texten får vara högst 2000 tecken.');

			const after = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`);
			expect(after.body).toEqual({ participates: true, response: null });
			expect(await respondentsInHerEnhet()).toBe(respondentsBefore);
		});

		it('a valid answer is saved: 200 with the answer', async () => {
			const res = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`, { method: 'PUT', body: JSON.stringify(answer()) });
			expect(res.status).toBe(200);
			expect(res.body.response).toMatchObject({ roundId: openRound.id, ...answer() });
			// Never the internal columns (who, which unit).
			expect(res.body.response).not.toHaveProperty('personId');
			expect(res.body.response).not.toHaveProperty('orgUnitId');
			const got = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`);
			expect(got.body.response).toMatchObject(answer());
			expect(await respondentsInHerEnhet()).toBe(respondentsBefore + 1);
		});

		it('a changed answer replaces the first one (one answer, updated)', async () => {
			const before = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`);
			const changed = answer({ caseCount: 104, situationScore: 2, situationComment: '  API-test: fler ärenden nu.  ', positiveText: '' });
			const res = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`, { method: 'PUT', body: JSON.stringify(changed) });
			expect(res.status).toBe(200);
			const got = await api(tokens.bistandshandlaggare, `/rounds/${openRound.id}/my-response`);
			expect(got.body.participates).toBe(true);
			expect(got.body.response).toMatchObject({ caseCount: 104, situationScore: 2, situationComment: 'API-test: fler ärenden nu.', qualityScore: 5, positiveText: null });
			expect(new Date(got.body.response.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(before.body.response.updatedAt).getTime());

			// One answer, updated in place: her enhet has exactly one more respondent than before.
			expect(await respondentsInHerEnhet()).toBe(respondentsBefore + 1);
		});

		it('a closed round cannot be answered: 409 with a Swedish message', async () => {
			const res = await api(tokens.bistandshandlaggare, `/rounds/${latestClosed.id}/my-response`, { method: 'PUT', body: JSON.stringify(answer()) });
			expect(res.status).toBe(409);
			expect(res.body.error.code).toBe('conflict');
			expect(res.body.error.message).toBe('Mätomgången är stängd. Svar kan inte längre lämnas eller ändras.');
		});

		it('an unknown round or a malformed id: 404', async () => {
			for (const id of ['00000000-0000-4000-8000-000000000000', 'inte-ett-id']) {
				const res = await api(tokens.bistandshandlaggare, `/rounds/${id}/my-response`);
				expect(res.status, id).toBe(404);
				expect(res.body.error.message).toContain('finns inte');
			}
		});

		it('a manager is not asked to answer: participates false, and a PUT is refused', async () => {
			const got = await api(tokens.enhetschef, `/rounds/${openRound.id}/my-response`);
			expect(got.status).toBe(200);
			expect(got.body).toEqual({ participates: false, response: null });
			const put = await api(tokens.enhetschef, `/rounds/${openRound.id}/my-response`, { method: 'PUT', body: JSON.stringify(answer()) });
			expect(put.status).toBe(404);
			expect(put.body.error.message).toContain('Du ingår inte i den här mätomgången.');
		});
	});

	describe('GET /org-units', () => {
		let centralUnits: UnitJson[];
		let avdelningUnits: UnitJson[];

		beforeAll(async () => {
			centralUnits = (await api(tokens.central, '/org-units')).body.orgUnits;
			avdelningUnits = (await api(tokens.avdelningschef, '/org-units')).body.orgUnits;
		});

		it('a caseworker sees no units', async () => {
			const res = await api(tokens.bistandshandlaggare, '/org-units');
			expect(res.status).toBe(200);
			expect(res.body).toEqual({ orgUnits: [] });
		});

		it('the central styrgrupp sees the whole organisation', async () => {
			expect(centralUnits.filter((u) => u.kind === 'forvaltning').length).toBeGreaterThanOrEqual(2);
			expect(centralUnits.filter((u) => u.kind === 'avdelning').length).toBeGreaterThan(1);
		});

		it('the avdelningschef sees only their avdelning and what lies below it', async () => {
			expect(avdelningUnits.length).toBeGreaterThan(1);
			expect(avdelningUnits.length).toBeLessThan(centralUnits.length);
			const roots = avdelningUnits.filter((u) => u.kind === 'avdelning');
			expect(roots).toHaveLength(1);
			const [avdelning] = roots;
			expect(avdelning.name).toBe('Avdelningen för barn och unga');
			expect(avdelningUnits.some((u) => ['forvaltning', 'kommun'].includes(u.kind))).toBe(false);
			// Every unit reaches the avdelning through its parents, all within the list.
			const byId = new Map(avdelningUnits.map((u) => [u.id, u]));
			for (const unit of avdelningUnits) {
				let u: UnitJson | undefined = unit;
				while (u && u.id !== avdelning.id) u = u.parentId ? byId.get(u.parentId) : undefined;
				expect(u?.id, `${unit.name} lies under the avdelning`).toBe(avdelning.id);
			}
			expect(avdelningUnits.map((u) => u.name)).toContain('Familjerättsenheten');
			expect(Object.keys(avdelning).sort()).toEqual(['activityArea', 'id', 'kind', 'name', 'parentId']);
		});
	});

	describe('GET /rounds/{id}/report', () => {
		type Cell = Json;
		let avdelningUnits: UnitJson[];
		let centralUnits: UnitJson[];

		beforeAll(async () => {
			avdelningUnits = (await api(tokens.avdelningschef, '/org-units')).body.orgUnits;
			centralUnits = (await api(tokens.central, '/org-units')).body.orgUnits;
		});

		it('the avdelningschef gets the avdelning and its enheter; the tiny enhet is suppressed with no figures', async () => {
			const res = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report`);
			expect(res.status).toBe(200);
			const report = res.body;
			expect(report.unit.name).toBe('Avdelningen för barn och unga');
			expect(report.round).toMatchObject({ id: latestClosed.id, status: 'closed' });
			const rows: { unit: { name: string }; isTotal: boolean; cell: Cell }[] = report.rows;
			expect(rows[0].isTotal).toBe(true);
			expect(rows.length).toBeGreaterThan(2);

			const small = rows.find((r) => r.unit.name === 'Familjerättsenheten');
			expect(small, 'Familjerättsenheten is a row').toBeDefined();
			expect(small!.cell.shown).toBe(false);
			expect(small!.cell.reason).toBe('too_few');
			expect(small!.cell.reasonText).toMatch(/Färre än 5/);
			// Hidden means no numbers at all.
			expect(small!.cell).not.toHaveProperty('figures');
			expect(small!.cell).not.toHaveProperty('n');
			expect(Object.keys(small!.cell).sort()).toEqual(['reason', 'reasonText', 'shown']);

			const shown = rows.filter((r) => r.cell.shown);
			expect(shown.length).toBeGreaterThan(0);
			for (const r of shown) {
				expect(r.cell.n, r.unit.name).toBeGreaterThanOrEqual(5);
				expect(r.cell.figures.respondents, r.unit.name).toBeGreaterThanOrEqual(5);
			}
			expect(shown.some((r) => r.cell.figures.respondents >= 5 && typeof r.cell.figures.statements.situation.mean === 'number')).toBe(true);
			// Every hidden cell, in the rows and the trend, carries no figures.
			for (const cell of [...rows.map((r) => r.cell), ...report.trend.map((t: Json) => t.cell)].filter((c: Cell) => !c.shown)) {
				expect(cell.figures).toBeUndefined();
				expect(cell.n).toBeUndefined();
			}
			expect(report.trend.length).toBeGreaterThanOrEqual(closedRounds.length);
			// No names in an aggregate report.
			expect(JSON.stringify(report)).not.toMatch(/Amina Hassan|Sara Lindqvist/);
		});

		it('a unit inside the avdelning can be chosen', async () => {
			const enhet = avdelningUnits.find((u) => u.name === 'Utredningsenheten barn och unga')!;
			const res = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report?unit=${enhet.id}`);
			expect(res.status).toBe(200);
			expect(res.body.unit).toMatchObject({ id: enhet.id, name: 'Utredningsenheten barn och unga' });
		});

		it('a caseworker gets 404 (not 403)', async () => {
			const res = await api(tokens.bistandshandlaggare, `/rounds/${latestClosed.id}/report`);
			expect(res.status).toBe(404);
			expect(res.body.error.code).toBe('not_found');
		});

		it('a unit outside the avdelning is "not found", never "forbidden"', async () => {
			const inside = new Set(avdelningUnits.map((u) => u.id));
			const outsideAvdelning = centralUnits.find((u) => u.kind === 'avdelning' && !inside.has(u.id))!;
			const outsideEnhet = centralUnits.find((u) => u.kind === 'enhet' && !inside.has(u.id))!;
			const parent = centralUnits.find((u) => u.id === avdelningUnits.find((a) => a.kind === 'avdelning')!.parentId)!;
			for (const unit of [outsideAvdelning, outsideEnhet, parent]) {
				expect(unit).toBeDefined();
				const res = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report?unit=${unit.id}`);
				expect(res.status, unit.name).toBe(404);
				expect(res.body.error.code).toBe('not_found');
				expect(JSON.stringify(res.body)).not.toContain(unit.name);
			}
			// The central styrgrupp may see the same unit.
			const central = await api(tokens.central, `/rounds/${latestClosed.id}/report?unit=${outsideAvdelning.id}`);
			expect(central.status).toBe(200);
			expect(central.body.unit.id).toBe(outsideAvdelning.id);
		});

		it('bad query values: 400 with a Swedish message', async () => {
			const area = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report?area=rymdfart`);
			expect(area.status).toBe(400);
			expect(area.body.error.fields).toEqual({ area: 'Okänt verksamhetsområde.' });
			const title = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report?title=chef`);
			expect(title.status).toBe(400);
			expect(title.body.error.fields).toEqual({ title: 'Okänd yrkestitel.' });
			const unit = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report?unit=inte-ett-id`);
			expect(unit.status).toBe(400);
			expect(unit.body.error.fields).toEqual({ unit: 'Ogiltig enhet.' });
		});

		it('an area filter selects by verksamhetsområde: all of this avdelning is barn och unga, none of it äldreomsorg', async () => {
			const all = (await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report`)).body;
			const barn = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report?area=barn_och_unga`);
			expect(barn.status).toBe(200);
			expect(barn.body.filters.area).toBe('barn_och_unga');
			expect(barn.body.rows[0].cell.shown).toBe(true);
			expect(barn.body.rows[0].cell.n).toBe(all.rows[0].cell.n);
			const aldre = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/report?area=aldreomsorg`);
			expect(aldre.status).toBe(200);
			// None, and said exactly as for a group of 1–4 (issue 11: a reason must not be a count).
			expect(aldre.body.rows[0].cell).toEqual({ shown: false, reason: 'too_few', reasonText: 'Färre än 5 svarande (eller inga) – visas inte för att ingen ska kunna pekas ut.' });
		});

		it('while a round is open there are no figures, at most a response count', async () => {
			const res = await api(tokens.avdelningschef, `/rounds/${openRound.id}/report`);
			expect(res.status).toBe(200);
			expect(res.body.rows).toEqual([]);
			expect(res.body.texts).toBeNull();
			if (res.body.progress) expect(res.body.progress.members).toBeGreaterThanOrEqual(5);
		});
	});

	describe('GET /rounds/{id}/team', () => {
		it('the enhetschef sees their own staff by name', async () => {
			const res = await api(tokens.enhetschef, `/rounds/${latestClosed.id}/team`);
			expect(res.status).toBe(200);
			expect(res.body.round).toMatchObject({ id: latestClosed.id, status: 'closed' });
			const members: Json[] = res.body.members;
			expect(members.length).toBeGreaterThan(0);
			for (const m of members) {
				expect(typeof m.name).toBe('string');
				expect(m.name.length).toBeGreaterThan(0);
				expect(m.unitName).toMatch(/Utredningsenheten barn och unga|Utredningsgrupp|Ungdomsgruppen/);
			}
			const answered = members.filter((m) => m.answered);
			expect(answered.length).toBeGreaterThan(0);
			expect(answered.every((m) => m.situationScore >= 1 && m.situationScore <= 6)).toBe(true);
			expect(res.body.summary).toMatchObject({ members: members.length, answered: answered.length });
			// Not the biståndshandläggare: another enhet, another avdelning.
			expect(members.some((m) => m.name === 'Amina Hassan')).toBe(false);
		});

		it('the avdelningschef is refused named answers: 404, as if the view did not exist', async () => {
			const res = await api(tokens.avdelningschef, `/rounds/${latestClosed.id}/team`);
			expect(res.status).toBe(404);
			expect(res.body.error.code).toBe('not_found');
			expect(res.body).not.toHaveProperty('members');
		});

		it('a caseworker is refused too', async () => {
			const res = await api(tokens.bistandshandlaggare, `/rounds/${latestClosed.id}/team`);
			expect(res.status).toBe(404);
		});
	});

	describe('GET /openapi.json', () => {
		let doc: Json;

		beforeAll(async () => {
			const res = await api(null, '/openapi.json');
			expect(res.status).toBe(200);
			doc = res.body;
		});

		it('is an OpenAPI 3.1 document whose references all resolve', () => {
			expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
			expect(typeof doc.info.title).toBe('string');
			expect(typeof doc.info.version).toBe('string');
			expect(doc.servers).toEqual([{ url: '/api/v1' }]);
			expect(Object.keys(doc.paths).length).toBeGreaterThan(0);

			const refs: string[] = [];
			const walk = (v: unknown) => {
				if (Array.isArray(v)) v.forEach(walk);
				else if (v && typeof v === 'object') {
					for (const [k, x] of Object.entries(v)) {
						if (k === '$ref' && typeof x === 'string') refs.push(x);
						else walk(x);
					}
				}
			};
			walk(doc);
			expect(refs.length).toBeGreaterThan(0);
			for (const ref of new Set(refs)) {
				expect(ref, ref).toMatch(/^#\//);
				const target = ref
					.slice(2)
					.split('/')
					.reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
				expect(target, `${ref} resolves`).toBeTypeOf('object');
			}

			for (const name of Object.keys(doc.components.securitySchemes)) expect(['bearer', 'cookie']).toContain(name);
			for (const [p, item] of Object.entries<Json>(doc.paths)) {
				expect(p, p).toMatch(/^\//);
				// Every templated segment has a required path parameter.
				for (const [, name] of p.matchAll(/\{([^}]+)\}/g)) {
					const params: Json[] = [...(item.parameters ?? [])];
					for (const op of Object.values<Json>(item)) if (op && typeof op === 'object' && !Array.isArray(op)) params.push(...(op.parameters ?? []));
					expect(params.some((x) => x.in === 'path' && x.name === name && x.required === true), `${p} declares {${name}}`).toBe(true);
				}
				for (const [method, op] of Object.entries<Json>(item)) {
					if (method === 'parameters') continue;
					expect(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'], `${p} ${method}`).toContain(method);
					expect(Object.keys(op.responses ?? {}).length, `${p} ${method} has responses`).toBeGreaterThan(0);
					for (const code of Object.keys(op.responses)) expect(code, `${p} ${method}`).toMatch(/^[1-5]\d\d$/);
				}
			}
		});

		// That every route is described (and nothing else) is checked without a server in
		// src/lib/server/api/openapi.unit.test.ts.
	});

	describe('DELETE /session', () => {
		it('logs out: 204, after which the same token is refused', async () => {
			const token = await apiLogin(demo.central);
			expect((await api(token, '/rounds')).status).toBe(200);
			const res = await api(token, '/session', { method: 'DELETE' });
			expect(res.status).toBe(204);
			expect(res.body).toBeNull();
			for (const pathname of ['/rounds', '/org-units']) expect((await api(token, pathname)).status).toBe(401);
			// Logging out again with the dead token: 401.
			expect((await api(token, '/session', { method: 'DELETE' })).status).toBe(401);
			// Other sessions of the same person are untouched.
			expect((await api(tokens.central, '/rounds')).status).toBe(200);
		});
	});
});
