/**
 * Workload between the rounds (issue 14) in the browser on the demo: the social worker answers
 * the weekly question on the start page (nothing chosen is refused in Swedish) and sees the
 * series; a note with a personnummer is refused; "Inte nu" puts the question away for the week;
 * the enhetschef sees the staff's series by name with signals and can offer a plan; the
 * avdelningschef sees months that are over, per unit, and downloads them; others have no such
 * pages. The API does the same.
 *
 * Shared demo state: a rating by the demo socialsekreterare today, and the biståndshandläggare's
 * "Inte nu" for this week.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, download, expectAccessible, expectVisible, launch, login, newPage } from './support';

describe('workload between the rounds', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser?.close());

	it('the social worker answers the weekly question on the start page and sees the series', async () => {
		const page = await newPage(browser);
		await login(page, demo.socialsekreterare);
		const prompt = page.getByRole('region', { name: 'Hur upplever du din arbetsbelastning just nu?' });
		await expectVisible(prompt);
		await expectAccessible(page);
		await prompt.getByRole('button', { name: 'Spara' }).click();
		await expectVisible(page.getByText('Välj hur hög din arbetsbelastning är, 1–5.'));
		await page.goto('/');
		await page.getByRole('region', { name: 'Hur upplever du din arbetsbelastning just nu?' }).getByRole('radio', { name: '4 Hög' }).check();
		await page.getByRole('region', { name: 'Hur upplever du din arbetsbelastning just nu?' }).getByRole('button', { name: 'Spara' }).click();
		await page.waitForURL(/\/my\/workload/);
		await expectVisible(page.getByText(/Tack! Din gradering är sparad/));
		const rows = page.getByRole('table', { name: 'Dina graderingar' }).locator('tbody tr');
		expect(await rows.first().textContent()).toContain('4 – Hög');
		expect(await rows.count()).toBeGreaterThan(10);
		await expectAccessible(page);

		// A note that names a client by personnummer is refused, and what was typed stays.
		await page.getByRole('radio', { name: '3 Lagom' }).check();
		await page.getByLabel(/^Anteckning/).fill('Pojken 120304-1234 har flyttat.');
		await page.getByRole('button', { name: 'Spara graderingen' }).click();
		await expectVisible(page.getByText('Skriv inga personnummer eller andra uppgifter om klienter i anteckningen.'));
		expect(await page.getByLabel(/^Anteckning/).inputValue()).toBe('Pojken 120304-1234 har flyttat.');

		// Asked once a week: answered now, the start page no longer asks.
		await page.goto('/');
		expect(await page.getByRole('region', { name: 'Hur upplever du din arbetsbelastning just nu?' }).count()).toBe(0);
		// Beside the survey history.
		await page.goto('/my/history');
		await expectVisible(page.getByRole('heading', { name: 'Min arbetsbelastning mellan mätningarna' }));
		await page.close();
	});

	it('"Inte nu" puts the weekly question away, without JavaScript too', async () => {
		const page = await newPage(browser, { javaScript: false });
		await login(page, demo.bistandshandlaggare);
		const prompt = page.getByRole('region', { name: 'Hur upplever du din arbetsbelastning just nu?' });
		await expectVisible(prompt);
		await prompt.getByRole('button', { name: /Inte nu/ }).click();
		await page.waitForURL((u) => u.pathname === '/');
		expect(await page.getByRole('region', { name: 'Hur upplever du din arbetsbelastning just nu?' }).count()).toBe(0);
		await page.close();
	});

	it('the enhetschef sees the staff’s series by name with signals, and can offer a plan', async () => {
		const page = await newPage(browser);
		await login(page, demo.enhetschef);
		await page.getByRole('link', { name: 'Visa arbetsbelastningen' }).click();
		await page.waitForURL(/\/team\/workload$/);
		const flagged = page.getByRole('region', { name: /att prata med/ });
		await expectVisible(flagged);
		expect(await flagged.textContent()).toMatch(/hög belastning tre gånger i rad/);
		expect(await flagged.textContent()).toMatch(/upp två steg eller mer/);
		expect(await page.locator('tbody tr').count()).toBeGreaterThan(3);
		await expectAccessible(page);
		await flagged.getByRole('link', { name: /Erbjud en handlingsplan/ }).first().click();
		await page.waitForURL(/\/team\/offer\//);
		await page.close();
	});

	it('the avdelningschef sees months that are over per unit, and downloads them; a social worker has no such page', async () => {
		const page = await newPage(browser);
		await login(page, demo.avdelningschef);
		await page.goto('/reports');
		await page.getByRole('link', { name: 'Arbetsbelastning per månad mellan mätningarna' }).click();
		await page.waitForURL(/\/reports\/workload/);
		const table = page.getByRole('table', { name: /hög arbetsbelastning/ });
		await expectVisible(table);
		expect(await table.locator('thead th').count()).toBe(13);
		expect(await table.locator('tbody tr').first().textContent()).toMatch(/\d+ % hög/);
		await expectAccessible(page);
		const file = await download(page, 'Ladda ner som CSV');
		const [header] = file.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
		expect(header.split(';').slice(0, 3)).toEqual(['Enhet', 'Månad', 'Graderade']);
		expect(header).toContain('Andel hög (4–5)');
		await page.close();

		const caseworker = await newPage(browser);
		await login(caseworker, demo.socialsekreterare);
		expect((await caseworker.goto('/reports/workload'))?.status()).toBe(404);
		expect((await caseworker.goto('/team/workload'))?.status()).toBe(404);
		await caseworker.close();
	});

	it('a phone shows the question and the series without sideways scrolling of the page', async () => {
		const page = await newPage(browser);
		await page.setViewportSize({ width: 390, height: 844 });
		await login(page, demo.socialsekreterare);
		await page.goto('/my/workload');
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await expectAccessible(page);
		await page.close();
	});

	it('the API: one’s own ratings and a new one (400 with what to fix), the manager’s view, the months; 404 for others', async () => {
		const worker = await apiLogin(demo.socialsekreterare);
		const mine = await api(worker, '/my-workload');
		expect(mine.status).toBe(200);
		expect(mine.body.ratings.length).toBeGreaterThan(10);
		const bad = await api(worker, '/my-workload', { method: 'POST', body: JSON.stringify({ level: 7 }) });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ level: 'Välj hur hög din arbetsbelastning är, 1–5.' });
		const saved = await api(worker, '/my-workload', { method: 'POST', body: JSON.stringify({ level: 2, openCases: 19 }) });
		expect(saved.status).toBe(201);
		expect(saved.body).toMatchObject({ level: 2, openCases: 19, note: null });

		const manager = await apiLogin(demo.enhetschef);
		const team = await api(manager, '/team-workload');
		expect(team.status).toBe(200);
		expect(team.body.members.some((m: { signals: string[] }) => m.signals.includes('high_three_times'))).toBe(true);
		const months = await api(await apiLogin(demo.avdelningschef), '/workload-monthly');
		expect(months.status).toBe(200);
		expect(months.body.months).toHaveLength(12);
		expect((await api(worker, '/team-workload')).status).toBe(404);
		expect((await api(worker, '/workload-monthly')).status).toBe(404);
		expect((await api(manager, '/my-workload', { method: 'POST', body: JSON.stringify({ level: 3 }) })).status).toBe(404);
	});
});
