/**
 * "Min personal" as the nearest manager's workbench: each person with cases, the three answers
 * coloured by band with the word printed and the change since their previous answer, a trend, the
 * motivations in place, sorting and the "Behöver stöd" filter, and on a phone one card per
 * person with nothing scrolling sideways. Refusals: nobody else sees it.
 *
 * Shared demo state: only reads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, expectVisible, launch, login, newPage } from './support';

describe('the nearest manager’s workbench', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
		await login(page, demo.enhetschef);
	});
	afterAll(() => browser?.close());

	const people = () => page.locator('ol.people > li');

	it('shows each answer with its band in words and the change since the previous answer', async () => {
		await page.goto('/team');
		await expectVisible(people());
		const first = people().first();
		expect(await first.locator('.score[data-band]').count()).toBe(3);
		expect(await first.locator('.score .band').first().textContent()).toMatch(/^(Lågt|Något lågt|Något högt|Högt)$/);
		// The change is read out in words: up, down, the same, or nothing to compare with.
		const said = await page.locator('.score .change .visually-hidden').allTextContents();
		expect(said.length).toBeGreaterThan(3);
		for (const text of said) expect(text).toMatch(/(upp|ned) \d steg sedan|samma som|inget tidigare svar/);
		await expectAccessible(page);
	});

	it('sorts and filters to those who need support, without JavaScript too', async () => {
		const plain = await newPage(browser, { javaScript: false });
		await login(plain, demo.enhetschef);
		await plain.goto('/team');
		const all = await plain.locator('ol.people > li').count();
		await plain.getByLabel('Bara de som behöver stöd').check();
		await plain.getByLabel('Sortera efter').selectOption({ label: 'Flest ärenden först' });
		await plain.getByRole('button', { name: 'Visa' }).nth(1).click();
		await plain.waitForURL(/filter=support/);
		const flagged = plain.locator('ol.people > li');
		const count = await flagged.count();
		expect(count).toBeGreaterThan(0);
		expect(count).toBeLessThan(all);
		for (const text of await flagged.allTextContents()) expect(text).toContain('Behöver stöd:');
		const cases = (await flagged.locator('.cases').allTextContents()).map(Number);
		expect(cases).toEqual([...cases].sort((a, b) => b - a));
	});

	it('keeps the motivations in place under each person', async () => {
		await page.goto('/team');
		const withComments = people().filter({ has: page.locator('details.comments') }).first();
		await withComments.locator('details.comments summary').click();
		expect((await withComments.locator('details.comments dd').first().textContent())?.length).toBeGreaterThan(3);
	});

	it('on a phone each person is a card and nothing scrolls sideways', async () => {
		const phone = await newPage(browser);
		await phone.setViewportSize({ width: 390, height: 844 });
		await login(phone, demo.enhetschef);
		await phone.goto('/team');
		await expectVisible(phone.locator('ol.people > li'));
		expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		const offer = phone.locator('ol.people > li').first().getByRole('link', { name: /Erbjud handlingsplan/ });
		if (await offer.count()) {
			expect(await offer.isVisible()).toBe(true);
			// The offer page on the phone: the answer above the form, nothing sideways.
			await offer.click();
			await phone.waitForURL(/\/team\/offer\//);
			await expectVisible(phone.getByRole('button', { name: 'Erbjud handlingsplanen' }));
			expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
			await expectAccessible(phone);
		}
		await expectAccessible(phone);
	});

	it('after a round has closed, sets the team beside its enhet and the units above, as the reports show them', async () => {
		await page.goto('/team');
		await page.locator('#round').selectOption({ label: 'T2 2019' });
		await page.getByRole('button', { name: 'Visa' }).first().click();
		await page.waitForURL(/round=/);
		const context = page.getByRole('region', { name: 'Din personal jämfört med' });
		await expectVisible(context);
		const rows = await context.getByRole('rowheader').allTextContents();
		expect(rows[0]).toMatch(/^Din personal \(\d+ svar\)$/);
		expect(rows).toContain('Hela Exempelstad');
		expect(rows.length).toBeGreaterThanOrEqual(4);
		await expectAccessible(page);
	});

	it('is not there for the avdelningschef', async () => {
		const other = await newPage(browser);
		await login(other, demo.avdelningschef);
		expect((await other.goto('/team'))?.status()).toBe(404);
	});
});
