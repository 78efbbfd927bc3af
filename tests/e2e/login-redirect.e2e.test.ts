/**
 * Issue 12, item 1: `/login?next=…` sends the browser only to a path of this app — after
 * logging in (the form action) and at once when already logged in (the page load). Before,
 * `next=/%09/evil.example/phish` answered `Location: /\t/evil.example/phish` (browsers go to
 * evil.example) and `%0a`, `%0d`, `%E3%80%80` answered 500.
 */
import { describe, expect, it } from 'vitest';
import { apiLogin, baseURL, demo, DEMO_PASSWORD } from './support';

const hostile = ['/%09/evil.example/phish', '/%0a/evil.example', '/%0d/evil.example', '/%E3%80%80/evil.example', '//evil.example', '/%5Cevil.example', 'https://evil.example'];

async function loginAction(next: string) {
	const body = new URLSearchParams({ email: demo.socialsekreterare, password: DEMO_PASSWORD });
	return fetch(`${baseURL()}/login?next=${next}`, {
		method: 'POST',
		redirect: 'manual',
		// SvelteKit's own CSRF check wants the form posted from our origin.
		// As a browser posts the form without JavaScript (otherwise SvelteKit answers in JSON).
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: baseURL() },
		body
	});
}

describe('the redirect after login stays on this site', () => {
	it('the login form action sends a hostile next to /, a local one where it asks', async () => {
		for (const next of hostile) {
			const res = await loginAction(next);
			expect(res.status, next).toBe(303);
			expect(res.headers.get('location'), next).toBe('/');
		}
		const res = await loginAction('/my/history');
		expect(res.headers.get('location')).toBe('/my/history');
	});

	it('an already logged-in visitor is sent to / for a hostile next, never to another site', async () => {
		const token = await apiLogin(demo.socialsekreterare);
		for (const next of hostile) {
			const res = await fetch(`${baseURL()}/login?next=${next}`, { redirect: 'manual', headers: { authorization: `Bearer ${token}` } });
			expect(res.status, next).toBe(303);
			expect(res.headers.get('location'), next).toBe('/');
		}
		const res = await fetch(`${baseURL()}/login?next=/my/history`, { redirect: 'manual', headers: { authorization: `Bearer ${token}` } });
		expect(res.headers.get('location')).toBe('/my/history');
	});
});
