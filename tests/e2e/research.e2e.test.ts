/**
 * Följeforskning in the browser: the demo's följeforskare reads the motivations of the kommun and
 * its förvaltningar as the reports show them, creates a code (an empty one is refused), codes a
 * text, and downloads the texts with the codes. Others have no such page.
 *
 * Shared demo state: the följeforskare's own codes (nobody else reads them).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, download, expectAccessible, expectVisible, launch, login, newPage } from './support';

describe('följeforskning', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser?.close());

	it('codes a motivation with an own code and downloads the texts with their codes', async () => {
		const page = await newPage(browser);
		await login(page, demo.foljeforskare);
		await page.getByRole('navigation').getByRole('link', { name: 'Följeforskning' }).click();
		await page.waitForURL(/\/research/);
		// The whole kommun: its motivations are shown (far more than 10 answered).
		const texts = page.locator('ol.texts > li');
		await expectVisible(texts);
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Skapa koden' }).click();
		await expectVisible(page.getByText('Skriv kodens namn.'));
		const name = `Arbetsbelastning ${Date.now()}`;
		await page.getByLabel('Ny kod').fill(name);
		await page.getByRole('button', { name: 'Skapa koden' }).click();
		await expectVisible(page.getByText('Koden är skapad.'));

		const first = texts.first();
		const words = (await first.locator('.text').textContent())!;
		await first.getByLabel(name).check();
		await first.getByRole('button', { name: /Spara koder/ }).click();
		await expectVisible(page.getByText('Koderna är sparade.'));
		await page.reload();
		expect(await texts.first().getByLabel(name).isChecked()).toBe(true);

		const file = await download(page, 'CSV');
		const csv = file.bytes.toString('utf8');
		const line = csv.split('\n').find((l) => l.includes(words.trim().slice(0, 30)));
		expect(line).toContain(name);
		await page.close();
	});

	it('a phone shows the texts without sideways scrolling', async () => {
		const page = await newPage(browser);
		await page.setViewportSize({ width: 390, height: 844 });
		await login(page, demo.foljeforskare);
		await page.goto('/research');
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await page.close();
	});

	it('the same through the API: texts with their hash, a code, the coding; 400 with what to fix; 404 for others', async () => {
		const token = await apiLogin(demo.foljeforskare);
		const view = await api(token, '/research/texts?statement=positive');
		expect(view.status).toBe(200);
		expect(view.body.statement).toBe('positive');
		const [first] = view.body.texts;
		expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
		expect((await api(token, '/research/codes', { method: 'POST', body: JSON.stringify({ name: '' }) })).body.error.fields).toEqual({ name: 'Skriv kodens namn.' });
		const code = await api(token, '/research/codes', { method: 'POST', body: JSON.stringify({ name: `Kollegor ${Date.now()}` }) });
		expect(code.status).toBe(201);
		const coded = await api(token, '/research/codings', { method: 'PUT', body: JSON.stringify({ roundId: view.body.round.id, statement: 'positive', textHash: first.hash, codeIds: [code.body.id] }) });
		expect(coded.body).toEqual({ codeIds: [code.body.id] });
		const again = await api(token, '/research/texts?statement=positive');
		expect(again.body.texts.find((t: { hash: string }) => t.hash === first.hash).codeIds).toContain(code.body.id);
		expect((await api(await apiLogin(demo.central), '/research/texts')).status).toBe(404);
	});

	it('is no page for anyone else', async () => {
		for (const who of [demo.facklig, demo.central, demo.avdelningschef]) {
			const page = await newPage(browser);
			await login(page, who);
			expect((await page.goto('/research'))?.status()).toBe(404);
			expect(await page.getByRole('navigation').getByRole('link', { name: 'Följeforskning' }).count()).toBe(0);
			await page.close();
		}
	});
});
