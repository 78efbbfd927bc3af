import { describe, expect, it } from 'vitest';
import { apiCall, apiFailureBeforeRoute, bodySizeLimit, readJson } from './http';
import { refusal } from './testing/refusal';

const post = (body: BodyInit | null, type?: string) =>
	new Request('http://x/api/v1/incidents', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });

describe('reading an API body (issue 12 item 5)', () => {
	it('reads JSON, and an empty body as {}', async () => {
		expect(await readJson(post('{"a":1}', 'application/json'))).toEqual({ a: 1 });
		expect(await readJson(post('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
		expect(await readJson(post(null))).toEqual({});
	});

	it('says "Ogiltig JSON" for a body that is not JSON, not "4 fält behöver rättas"', async () => {
		const e = await refusal(readJson(post('{"a":', 'application/json')));
		expect(e.kind).toBe('invalid');
		expect(e.message).toMatch(/^Ogiltig JSON/);
	});

	it('answers 415 for another content type', async () => {
		const e = await refusal(readJson(post('a=1', 'application/x-www-form-urlencoded')));
		expect(e.kind).toBe('unsupported_media_type');
		const res = await apiCall(() => readJson(post('a=1', 'text/plain')).then(() => new Response()));
		expect(res.status).toBe(415);
		expect((await res.json()).error.code).toBe('unsupported_media_type');
	});

	it('answers 413 with the limit when the server refused the body as too large, never 500', async () => {
		const tooBig = { status: 413, text: 'Payload Too Large' };
		const request = { headers: new Headers({ 'content-type': 'application/json' }), text: () => Promise.reject(tooBig) } as unknown as Request;
		const res = await apiCall(() => readJson(request).then(() => new Response()));
		expect(res.status).toBe(413);
		const body = await res.json();
		expect(body.error.code).toBe('too_large');
		expect(body.error.message).toContain(`högst ${bodySizeLimit()}`);
		// A body read some other way (the HR import's file) that hits the limit: the same answer.
		const direct = await apiCall(() => Promise.reject(tooBig));
		expect(direct.status).toBe(413);
	});

	it('says the limit in words', () => {
		const before = process.env.BODY_SIZE_LIMIT;
		try {
			delete process.env.BODY_SIZE_LIMIT;
			expect(bodySizeLimit()).toBe('512 kB');
			process.env.BODY_SIZE_LIMIT = '50M';
			expect(bodySizeLimit()).toBe('50 MB');
		} finally {
			if (before === undefined) delete process.env.BODY_SIZE_LIMIT;
			else process.env.BODY_SIZE_LIMIT = before;
		}
	});
});

describe('an error no handler caught (issue 12 item 10)', () => {
	it('keeps the API shape, e.g. when the database is gone', async () => {
		const res = await apiCall(() => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })));
		expect(res.status).toBe(500);
		expect(await res.json()).toEqual({ error: { code: 'internal', message: 'Något gick fel hos oss. Försök igen om en stund.', fields: {} } });
	});
});

describe('a failure before any route ran (issue 12 item 10)', () => {
	it('answers the API in its shape, whatever the caller accepts (the database gone while the session was read)', async () => {
		const res = apiFailureBeforeRoute(new URL('http://x/api/v1/rounds'), new Error('connect ECONNREFUSED'));
		expect(res.status).toBe(500);
		expect(await res.json()).toMatchObject({ error: { code: 'internal' } });
	});

	it('leaves pages to the error page', () => {
		const e = new Error('connect ECONNREFUSED');
		expect(() => apiFailureBeforeRoute(new URL('http://x/reports'), e)).toThrow(e);
	});
});
