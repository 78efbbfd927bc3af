/**
 * The accessibility statement (tillgänglighetsredogörelse, DOS-lagen): linked from every page's
 * footer, readable without logging in, with the contact an administrator saves; and tables that
 * scroll sideways can be reached by keyboard (axe: scrollable-region-focusable).
 *
 * Shared demo state: saves the statement's contact (no other test reads it).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, expectVisible, launch, login, newPage } from './support';

describe('the accessibility statement', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser?.close());

	it('is linked from the footer and readable without logging in', async () => {
		const page = await newPage(browser);
		await page.goto('/login');
		await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
		await page.waitForURL(/\/accessibility$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tillgänglighet för Lägesbild');
		await expectVisible(page.getByRole('heading', { name: 'Innehåll som inte är tillgängligt' }));
		await expectAccessible(page);
	});

	it('an administrator saves the contact; a wrong address is explained and nothing is lost', async () => {
		const page = await newPage(browser);
		await login(page, demo.admin);
		await page.goto('/admin/accessibility');
		await page.getByLabel('Vem svarar').fill('Kontaktcenter Exempelstad');
		await page.getByLabel('E-post').fill('inte-en-adress');
		await page.getByLabel('Senast granskad').fill('2026-11-30');
		await page.getByRole('button', { name: 'Spara' }).click();
		await expectVisible(page.getByText('Skriv en e-postadress, till exempel tillganglighet@kommun.se.'));
		expect(await page.getByLabel('Vem svarar').inputValue()).toBe('Kontaktcenter Exempelstad');
		expect(await page.getByLabel('E-post').getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(page);

		await page.getByLabel('E-post').fill('tillganglighet@exempelstad.se');
		await page.getByRole('button', { name: 'Spara' }).click();
		await expectVisible(page.getByText('Kontaktuppgifterna är sparade'));

		const visitor = await newPage(browser);
		await visitor.goto('/accessibility');
		await expectVisible(visitor.getByRole('link', { name: 'tillganglighet@exempelstad.se' }).first());
		await expectVisible(visitor.getByText('Kontaktcenter Exempelstad'));
		await expectVisible(visitor.getByText('Redogörelsen granskades senast den 30 november 2026'));
	});

	it('is not there for anyone but an administrator to edit', async () => {
		const page = await newPage(browser);
		await login(page, demo.enhetschef);
		const res = await page.goto('/admin/accessibility');
		expect(res?.status()).toBe(404);
	});

	it('a table that scrolls sideways on a phone is a labelled region reachable by keyboard', async () => {
		const page = await newPage(browser);
		await page.setViewportSize({ width: 390, height: 844 });
		await login(page, demo.socialsekreterare);
		await page.goto('/my/history');
		for (const summary of await page.locator('details > summary').all()) await summary.click();
		await page.waitForFunction(() => document.querySelector('[data-scroll-region="on"]') !== null);
		const region = page.locator('[data-scroll-region="on"]').first();
		expect(await region.getAttribute('tabindex')).toBe('0');
		expect(await region.getAttribute('role')).toBe('region');
		expect(await region.getAttribute('aria-label')).toMatch(/rulla i sidled/);
		await expectAccessible(page);
	});
});
