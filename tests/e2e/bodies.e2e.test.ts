/**
 * Issue 12 item 5: a body the server will not take gets its own status and a Swedish message
 * that says what to fix — not 500, and not "4 fält behöver rättas".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, baseURL, demo } from './support';

describe('bodies the server refuses', () => {
	let employee: string;
	let admin: string;
	beforeAll(async () => {
		employee = await apiLogin(demo.socialsekreterare);
		admin = await apiLogin(demo.admin);
	});

	const raw = (token: string, pathname: string, body: BodyInit, type: string, extra: RequestInit = {}) =>
		fetch(`${baseURL()}/api/v1${pathname}`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': type }, ...extra });

	it('invalid JSON: 400 "Ogiltig JSON"', async () => {
		const res = await raw(employee, '/incidents', '{"form": "hot",', 'application/json');
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body.error.code).toBe('invalid');
		expect(body.error.message).toMatch(/^Ogiltig JSON/);
	});

	it('another content type: 415 (form types never get this far: SvelteKit refuses cross-site form posts with 403)', async () => {
		const res = await raw(employee, '/incidents', '<form>hot</form>', 'application/xml');
		expect(res.status).toBe(415);
		expect((await res.json()).error.code).toBe('unsupported_media_type');
	});

	it('a JSON body over the limit: 413 with the limit, whether its length is announced or not', async () => {
		const big = JSON.stringify({ form: 'hot', description: 'x'.repeat(1024 * 1024) });
		const announced = await raw(employee, '/incidents', big, 'application/json');
		expect(announced.status).toBe(413);
		expect((await announced.json()).error).toMatchObject({ code: 'too_large', message: expect.stringContaining('högst 512 kB') });

		const chunks = new TextEncoder().encode('Anställningsnummer;Namn\n' + '1;x\n'.repeat(400_000));
		const stream = new ReadableStream({
			start(controller) {
				for (let i = 0; i < chunks.length; i += 64 * 1024) controller.enqueue(chunks.subarray(i, i + 64 * 1024));
				controller.close();
			}
		});
		const streamed = await raw(admin, '/import?dryRun=true&scope=listed', stream, 'text/csv', { duplex: 'half' } as RequestInit);
		expect(streamed.status).toBe(413);
		expect((await streamed.json()).error.code).toBe('too_large');
	});

	it('a form field over the limit: 413 and a page that says so in Swedish', async () => {
		const form = new URLSearchParams({ title: 'x'.repeat(1024 * 1024) });
		const res = await fetch(`${baseURL()}/plan/areas?/create`, {
			method: 'POST',
			body: form,
			headers: { cookie: `lagesbild_session=${admin}`, origin: baseURL(), 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(res.status).toBe(413);
		expect(await res.text()).toContain('Det du skickade är för stort');
	});

	it('still answers ordinary calls', async () => {
		expect((await api(employee, '/incidents', { method: 'POST', body: JSON.stringify({}) })).status).toBe(400);
	});
});
