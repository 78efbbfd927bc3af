/**
 * Indicators in the browser: the lokal styrgrupp enters a period's figures, sees the dashboard
 * change and downloads the T2 report as PDF (and Word); the central steering group imports
 * Tabell 1 of the 2021 report and sees it exactly as printed; wrong roles, bad input and a
 * broken file are refused. axe-core checks every page on the way.
 *
 * Changes only indicator figures and report texts, which no other browser test reads.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../src/lib/server/clock';
import { currentReportPeriod } from '../../src/lib/server/indicators/periods';
import { api, apiLogin, baseURL, demo, expectAccessible, expectVisible, launch, login, logout, newPage, download } from './support';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/indicators', name);


describe('indicators', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
	});
	afterAll(() => browser?.close());

	it('the lokal styrgrupp sees its förvaltning beside the city, with targets and data tables', async () => {
		await login(page, demo.styrgrupp);
		await page.getByRole('link', { name: 'Indikatorer', exact: true }).click();
		await page.waitForURL(/\/indicators$/);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Indikatorer: Norrviks stadsdelsförvaltning');
		const turnover = page.getByRole('region', { name: 'Personalrörlighet' });
		await expect(turnover.getByRole('img', { name: 'Personalrörlighet' }).count()).resolves.toBe(1);
		// the data table is in the page but closed, so that the dashboard stays short; Enter on its summary opens it
		const details = turnover.locator('details.data');
		expect(await details.getAttribute('open')).toBeNull();
		await expect(turnover.getByRole('table', { includeHidden: true }).textContent()).resolves.toContain('Hela Exempelstad');
		expect(await turnover.getByRole('table').count()).toBe(0);
		await details.locator('summary').focus();
		await page.keyboard.press('Enter');
		await expectVisible(turnover.getByRole('table'));
		await expect(turnover.getByRole('table').textContent()).resolves.toContain('Hela Exempelstad');
		expect(await details.getAttribute('open')).not.toBeNull();
		await expect(turnover.textContent()).resolves.toContain('Mål (12)');
		await expect(page.getByRole('heading', { name: /Mätningen av arbetssituationen i Norrviks stadsdelsförvaltning/ }).count()).resolves.toBe(1);
		await expectAccessible(page);
	});

	it('bad input is refused per field, with a Swedish message, and nothing typed is lost', async () => {
		await page.getByRole('link', { name: 'Rapportera värden' }).click();
		await page.waitForURL(/\/indicators\/entry/);
		await expectAccessible(page);
		await page.locator('[name="vfu_places.total"]').fill('tolv');
		await page.locator('[name="consultants.total"]').fill('-2');
		await page.getByRole('button', { name: /^Spara / }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		const text = await alert.textContent();
		expect(text).toContain('Värdena är inte sparade.');
		expect(text).toContain('Skriv ett tal, till exempel 12 eller 4,5.');
		expect(text).toContain('Ett antal kan inte vara negativt.');
		expect(await page.locator('[name="vfu_places.total"]').inputValue()).toBe('tolv');
		expect(await page.locator('[name="vfu_places.total"]').getAttribute('aria-invalid')).toBe('true');
		await expectAccessible(page);
	});

	let consultants = 0;
	let places = 0;
	it('an implausible jump is a warning that must be confirmed; a corrected value saves', async () => {
		const previous = async (name: string) => Number((await page.getByRole('group', { name }).locator('.meta strong').textContent())!.replace(/\D/g, ''));
		consultants = (await previous('Antal konsulter')) + 2;
		places = (await previous('VFU-platser som erbjudits')) + 1;
		await page.locator('[name="vfu_places.total"]').fill(String(places));
		await page.locator('[name="consultants.total"]').fill(String(consultants + 40));
		await page.getByRole('button', { name: /^Spara / }).click();
		const alert = page.getByRole('alert').filter({ hasText: 'Inget är sparat än.' });
		await alert.waitFor();
		await expect(page.locator('.field-warning').first().textContent()).resolves.toMatch(/högre än förra perioden .* Stämmer det\?/);
		await expectAccessible(page);
		await page.locator('[name="consultants.total"]').fill(String(consultants));
		await page.getByRole('button', { name: 'Spara igen efter ändring' }).click();
		await page.getByRole('status').filter({ hasText: 'Sparat' }).waitFor();
		expect(await page.getByRole('status').filter({ hasText: 'Sparat' }).textContent()).toMatch(/Sparat: 2 värden ändrades\./);
		await expect(page.getByRole('table', { name: /Senaste ändringar/ }).textContent()).resolves.toContain('Leila Karimi');
	});

	it('the dashboard shows the new figures', async () => {
		await page.getByRole('link', { name: 'Se översikten' }).click();
		await page.waitForURL(/\/indicators\?unit=/);
		expect(await page.getByRole('region', { name: 'Antal konsulter' }).locator('.figure').textContent()).toBe(`${consultants} konsulter`);
		expect(await page.getByRole('region', { name: 'VFU-platser som erbjudits' }).locator('.figure').textContent()).toBe(places === 1 ? '1 plats' : `${places} platser`);
	});

	it('the steering group writes the texts and downloads the T2 report as PDF and Word', async () => {
		await page.getByRole('link', { name: 'Rapport till nämnden (T2/VB)' }).click();
		await page.waitForURL(/\/indicators\/report/);
		// The T2 of the report being worked on (the app's rule, on the app's clock): last year's until May.
		const { year } = currentReportPeriod(now());
		await page.locator('#period').selectOption(`T2 ${year}`);
		await page.getByRole('button', { name: 'Visa' }).click();
		await page.waitForURL(/period=T2/);
		await expectAccessible(page);
		await page.getByLabel(/^Sammanfattning/).fill('Personalrörligheten fortsätter att minska.\n\nFärre konsulter än någonsin.');
		await page.getByRole('button', { name: 'Spara texterna' }).click();
		await page.getByRole('status').filter({ hasText: 'Texterna är sparade.' }).waitFor();
		expect(await page.getByLabel(/^Sammanfattning/).inputValue()).toContain('Färre konsulter än någonsin.');
		// The texts come before the downloads, which warn about the sections still empty.
		const warning = page.getByRole('region', { name: 'Ladda ner rapporten' }).getByRole('note');
		expect(await warning.textContent()).toMatch(/3 av 4 texter är inte skrivna: Arbetet under perioden, Analys, Fortsatt arbete\. De avsnitten kommer inte med i filen\./);
		const order = await page.evaluate(() => {
			const texts = document.getElementById('texts')!;
			const downloads = document.getElementById('download-heading')!;
			return texts.compareDocumentPosition(downloads) & Node.DOCUMENT_POSITION_FOLLOWING;
		});
		expect(order).toBeTruthy();

		const pdf = await download(page, 'Ladda ner som PDF');
		expect(pdf.name).toMatch(new RegExp(`^lagesbild-t2-${year}-norrviks-stadsdelsforvaltning-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
		expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const raw = pdf.bytes.toString('latin1');
		expect(raw).toContain('/StructTreeRoot');
		expect(raw).toContain('/Lang (sv-SE)');
		expect(pdf.bytes.length).toBeGreaterThan(50_000);

		const word = await download(page, 'Ladda ner som Word');
		expect(word.name).toMatch(/\.docx$/);
		expect(word.bytes.subarray(0, 2).toString()).toBe('PK');
		await logout(page);
	});

	it('wrong roles get "not found", and so does another förvaltning through the API', async () => {
		page = await newPage(browser);
		await login(page, demo.enhetschef);
		expect((await page.goto('/indicators/entry'))?.status()).toBe(404);
		expect((await page.goto('/indicators/import'))?.status()).toBe(404);
		expect((await page.goto('/indicators/admin'))?.status()).toBe(404);
		// The enhetschef reads the own förvaltning's figures, not another's.
		expect((await page.goto('/indicators'))?.status()).toBe(200);
		await expectAccessible(page);
		await logout(page);
		await login(page, demo.socialsekreterare);
		expect((await page.goto('/indicators'))?.status()).toBe(404);
		expect((await page.goto('/indicators/report/pdf'))?.status()).toBe(404);
		await page.goto('/');
		await logout(page);

		const token = await apiLogin(demo.styrgrupp);
		const list = await api(token, '/indicators');
		expect(list.status).toBe(200);
		const other = (list.body.units as { id: string; name: string }[]).find((u) => u.name !== 'Norrviks stadsdelsförvaltning' && !u.name.startsWith('Exempelstad'));
		expect(other).toBeUndefined();
		const central = await apiLogin(demo.central);
		const all = (await api(central, '/indicators')).body.units as { id: string; name: string }[];
		const ekbacka = all.find((u) => u.name === 'Ekbacka stadsdelsförvaltning')!;
		const refused = await api(token, '/indicators/entries', { method: 'PUT', body: JSON.stringify({ unit: ekbacka.id, period: 'T2 2021', entries: [{ indicator: 'consultants', value: 2 }] }) });
		expect(refused.status).toBe(404);
		expect((await api(token, `/indicators/consultants?unit=${ekbacka.id}`)).status).toBe(404);
	});

	it('a broken import file is refused with line numbers, and nothing is saved', async () => {
		page = await newPage(browser);
		await login(page, demo.central);
		await page.goto('/indicators/import');
		await expectAccessible(page);
		await page.getByLabel(/^Fil/).setInputFiles({
			name: 'trasig.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('Indikator;Förvaltning;Period;Värde\nVFU-platser som erbjudits;Norrviks stadsdelsförvaltning;VT 2020;4\nAntal konsultr;Norrviks stadsdelsförvaltning;april 2020;4\nAntal konsulter;Norrviks stadsdelsförvaltning;VT 2020;3\nVFU-platser som erbjudits;Okänd förvaltning;VT 2020;-2\n')
		});
		await page.getByRole('button', { name: 'Kontrollera filen' }).click();
		await page.getByRole('heading', { name: 'Fel i trasig.csv' }).waitFor();
		const rows = await page.getByRole('table', { name: 'Fel per rad' }).locator('tbody tr').allTextContents();
		expect(rows).toEqual([
			expect.stringMatching(/^3\s*Okänd indikator ”Antal konsultr”\.$/),
			expect.stringMatching(/^4\s*Perioden ”VT 2020” passar inte Antal konsulter/),
			expect.stringMatching(/^5\s*Okänd förvaltning ”Okänd förvaltning”/),
			expect.stringMatching(/^5\s*Ett antal kan inte vara negativt\.$/)
		]);
		expect(await page.getByRole('button', { name: /^Spara \d+ värden/ }).count()).toBe(0);
		await expectAccessible(page);
	});

	it('the central steering group imports Tabell 1 of the 2021 report and sees it exactly as printed', async () => {
		await page.getByLabel(/^Fil/).setInputFiles(fixture('tabell-1-konsulter-2016-2021.csv'));
		await page.getByRole('button', { name: 'Kontrollera filen' }).click();
		await page.getByRole('heading', { name: /inga fel/ }).waitFor();
		expect(await page.getByRole('heading', { name: /inga fel/ }).textContent()).toContain('tabell-1-konsulter-2016-2021.csv');
		expect(await page.locator('section.card p').first().textContent()).toMatch(/11 nya värden, 0 ändrade/);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Spara 11 värden' }).click();
		await page.getByRole('status').filter({ hasText: 'Filen är inläst.' }).waitFor();

		await page.goto('/indicators');
		await page.getByRole('link', { name: 'Antal konsulter' }).click();
		await page.waitForURL(/\/indicators\/consultants/);
		const table = page.getByRole('table', { name: /Antal konsulter i Hela Exempelstad, per år, april och november/ });
		const printed = (await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())))).filter((r) => Number(r[0].slice(0, 4)) >= 2016 && Number(r[0].slice(0, 4)) <= 2021);
		expect(printed.slice(0, 5)).toEqual([
			['2016', '88', '100'],
			['2017', '83', '60'],
			['2018', '58', '34'],
			['2019 (maj)', '23', '22'],
			['2020', '29', '30']
		]);
		expect(printed[5].slice(0, 2)).toEqual(['2021', '26']);
		await expect(page.getByRole('table', { name: /Vem som ändrat/ }).textContent()).resolves.toContain('Mikael Nyström');
		await expect(page.getByRole('heading', { name: 'Förvaltningarna jämförda' }).count()).resolves.toBe(1);
		await expectAccessible(page);
	});

	it('a city figure from only some förvaltningar is marked incomplete, in the headline, the chart and its table', async () => {
		await page.goto('/indicators');
		// The demo's VFU places are reported by some förvaltningar only.
		const panel = page.getByRole('region', { name: 'VFU-platser som erbjudits' });
		const badge = panel.locator('.badge.warn', { hasText: 'Ofullständig' });
		expect(await badge.textContent()).toMatch(/^Ofullständig: \d+ av \d+ förvaltningar har rapporterat$/);
		expect(await panel.getByText('Ofullständig: alla har inte rapporterat').count()).toBe(1);
		await panel.getByText('Tabell med värdena i diagrammet').click();
		expect(await panel.locator('table').textContent()).toMatch(/\(ofullständig: \d+ av \d+ förvaltningar har rapporterat\)/);
		expect(await panel.locator('svg[role="img"] path[fill="#FFFFFF"]').count()).toBeGreaterThan(0);
		await expectAccessible(page);
	});

	it('the administrator adds an indicator and sets the kommun name for the report', async () => {
		page = await newPage(browser);
		await login(page, demo.admin);
		await page.goto('/indicators/admin');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.locator('#name-error').textContent()).toBe('Ge indikatorn ett namn.');
		await page.getByLabel('Namn', { exact: true }).fill('Nyanställda med mentor');
		await page.getByLabel(/^Enhet/).fill('personer');
		await page.getByLabel('Ja, högre är bättre').check();
		await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
		await page.waitForURL(/\/indicators\/admin\/custom_nyanstallda_med_mentor/);
		await expectAccessible(page);
		expect(baseURL()).toBeTruthy();
	});
});
