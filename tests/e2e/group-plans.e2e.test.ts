/**
 * The group's action plan (gruppens handlingsplan) through the browser: the enhetschef makes one
 * from the group's own results after the latest closed round (a past follow-up date is refused and
 * nothing typed is lost), adds actions with and without an owner, and follows it up; a member reads
 * it and comments by name; the avdelningschef sees plans, status and actions without comments or
 * names, and downloads them. On a phone nothing scrolls sideways; axe finds nothing.
 *
 * Shared demo state: the creation test makes the enhetschef's enhet's plan for the latest closed
 * round (no other test does); the others read or comment on the demo's plan from the round before.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appToday, demo, download, expectAccessible, expectVisible, launch, login, newPage } from './support';

const SEEDED_ROUND = 'VB 2018';
const LATEST_ROUND = 'T2 2019';
const dayAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the group’s action plan', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser?.close());

	async function as(email: string, options: { phone?: boolean } = {}) {
		const page = await newPage(browser);
		if (options.phone) await page.setViewportSize({ width: 390, height: 844 });
		await login(page, email);
		return page;
	}

	async function openPlan(page: Page, round: string) {
		await page.goto('/action-plans');
		await page.getByRole('row').filter({ hasText: round }).getByRole('link').first().click();
		await page.waitForURL(/\/group-plans\/[0-9a-f-]{36}/);
	}

	it('the enhetschef makes the plan from the group’s results, adds actions and follows it up', async () => {
		const page = await as(demo.enhetschef);
		await page.goto('/action-plans');
		await page.getByRole('link', { name: 'Ny handlingsplan för gruppen' }).click();
		await page.waitForURL(/\/group-plans\/new/);
		await expectVisible(page.getByRole('heading', { name: new RegExp(`i ${LATEST_ROUND}$`) }));
		// The group's own total, never a person: one row per statement.
		expect(await page.locator('table.data tbody tr').count()).toBe(3);
		await expectAccessible(page);

		await page.getByLabel('Jag har en bra arbetssituation.').check();
		await page.getByLabel('Det ni kom fram till').fill('Ärendemängden är för stor. Vi prövar medhandläggare.');
		await page.getByLabel('Uppföljningsdatum').fill(dayAfter(appToday(), -1));
		await page.getByRole('button', { name: 'Spara gruppens handlingsplan' }).click();
		await expectVisible(page.getByText('Välj ett datum för uppföljning från och med i dag.'));
		expect(await page.getByLabel('Det ni kom fram till').inputValue()).toBe('Ärendemängden är för stor. Vi prövar medhandläggare.');
		expect(await page.getByLabel('Jag har en bra arbetssituation.').isChecked()).toBe(true);

		await page.getByLabel('Uppföljningsdatum').fill(dayAfter(appToday(), 90));
		await page.getByRole('button', { name: 'Spara gruppens handlingsplan' }).click();
		await page.waitForURL(/\/group-plans\/[0-9a-f-]{36}\?created/);
		await expectVisible(page.getByText('Gruppens handlingsplan är sparad.'));

		// An action needs words; one with a named owner from the group, one for the whole group.
		await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
		await expectVisible(page.getByText('Skriv vad ni ska göra.'));
		await page.getByLabel('Vad ska ni göra?').fill('Medhandläggare i de tyngsta ärendena');
		await page.getByLabel('Ansvarig').selectOption({ label: 'Sara Lindqvist' });
		await page.getByLabel('Klar senast').fill(dayAfter(appToday(), 30));
		await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
		await expectVisible(page.getByText('Åtgärden är tillagd.'));
		await page.getByLabel('Vad ska ni göra?').fill('Gemensam genomgång av ärendefördelningen');
		await page.getByLabel('Klar senast').fill(dayAfter(appToday(), 60));
		await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
		await expectVisible(page.locator('ul.actions li').filter({ hasText: 'Gemensam genomgång' }));
		const items = page.locator('ul.actions li');
		expect(await items.filter({ hasText: 'Medhandläggare i de tyngsta' }).textContent()).toContain('Ansvarig: Sara Lindqvist');
		expect(await items.filter({ hasText: 'Gemensam genomgång' }).textContent()).toContain('Ansvarig: hela gruppen');

		await items.filter({ hasText: 'Gemensam genomgång' }).getByRole('button', { name: /Markera som klar/ }).click();
		await expectVisible(items.filter({ hasText: 'Gemensam genomgång' }).getByText('Klar', { exact: true }));

		// Under way: the members are told on their start page.
		const member = await as(demo.socialsekreterare);
		await member.goto('/');
		await expectVisible(member.getByRole('link', { name: 'Öppna gruppens handlingsplan' }));
		expect(await member.locator('p.notice').filter({ hasText: 'Utredningsenheten barn och unga har en gemensam handlingsplan' }).count()).toBe(1);
		await member.close();

		// The follow-up needs an outcome.
		await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
		await expectVisible(page.getByText('Välj vad uppföljningen visade.'));
		await page.getByLabel('Delvis bättre').check();
		await page.getByLabel('Vad gruppen kom fram till').fill('Medhandläggarskapet har kommit i gång.');
		await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
		await expectVisible(page.getByText('Uppföljningen är sparad.'));
		expect(await page.locator('dl.facts').textContent()).toContain('Uppföljd: Delvis bättre');
		await expectAccessible(page);

		// A second plan for the same group and round is not made: the page points to the first.
		await page.goto('/group-plans/new');
		await expectVisible(page.getByRole('link', { name: 'Öppna planen' }));
		await page.close();
	});

	it('a member reads the group’s plan with names and comments by name', async () => {
		const page = await as(demo.socialsekreterare);
		await openPlan(page, SEEDED_ROUND);
		await expectVisible(page.getByRole('heading', { name: 'Gruppens kommentarer' }));
		expect(await page.locator('ul.actions').textContent()).toContain('Ansvarig: Sara Lindqvist');
		// Members read and comment; they do not change the plan.
		expect(await page.getByRole('button', { name: 'Lägg till åtgärden' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Spara uppföljningen' }).count()).toBe(0);

		await page.getByRole('button', { name: 'Skicka kommentaren' }).click();
		await expectVisible(page.getByText('Skriv en kommentar.'));
		const text = `Kan vi byta till onsdagar? (${Date.now()})`;
		await page.getByLabel('Din kommentar').fill(text);
		await page.getByRole('button', { name: 'Skicka kommentaren' }).click();
		await expectVisible(page.getByText('Din kommentar är sparad.'));
		const comment = page.locator('article.comment').filter({ hasText: text });
		await expectVisible(comment);
		expect(await comment.textContent()).toContain('Sara Lindqvist');
		await expectAccessible(page);
		await page.close();
	});

	it('the avdelningschef sees the plans, status and actions, never comments or names, and downloads them', async () => {
		const page = await as(demo.avdelningschef);
		await page.goto('/action-plans');
		expect(await page.getByRole('link', { name: 'Ny handlingsplan för gruppen' }).count()).toBe(0);
		const row = page.getByRole('row').filter({ hasText: SEEDED_ROUND });
		expect(await row.textContent()).toContain('Uppföljd');
		await openPlan(page, SEEDED_ROUND);
		const body = (await page.locator('main').textContent()) ?? '';
		expect(body).toContain('Gemensam ärendedragning varje tisdag');
		expect(body).not.toContain('Sara Lindqvist');
		expect(body).not.toContain('domstolen');
		expect(body).not.toContain('Ansvarig:');
		expect(await page.getByRole('heading', { name: 'Gruppens kommentarer' }).count()).toBe(0);
		expect(await page.getByRole('button').filter({ hasText: /Markera|Lägg till|Spara|Skicka/ }).count()).toBe(0);
		await expectAccessible(page);

		await page.goto('/action-plans');
		const file = await download(page, 'CSV');
		const csv = file.bytes.toString('utf8');
		expect(csv).toContain('Gemensam ärendedragning varje tisdag');
		expect(csv).not.toContain('Sara Lindqvist');
		expect(csv).not.toContain('domstolen');
		await page.close();
	});

	it('refuses those who lead no group: no page to make a plan', async () => {
		for (const who of [demo.socialsekreterare, demo.avdelningschef]) {
			const page = await as(who);
			const response = await page.goto('/group-plans/new');
			expect(response?.status()).toBe(404);
			await page.close();
		}
	});

	it('on a phone, the pages fit the width and read top to bottom', async () => {
		const page = await as(demo.enhetschef, { phone: true });
		await page.goto('/action-plans');
		expect(await fitsWidth(page)).toBe(true);
		await openPlan(page, SEEDED_ROUND);
		await page.locator('details.results summary').click();
		expect(await fitsWidth(page)).toBe(true);
		await page.goto('/group-plans/new');
		expect(await fitsWidth(page)).toBe(true);
		await expectAccessible(page);
		await page.close();
	});
});
