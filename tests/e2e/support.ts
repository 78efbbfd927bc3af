/** Browser helpers for the end-to-end tests: Debian's Chromium through playwright-core, and axe-core. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { now, yearInStockholm } from '../../src/lib/server/clock';
import { dateInStockholm, timeInStockholm } from '../../src/lib/time';

export const baseURL = () => inject('baseURL');

/** Every e-mail the app has sent during the run, as the test SMTP server received it (global-setup.ts). */
export function mailbox(): { to: string[]; body: string }[] {
	return readFileSync(inject('mailbox'), 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as { to: string[]; body: string });
}
export const DEMO_PASSWORD = 'demo';
export const demo = {
	socialsekreterare: 'socialsekreterare@exempelstad.se',
	bistandshandlaggare: 'bistandshandlaggare@exempelstad.se',
	deputy: 'bitr.enhetschef@exempelstad.se',
	enhetschef: 'enhetschef@exempelstad.se',
	avdelningschef: 'avdelningschef@exempelstad.se',
	styrgrupp: 'styrgrupp@exempelstad.se',
	central: 'central.styrgrupp@exempelstad.se',
	admin: 'admin@exempelstad.se',
	facklig: 'facklig@exempelstad.se',
	foljeforskare: 'foljeforskare@exempelstad.se'
};

/**
 * The app's clock, read here the same way the app reads it (CLOCK_AT, see clock.ts), so a test
 * asks for "today" or "a few minutes ago" as the app sees it, at whatever time the suite runs.
 */
export const appToday = () => dateInStockholm(now());
export const appYear = () => yearInStockholm(now());

/** The Stockholm date and HH:MM `minutes` before the app's now (possibly yesterday, just after midnight). */
export function minutesAgo(minutes: number): { day: string; time: string } {
	const at = new Date(now().getTime() - minutes * 60_000);
	return { day: dateInStockholm(at), time: timeInStockholm(at) };
}

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']
	});
}

/** A fresh context (own cookies). bypassCSP only so axe can be injected; the app's CSP is tested separately. */
export async function newPage(browser: Browser, options: { javaScript?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({ baseURL: baseURL(), bypassCSP: true, javaScriptEnabled: options.javaScript ?? true, locale: 'sv-SE', acceptDownloads: true });
	return context.newPage();
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('E-postadress').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Logga in' }).click()]);
}

export async function logout(page: Page) {
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await page.waitForURL(/\/login/);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails with the violations listed. */
export async function expectAccessible(page: Page) {
	await page.addScriptTag({ content: axeSource });
	const result = await page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return r.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
	});
	expect(result, `axe violations on ${page.url()}`).toEqual([]);
}

/** Logs in through the JSON API and returns the bearer token. */
export async function apiLogin(email: string, password = DEMO_PASSWORD): Promise<string> {
	const res = await fetch(`${baseURL()}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
	expect(res.status).toBe(201);
	return ((await res.json()) as { token: string }).token;
}

export async function api(token: string | null, pathname: string, init: RequestInit = {}) {
	const headers = new Headers(init.headers);
	if (token) headers.set('authorization', `Bearer ${token}`);
	if (init.body) headers.set('content-type', 'application/json');
	const res = await fetch(`${baseURL()}/api/v1${pathname}`, { ...init, headers });
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Waits (up to 10 s) for the element to be visible, and fails the test if it never is. */
export async function expectVisible(locator: Locator) {
	await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
	expect(await locator.first().isVisible()).toBe(true);
}

/** Clicks a download link and returns the file's suggested name, path and bytes. */
export async function download(page: Page, linkName: string | RegExp) {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
	const filePath = (await file.path())!;
	return { name: file.suggestedFilename(), path: filePath, bytes: readFileSync(filePath) };
}
