/**
 * Följeforskning in the browser: the demo's följeforskare reads the motivations of the kommun and
 * its förvaltningar as the reports show them, creates a code (an empty one is refused), codes a
 * text, and downloads the texts with the codes. Others have no such page.
 *
 * Shared demo state: the följeforskare's own codes (nobody else reads them).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, download, expectAccessible, expectVisible, launch, login, newPage } from './support';

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
