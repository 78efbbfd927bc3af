/**
 * Themes in what staff write (issue 15), in the browser on the demo: the avdelningschef reads what
 * the avdelning wrote about, theme by theme with the change, and opens one theme's motivations;
 * the facklig representant sees the same read-only; the lokal styrgrupp sees on a plan area what
 * its staff wrote about it; an administrator tries a text, adds a word (a bad one is refused in
 * Swedish) and removes it again. The API carries the themes; others have no lexicon page.
 *
 * Shared demo state: the administrator's word is removed again at the end of its test.
 */
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, expectAccessible, expectVisible, launch, login, newPage } from './support';

describe('themes in what staff write', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser?.close());

	it('the avdelningschef reads the themes with their change, and one theme’s motivations', async () => {
		const page = await newPage(browser);
		await login(page, demo.avdelningschef);
		await page.goto('/reports');
		const table = page.getByRole('table', { name: 'Vad medarbetarna skriver om' });
		await expectVisible(table);
		const workload = table.getByRole('row', { name: /Arbetsbelastning och ärendemängd/ });
		const cells = await workload.locator('td').allTextContents();
		// Count · share, the change since the previous round (▲/▼ and the number), and the bands.
		expect(cells[0]).toMatch(/^\d+ · \d+,\d %$/);
		expect(cells[1]).toMatch(/[▲▼●] [+−±]\d+,\d/);
		expect(await page.getByText(/ändring/i).first().isVisible()).toBe(true);
		await expectAccessible(page);

		const wrote = Number(cells[0].split(' ')[0]);
		const allTexts = await page.locator('details.card li').allTextContents();
		await workload.getByRole('link').click();
		await page.waitForURL(/theme=workload/);
		await expectVisible(page.getByRole('heading', { name: 'Motiveringar om arbetsbelastning och ärendemängd' }));
		// Every respondent who wrote about it wrote at least one of these; all are among the unit's texts, and not all of them.
		const texts = await page.locator('details.card li').allTextContents();
		expect(texts.length).toBeGreaterThanOrEqual(wrote);
		expect(texts.length).toBeLessThan(allTexts.length);
		for (const text of texts) expect(allTexts).toContain(text);
		await page.getByRole('link', { name: 'Visa alla motiveringar' }).click();
		await page.waitForURL((u) => !u.search.includes('theme='));
		await expectAccessible(page);
		await page.close();
	});

	it('the facklig representant sees the themes read-only, with nothing named', async () => {
		const page = await newPage(browser);
		await login(page, demo.facklig);
		await page.goto('/reports');
		await expectVisible(page.getByRole('heading', { name: 'Vad medarbetarna skriver om' }));
		expect(await page.getByRole('button', { name: /Spara|Lägg till/ }).count()).toBe(0);
		expect((await page.goto('/admin/themes'))?.status()).toBe(404);
		await page.close();
	});

	it('the lokal styrgrupp sees on a plan area what its staff wrote about it', async () => {
		const page = await newPage(browser);
		await login(page, demo.styrgrupp);
		await page.getByRole('link', { name: 'Planens områden' }).click();
		await page.getByRole('link', { name: 'Systematisk intern ärendehandledning' }).click();
		await page.waitForURL(/\/plan\/[0-9a-f-]+\/[0-9a-f-]+$/);
		const section = page.getByRole('region', { name: 'Vad medarbetarna skrev om området' });
		await expectVisible(section);
		expect(await section.getByRole('heading', { level: 3 }).count()).toBe(2);
		expect(await section.textContent()).toMatch(/\d+ av \d+ svarande \(\d+,\d %\) skrev om området/);
		await expectAccessible(page);
		await section.getByRole('link', { name: /Öppna i rapporten/ }).first().click();
		await page.waitForURL(/theme=case_supervision/);
		await expectVisible(page.getByRole('heading', { name: 'Motiveringar om ärendehandledning' }));
		await page.close();
	});

	it('an administrator tries a text, adds a word to a theme (refused when bad) and removes it', async () => {
		const page = await newPage(browser);
		await login(page, demo.admin);
		await page.goto('/admin');
		await page.getByRole('link', { name: 'Teman i motiveringarna' }).click();
		await page.waitForURL(/\/admin\/themes$/);
		await expectAccessible(page);

		const word = `kaffemaskin${randomBytes(3).toString('hex')}`;
		await page.getByLabel('Text', { exact: true }).fill(`${word}en är trasig`);
		await page.getByRole('button', { name: 'Pröva' }).click();
		await expectVisible(page.getByText('Texten får inget tema.'));

		await page.getByLabel('Tema').selectOption({ label: 'Lokaler och arbetsredskap' });
		await page.getByLabel(/^Ord eller fras/).fill('lö*n');
		await page.getByRole('button', { name: 'Lägg till ordet' }).click();
		await expectVisible(page.getByText(/en stjärna \(\*\) bara först eller sist/));
		await expectAccessible(page);

		await page.getByLabel(/^Ord eller fras/).fill(`${word}*`);
		await page.getByRole('button', { name: 'Lägg till ordet' }).click();
		await expectVisible(page.getByText('Ordet är tillagt. Alla motiveringar har lästs igen med det.'));
		await page.getByLabel('Text', { exact: true }).fill(`${word}en är trasig`);
		await page.getByRole('button', { name: 'Pröva' }).click();
		await expectVisible(page.getByRole('status').getByText('Lokaler och arbetsredskap'));

		await page.getByRole('button', { name: `Ta bort ordet ${word}* ur Lokaler och arbetsredskap` }).click();
		await expectVisible(page.getByText('Ordet är borttaget. Alla motiveringar har lästs igen utan det.'));
		expect(await page.getByRole('button', { name: `Ta bort ordet ${word}* ur Lokaler och arbetsredskap` }).count()).toBe(0);
		await page.close();
	});

	it('a phone shows the lexicon and the themes without sideways scrolling of the page', async () => {
		const page = await newPage(browser);
		await page.setViewportSize({ width: 390, height: 844 });
		await login(page, demo.admin);
		for (const path of ['/admin/themes', '/reports']) {
			await page.goto(path);
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
			await expectAccessible(page);
		}
		await page.close();
	});

	it('the API carries the themes with the report, and refuses an unknown theme in Swedish', async () => {
		const token = await apiLogin(demo.avdelningschef);
		const rounds = await api(token, '/rounds');
		const closed = (rounds.body.rounds as { id: string; name: string }[]).find((r) => r.name === 'T2 2019')!;
		const report = await api(token, `/rounds/${closed.id}/report`);
		expect(report.status).toBe(200);
		expect(report.body.themes.shown).toBe(true);
		expect(report.body.themes.figures.map((t: { theme: string }) => t.theme)).toContain('workload');
		const themed = await api(token, `/rounds/${closed.id}/report?theme=workload`);
		expect(themed.body.filters.theme).toBe('workload');
		const bad = await api(token, `/rounds/${closed.id}/report?theme=weather`);
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ theme: 'Okänt tema.' });
	});
});
