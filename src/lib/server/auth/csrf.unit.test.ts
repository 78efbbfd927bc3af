/** CSRF for the JSON API: cookie-authenticated changes only from our own origin. */
import { describe, expect, it } from 'vitest';
import { refuseCrossSiteApiCall } from './csrf';

const url = new URL('https://lagesbild.kommun.se/api/v1/rounds');
const withCookie = { get: (name: string) => (name === '__Host-lagesbild_session' ? 'token' : undefined) };
const noCookie = { get: () => undefined };
const request = (method: string, headers: Record<string, string> = {}) => new Request(url, { method, headers });

describe('CSRF for cookie-authenticated API calls', () => {
	it('refuses a change from another site, or from nowhere, with the session cookie', () => {
		expect(refuseCrossSiteApiCall(request('POST', { origin: 'https://evil.example' }), url, withCookie)?.status).toBe(403);
		expect(refuseCrossSiteApiCall(request('DELETE'), url, withCookie)?.status).toBe(403);
		expect(refuseCrossSiteApiCall(request('PUT', { 'sec-fetch-site': 'cross-site' }), url, withCookie)?.status).toBe(403);
	});

	it('lets through our own pages, bearer tokens, reads, and requests without the cookie', () => {
		expect(refuseCrossSiteApiCall(request('POST', { origin: 'https://lagesbild.kommun.se' }), url, withCookie)).toBeNull();
		expect(refuseCrossSiteApiCall(request('POST', { 'sec-fetch-site': 'same-origin' }), url, withCookie)).toBeNull();
		expect(refuseCrossSiteApiCall(request('POST', { origin: 'https://evil.example', authorization: 'Bearer t' }), url, withCookie)).toBeNull();
		expect(refuseCrossSiteApiCall(request('GET', { origin: 'https://evil.example' }), url, withCookie)).toBeNull();
		expect(refuseCrossSiteApiCall(request('POST', { origin: 'https://evil.example' }), url, noCookie)).toBeNull();
		expect(refuseCrossSiteApiCall(request('POST', { origin: 'https://evil.example' }), new URL('https://lagesbild.kommun.se/reports'), withCookie)).toBeNull();
	});
});
