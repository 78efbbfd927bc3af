/**
 * Issue 12 item 4: a NUL (or another control character) in any text input used to reach the
 * database and answer 500. Every channel now refuses it with 400 and a Swedish message naming
 * the field — in one place (validation.ts), so these are probes of that place, not of each route.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, baseURL, demo } from './support';

const MESSAGE = 'Texten innehåller ett otillåtet tecken (ett styrtecken). Ta bort det och skriv texten igen.';
const NUL = '\u0000';

describe('control characters are refused with 400, not 500', () => {
	const tokens: Record<string, string> = {};
	let openRoundId: string;
	let norrvik: string;

	beforeAll(async () => {
		for (const who of ['socialsekreterare', 'avdelningschef', 'central', 'admin'] as const) tokens[who] = await apiLogin(demo[who]);
		const rounds = (await api(tokens.socialsekreterare, '/rounds')).body.rounds as { id: string; status: string }[];
		openRoundId = rounds.find((r) => r.status === 'open')!.id;
		const units = (await api(tokens.central, '/org-units')).body.orgUnits as { id: string; parentId: string | null }[];
		const avdelning = (await api(tokens.avdelningschef, '/org-units')).body.orgUnits.find((u: { kind: string }) => u.kind === 'avdelning').id as string;
		norrvik = units.find((u) => u.id === avdelning)!.parentId!;
	});

	it('logging in (no session needed): the e-mail field is named', async () => {
		const res = await api(null, '/session', { method: 'POST', body: JSON.stringify({ email: `a${NUL}@x.se`, password: 'x' }) });
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual({ email: MESSAGE });
	});

	it('in the address: a path parameter and a search, through the API and a page', async () => {
		for (const pathname of ['/indicators/%00', '/people?q=%00']) {
			const res = await api(tokens.admin, pathname);
			expect(res.status, pathname).toBe(400);
			expect(res.body.error.code).toBe('invalid');
			expect(res.body.error.message).toContain('otillåtet tecken');
		}
		const page = await fetch(`${baseURL()}/admin/people?q=%00`, { headers: { cookie: `lagesbild_session=${tokens.admin}` } });
		expect(page.status).toBe(400);
		expect(await page.text()).toContain('otillåtet tecken');
	});

	it('an answer, and nothing is saved', async () => {
		const before = await api(tokens.socialsekreterare, `/rounds/${openRoundId}/my-response`);
		const res = await api(tokens.socialsekreterare, `/rounds/${openRoundId}/my-response`, {
			method: 'PUT',
			body: JSON.stringify({ caseCount: 12, situationScore: 4, qualityScore: 4, recommendScore: 4, positiveText: `Bra kollegor${NUL}` })
		});
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual({ positiveText: MESSAGE });
		expect((await api(tokens.socialsekreterare, `/rounds/${openRoundId}/my-response`)).body).toEqual(before.body);
	});

	it('an incident report', async () => {
		const res = await api(tokens.socialsekreterare, '/incidents', {
			method: 'POST',
			body: JSON.stringify({ form: 'hot', occurredOn: '2026-03-14', description: `Hot i telefon${NUL}`, policeReported: false })
		});
		expect(res.status).toBe(400);
		expect(res.body.error.fields.description).toBe(MESSAGE);
	});

	it('a suggestion on the plan', async () => {
		const res = await api(tokens.socialsekreterare, `/plan/${norrvik}/suggestions`, { method: 'POST', body: JSON.stringify({ body: `Mer handledning${NUL}` }) });
		expect(res.status).toBe(400);
		expect(res.body.error.fields).toEqual({ body: MESSAGE });
	});
});
