/**
 * The journey of the "done when": a socialsekreterare answers the open round, their
 * enhetschef sees the answer by name and offers an action plan, the avdelningschef sees the
 * unit only in aggregate with small groups suppressed. axe-core checks every page on the way.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/time';
import { appToday, appYear, demo, expectAccessible, expectVisible, launch, login, logout, newPage } from './support';

describe('the measurement round, end to end', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
	});
	afterAll(() => browser?.close());

	it('the login page lists the demo accounts and is accessible', async () => {
		await page.goto('/login');
		await expectVisible(page.getByRole('heading', { name: 'Logga in' }));
		await expectVisible(page.getByRole('cell', { name: demo.socialsekreterare }));
		await expectAccessible(page);
	});

	it('a wrong password gets a generic Swedish message', async () => {
		await page.getByLabel('E-postadress').fill(demo.socialsekreterare);
		await page.getByLabel('Lösenord').fill('fel-lösenord');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').textContent()).toContain('Fel e-postadress eller lösenord.');
		expect(await page.getByLabel('E-postadress').inputValue()).toBe(demo.socialsekreterare);
	});

	it('the socialsekreterare sees the open round on the start page and who will see the answer', async () => {
		await login(page, demo.socialsekreterare);
		await expectVisible(page.getByRole('heading', { name: /Hej Sara Lindqvist/ }));
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Svara på mätomgången' }).click();
		await page.waitForURL(/\/answer$/);
		const who = await page.getByRole('region', { name: 'Vem ser dina svar?' }).textContent();
		expect(who).toContain('Johan Bergström');
		expect(who).toContain('med ditt namn');
		expect(who).toContain('minst 5 svarande');
		await expectAccessible(page);
	});

	it('bad input is refused with Swedish messages and nothing typed is lost', async () => {
		await page.getByLabel(/Hur många öppna ärenden/).fill('-4');
		await page.locator('label[for="situationScore-2"]').click();
		await page.getByLabel('Motivering').first().fill('För många ärenden, hinner inte dokumentera.');
		await page.getByRole('button', { name: 'Skicka svar' }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		const text = await alert.textContent();
		expect(text).toContain('Svaret är inte sparat.');
		expect(text).toContain('Antal ärenden kan inte vara negativt.');
		expect(text).toContain('Välj ett svar mellan 1 och 6 för "Jag känner att jag kan göra ett gott arbete."');
		expect(await page.getByLabel('Motivering').first().inputValue()).toBe('För många ärenden, hinner inte dokumentera.');
		expect(await page.locator('#situationScore-2').isChecked()).toBe(true);
		await expectAccessible(page);
	});

	it('a complete answer is saved and can be changed while the round is open', async () => {
		await page.getByLabel(/Hur många öppna ärenden/).fill('23');
		await page.locator('label[for="qualityScore-3"]').click();
		await page.locator('label[for="recommendScore-4"]').click();
		await page.getByLabel(/Ditt svar/).fill('Handledningen på tisdagar och kollegorna i gruppen.');
		await page.getByRole('button', { name: 'Skicka svar' }).click();
		await page.getByRole('status').waitFor();
		expect(await page.getByRole('status').textContent()).toContain('Tack! Ditt svar är sparat.');
		await page.goto('/');
		await expectVisible(page.getByText('Du har svarat.'));
		await page.goto('/my/history');
		await expectVisible(page.getByRole('heading', { name: `VB ${appYear()}` }));
		await expectAccessible(page);
	});

	it('a socialsekreterare cannot open the manager’s or the reports pages', async () => {
		expect((await page.goto('/team'))?.status()).toBe(404);
		expect((await page.goto('/reports'))?.status()).toBe(404);
		expect((await page.goto('/admin/rounds'))?.status()).toBe(404);
		await page.goto('/');
		await logout(page);
	});

	it('the enhetschef sees the answer by name, with the motivation and the positive answer', async () => {
		await login(page, demo.enhetschef);
		await page.goto('/team');
		const sara = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Sara Lindqvist' }) });
		await sara.waitFor();
		expect(await sara.locator('.cases').textContent()).toBe('23');
		// The motivations are in place, under her figures.
		await sara.getByText('Motiveringar och vad som är positivt').click();
		await expectVisible(sara.getByText('För många ärenden, hinner inte dokumentera.'));
		await expectVisible(sara.getByText('Handledningen på tisdagar och kollegorna i gruppen.'));
		await expectVisible(page.getByRole('heading', { name: /Har inte svarat/ }));
		await expectAccessible(page);
	});

	it('offers an individual action plan from her answers, with measures picked from the library, and records goals', async () => {
		await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Sara Lindqvist' }) }).getByRole('link', { name: /Erbjud handlingsplan/ }).click();
		await page.waitForURL(/\/team\/offer\/[0-9a-f-]+\?round=/);
		await expectVisible(page.getByRole('heading', { name: 'Erbjud Sara Lindqvist en individuell handlingsplan' }));
		// Her answer and motivation beside the form, read-only.
		await expectVisible(page.getByText('För många ärenden, hinner inte dokumentera.'));
		await expectVisible(page.getByRole('heading', { name: 'Medhandläggarskap' }));
		await expectAccessible(page);
		// A date in the past is refused with what to fix, and the picked measures stay picked.
		await page.getByLabel('Medhandläggare i tunga ärenden').check();
		await page.getByLabel('Uppföljningsdatum').fill('2000-01-01');
		await page.getByRole('button', { name: 'Erbjud handlingsplanen' }).click();
		await expectVisible(page.getByText('Välj ett datum för uppföljning från och med i dag.'));
		expect(await page.getByLabel('Medhandläggare i tunga ärenden').isChecked()).toBe(true);
		await page.getByLabel('Uppföljningsdatum').fill(addDays(appToday(), 42));
		await page.getByLabel('Andra åtgärder').fill('Avstämning varje fredag');
		await page.getByRole('button', { name: 'Erbjud handlingsplanen' }).click();
		await page.waitForURL(/\/action-plans\/[0-9a-f-]+\?offered=1/);
		expect(await page.getByLabel(/^Överenskomna åtgärder/).inputValue()).toBe('• Medhandläggare i tunga ärenden\nAvstämning varje fredag');
		await expectVisible(page.getByRole('heading', { name: 'Individuell handlingsplan för Sara Lindqvist' }));
		await page.getByLabel(/^Mål/).fill('Högst 20 öppna ärenden till uppföljningen.');
		await page.getByLabel('Status').selectOption('active');
		await page.getByRole('button', { name: 'Spara planen' }).click();
		await page.getByText('Planen är sparad.').waitFor();
		await expectAccessible(page);
		await logout(page);
	});

	it('the employee sees the plan; the avdelningschef cannot', async () => {
		await login(page, demo.socialsekreterare);
		await page.goto('/action-plans');
		await page.getByRole('link', { name: /Handlingsplan med Maria Ekström/ }).click();
		await expectVisible(page.getByText('Högst 20 öppna ärenden till uppföljningen.'));
		const planUrl = page.url();
		await logout(page);
		await login(page, demo.avdelningschef);
		expect((await page.goto(planUrl))?.status()).toBe(404);
	});

	it('the avdelningschef sees the avdelning only in aggregate, with the small enhet suppressed', async () => {
		await page.goto('/reports');
		await expectVisible(page.getByRole('heading', { level: 1, name: 'Avdelningen för barn och unga' }));
		const small = page.getByRole('row', { name: /Familjerättsenheten/ });
		expect(await small.textContent()).toContain('Färre än 5 svarande');
		expect(await page.getByText('Sara Lindqvist').count()).toBe(0);
		// A heatmap: each mean with its band in words, the change since the previous round, and the units above to compare with.
		const table = page.getByRole('table', { name: /Resultat/ });
		const totalRow = table.getByRole('row', { name: /Hela Avdelningen för barn och unga/ });
		expect(await totalRow.textContent()).toMatch(/(Lågt|Något lågt|Något högt|Högt)/);
		expect(await totalRow.locator('td.heat[data-band]').count()).toBeGreaterThanOrEqual(3);
		expect(await totalRow.locator('.change .visually-hidden').first().textContent()).toMatch(/sedan VB 2018|ingen jämförelse med VB 2018/);
		await expectVisible(table.getByRole('rowheader', { name: 'Hela Exempelstad' }));
		expect(await table.getByText(/Att jämföra med/).count()).toBe(1);
		expect((await page.goto('/team'))?.status()).toBe(404);
		await page.goto('/reports');
		await expectAccessible(page);
	});

	it('a filter that matches no one in the avdelning says so once, with why', async () => {
		await page.goto('/reports');
		await page.getByLabel('Yrkestitel').selectOption({ label: 'Biståndshandläggare' });
		await page.getByRole('button', { name: 'Visa' }).first().click();
		await page.waitForURL(/title=bistandshandlaggare/);
		await expectVisible(page.getByRole('heading', { name: 'Urvalet matchar ingen' }));
		expect(await page.getByRole('main').textContent()).toMatch(/Ingen i Avdelningen för barn och unga som tillfrågades i .+ är biståndshandläggare\./);
		expect(await page.getByText('Färre än 5 svarande').count()).toBe(0);
		await expectAccessible(page);
	});

	it('the motivations of a large group come a limited number at a time, with the total and a search', async () => {
		await page.goto('/reports?textLimit=2');
		await expectVisible(page.getByRole('heading', { name: 'Motiveringar' }));
		const note = page.getByText(/^Visar de 2 första av \d+ i bokstavsordning\. Sök efter ett ord för att hitta fler\.$/).first();
		await note.waitFor({ state: 'attached' });
		const total = Number(/av (\d+)/.exec((await note.textContent()) ?? '')?.[1]);
		expect(total).toBeGreaterThan(2);
		await expectVisible(page.getByLabel('Sök i motiveringarna'));
	});

	it('while the round is open, the avdelningschef sees only how many have answered, per enhet where groups are large enough', async () => {
		await page.goto('/reports');
		await page.getByLabel('Mätomgång').selectOption({ label: `VB ${appYear()} (pågår)` });
		await page.getByRole('button', { name: 'Visa' }).first().click();
		await page.getByRole('heading', { name: `VB ${appYear()} pågår` }).waitFor();
		expect(await page.getByText(/har svarat/).first().textContent()).toMatch(/\d+ av \d+ har svarat/);
		// One table: answered per enhet, no figures of the answers.
		const perUnit = page.getByRole('table', { name: 'Svarsfrekvens per enhet' });
		expect(await page.locator('table.data').count()).toBe(1);
		expect(await perUnit.getByRole('row').count()).toBeGreaterThan(2);
		expect(await perUnit.textContent()).toMatch(/\d+ av \d+/);
		expect(await perUnit.getByRole('row', { name: /Familjerättsenheten/ }).textContent()).toContain('Färre än 5 medarbetare');
		await expectAccessible(page);
	});

	it('works without JavaScript: log in and change the answer with plain form posts', async () => {
		const plain = await newPage(browser, { javaScript: false });
		await login(plain, demo.socialsekreterare);
		await plain.goto('/');
		await plain.getByRole('link', { name: 'Visa eller ändra ditt svar' }).click();
		expect(await plain.getByLabel(/Hur många öppna ärenden/).inputValue()).toBe('23');
		await plain.getByLabel(/Hur många öppna ärenden/).fill('');
		await plain.getByRole('button', { name: 'Spara ändringar' }).click();
		await expectVisible(plain.getByText('Fyll i hur många öppna ärenden du har (0 om du inte har några).').first());
		await plain.getByLabel(/Hur många öppna ärenden/).fill('21');
		await plain.getByRole('button', { name: 'Spara ändringar' }).click();
		await expectVisible(plain.getByRole('status'));
		expect(await plain.getByLabel(/Hur många öppna ärenden/).inputValue()).toBe('21');
		await plain.context().close();
	});
});
