/**
 * An incident reported through the page reaches the published statistics (decision 0005). A
 * year's statistics are shown from 1 February the year after, so this test runs its own app
 * instances on its own database and moves the app's clock with CLOCK_AT:
 *
 * 1. An instance on the suite's clock creates the demo on a fresh database; the central steering
 *    group sees that this year is not published yet. Stopped, and the database copied ("before").
 * 2. An instance on the suite's clock: the demo socialsekreterare reports a threat through
 *    /incidents/new. Stopped ("after").
 * 3. One instance on "before" and one on "after", both with CLOCK_AT = 1 February next year,
 *    08:00 UTC: this year is now published, and every figure of it is the same except that the
 *    kommun and exactly one förvaltning count exactly one incident (a threat) more — in the API
 *    and on the page. The cells compared are shown (at least ANONYMITY_MIN_GROUP employees).
 *
 * The copy is a PGlite folder copied while no instance runs, or (TEST_DB=postgres) a database
 * created from the first as its template. Nothing is shared with the other browser tests.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnInstance, stopInstance, waitReady, type Instance } from './instances';
import { DEMO_PASSWORD, appToday, demo, expectAccessible, launch, login } from './support';

const onPostgres = process.env.TEST_DB === 'postgres';
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// This year as the app sees it: the suite's clock (CLOCK_AT, when the suite runs at a set time).
const YEAR = Number(appToday().slice(0, 4));
const NEXT_FEBRUARY = `${YEAR + 1}-02-01T08:00:00Z`;
const WHAT = 'En förälder sa i receptionen att hon skulle se till att jag fick ångra beslutet.';

/** A database for one instance: a PGlite folder or a PostgreSQL URL. */
type Store = { DATA_DIR: string } | { DATABASE_URL: string };

const running = new Set<Instance>();

async function start(store: Store, extra: Record<string, string> = {}): Promise<Instance> {
	const instance = await spawnInstance({
		// Only what this test sets: no database or single sign-on of the surrounding run (its clock, yes).
		...Object.fromEntries(['DATABASE_URL', 'DATA_DIR', 'DEMO_TODAY', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].map((k) => [k, undefined])),
		DEMO: 'on',
		NODE_ENV: 'production',
		LOG_LEVEL: 'warn',
		JOBS: 'off',
		...store,
		...extra
	});
	running.add(instance);
	await waitReady(instance, 180);
	return instance;
}

async function stop(instance: Instance) {
	running.delete(instance);
	await stopInstance(instance);
}

async function pageOn(browser: Browser, instance: Instance): Promise<Page> {
	const context = await browser.newContext({ baseURL: instance.base, bypassCSP: true, locale: 'sv-SE' });
	return context.newPage();
}

interface Cell {
	shown: boolean;
	n?: number;
	figures?: { incidents: number };
}
interface Statistics {
	years: number[];
	year: number | null;
	rows: { unit: { id: string; name: string }; isTotal: boolean; total: Cell; byForm: Record<string, Cell> }[];
}

async function statistics(instance: Instance, year?: number): Promise<Statistics> {
	const session = await fetch(`${instance.base}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: demo.central, password: DEMO_PASSWORD })
	});
	expect(session.status).toBe(201);
	const { token } = (await session.json()) as { token: string };
	const res = await fetch(`${instance.base}/api/v1/incidents/statistics${year ? `?year=${year}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
	expect(res.status).toBe(200);
	return (await res.json()) as Statistics;
}

const incidents = (cell: Cell) => (cell.shown ? cell.figures!.incidents : null);

describe('an incident reported through the page reaches the published statistics', () => {
	let browser: Browser;
	const cleanups: (() => Promise<void> | void)[] = [];
	let before: Store;
	let after: Store;

	beforeAll(async () => {
		browser = await launch();
		if (onPostgres) {
			const names = ['after', 'before'].map((n) => `lagesbild_flow_${n}_${randomBytes(4).toString('hex')}`);
			const url = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
			const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${names[0]}`);
			await admin.end();
			after = { DATABASE_URL: url(names[0]) };
			before = { DATABASE_URL: url(names[1]) };
			cleanups.push(async () => {
				const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
				for (const name of names) await drop.unsafe(`drop database if exists ${name} with (force)`);
				await drop.end();
			});
		} else {
			const dirs = ['after', 'before'].map((n) => mkdtempSync(path.join(tmpdir(), `lagesbild-flow-${n}-`)));
			after = { DATA_DIR: dirs[0] };
			before = { DATA_DIR: dirs[1] };
			cleanups.push(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
		}
	});

	afterAll(async () => {
		await Promise.all([...running].map(stop));
		await browser?.close();
		for (const c of cleanups) await c();
	});

	it('on the suite’s clock, this year is not published yet', async () => {
		const app = await start(after);
		const stats = await statistics(app);
		expect(stats.years).not.toContain(YEAR);
		const page = await pageOn(browser, app);
		await login(page, demo.central);
		await page.goto('/incidents/statistics');
		expect((await page.locator('p.lead').textContent())!.replace(/\s+/g, ' ')).toContain(`statistiken för ${YEAR} visas från`);
		expect(await page.locator('#year option').allTextContents()).not.toContain(String(YEAR));
		await expectAccessible(page);
		await page.context().close();
		await stop(app);

		// The state before the report, copied while no instance runs.
		if ('DATA_DIR' in before && 'DATA_DIR' in after) {
			cpSync(after.DATA_DIR, before.DATA_DIR, { recursive: true });
		} else if ('DATABASE_URL' in before && 'DATABASE_URL' in after) {
			const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${new URL(before.DATABASE_URL).pathname.slice(1)} template ${new URL(after.DATABASE_URL).pathname.slice(1)}`);
			await admin.end();
		}
	}, 300_000);

	it('an employee reports a threat through the page', async () => {
		const app = await start(after);
		const page = await pageOn(browser, app);
		await login(page, demo.socialsekreterare);
		await page.goto('/incidents/new');
		await page.getByRole('radio', { name: 'Hot', exact: true }).check();
		await page.getByRole('group', { name: /tar du .* hotet på allvar/ }).getByRole('radio', { name: 'Ja' }).check();
		// No time given: stored with the time unknown, so it is accepted at any hour of the day.
		await page.locator('#occurredOn').fill(appToday());
		await page.getByLabel('Var eller i vilken situation?').fill('Receptionen');
		await page.getByLabel('Vad hände?').fill(WHAT);
		await page.getByRole('group', { name: 'Är händelsen polisanmäld?' }).getByRole('radio', { name: 'Ja' }).check();
		await page.getByRole('button', { name: 'Rapportera händelsen' }).click();
		await page.waitForURL(/\/incidents\/[0-9a-f-]+\?reported=1$/);
		expect(await page.getByRole('status').textContent()).toContain('Händelsen är rapporterad.');
		await page.context().close();
		await stop(app);
	}, 180_000);

	it('from 1 February next year, the year is published and counts the reported threat exactly once', async () => {
		const [old, now] = await Promise.all([start(before, { CLOCK_AT: NEXT_FEBRUARY }), start(after, { CLOCK_AT: NEXT_FEBRUARY })]);
		const [s0, s1] = await Promise.all([statistics(old, YEAR), statistics(now, YEAR)]);
		expect(s1.years).toContain(YEAR);
		expect(s1.year).toBe(YEAR);
		expect(s1.rows.map((r) => r.unit.id)).toEqual(s0.rows.map((r) => r.unit.id));

		// The kommun: shown before and after, one more incident, one more threat, one more police report.
		const k0 = s0.rows.find((r) => r.isTotal)!;
		const k1 = s1.rows.find((r) => r.isTotal)!;
		expect(k0.total.shown && k1.total.shown).toBe(true);
		expect(incidents(k1.total)).toBe(incidents(k0.total)! + 1);
		// A form's cell may be hidden (too few employees, or to protect a smaller group); compared when shown.
		if (k0.byForm.hot.shown && k1.byForm.hot.shown) expect(incidents(k1.byForm.hot)).toBe(incidents(k0.byForm.hot)! + 1);

		// Exactly one förvaltning — the employee's — rises, by exactly one; every other shown figure is the same.
		const shownBoth = (a: Cell, b: Cell) => a.shown && b.shown;
		const changed = s1.rows.filter((r, i) => !r.isTotal && shownBoth(r.total, s0.rows[i].total) && incidents(r.total) !== incidents(s0.rows[i].total));
		expect(changed).toHaveLength(1);
		const f1 = changed[0];
		const f0 = s0.rows.find((r) => r.unit.id === f1.unit.id)!;
		expect(f0.total.shown && f1.total.shown).toBe(true);
		expect(incidents(f1.total)).toBe(incidents(f0.total)! + 1);
		expect(f1.total.n).toBe(f0.total.n! + 1); // the socialsekreterare had no incident this year before
		for (const form of Object.keys(f1.byForm)) {
			if (!shownBoth(f0.byForm[form], f1.byForm[form])) continue;
			expect(incidents(f1.byForm[form]), form).toBe(incidents(f0.byForm[form])! + (form === 'hot' ? 1 : 0));
		}

		// The page shows the same: this year in the list, and the kommun's total with the new threat.
		const page = await pageOn(browser, now);
		await login(page, demo.central);
		await page.goto(`/incidents/statistics?year=${YEAR}`);
		expect(await page.locator('#year option').allTextContents()).toContain(String(YEAR));
		expect(await page.getByRole('heading', { level: 2, name: `Händelser ${YEAR}` }).isVisible()).toBe(true);
		const kommunRow = page.locator('table.data').first().locator('tr.total');
		const totalCell = (await kommunRow.locator('td').first().textContent())!.replace(/\s/g, '');
		expect(Number(totalCell)).toBe(incidents(k1.total));
		const row = page.locator('table.data').first().getByRole('row', { name: new RegExp(`^${f1.unit.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
		expect(Number((await row.locator('td').first().textContent())!.replace(/\s/g, ''))).toBe(incidents(f1.total));
		await expectAccessible(page);
		await page.context().close();
		await Promise.all([stop(old), stop(now)]);
	}, 300_000);
});
