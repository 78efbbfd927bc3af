/**
 * The staff import in the browser: a broken Excel file is refused with every problem on its own
 * line; a good Windows-1252 CSV shows exactly what would change and is applied in one go; the
 * next month's UTF-8 file shows a move, a newcomer and a leaver. The same through the API.
 *
 * Shared demo state: everything here happens in "Testförvaltningen för import", a förvaltning
 * the demo does not have (scope "listed"), so no demo login is touched.
 *
 * Guardrails: the scope must be chosen; the preview leads with a summary per förvaltning and
 * keeps its lists collapsed; ending more than 10 % of the people in scope needs the typed count.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, expectAccessible, launch, login, newPage } from './support';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');
const F = 'Testförvaltningen för import';

describe('importing staff from HR', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
		await login(page, demo.admin);
	});
	afterAll(() => browser?.close());

	const upload = async (file: string) => {
		await page.goto('/admin/import');
		await page.locator('#file').setInputFiles(path.join(fixtures, file));
		await page.getByLabel(/Filen omfattar/).selectOption('listed');
		await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	};

	it('the import page explains the columns and is accessible', async () => {
		await page.goto('/admin/import');
		expect(await page.getByRole('heading', { level: 1, name: 'Importera personal från HR' }).isVisible()).toBe(true);
		await page.getByText('Kolumner i filen').click();
		expect(await page.getByRole('rowheader', { name: 'Anställningsnummer' }).isVisible()).toBe(true);
		await expectAccessible(page);
	});

	it('the scope has no default: without a choice nothing is read, and the field says what to choose', async () => {
		await page.goto('/admin/import');
		expect(await page.getByLabel(/Filen omfattar/).inputValue()).toBe('');
		await page.locator('#file').setInputFiles(path.join(fixtures, 'personal-windows-1252.csv'));
		await page.getByRole('button', { name: 'Förhandsgranska' }).click();
		await page.locator('#scope-error').waitFor();
		expect(await page.locator('#scope-error').textContent()).toContain('Välj vad filen omfattar');
		expect(page.url()).toMatch(/\/admin\/import(\?.*)?$/);
		await expectAccessible(page);
	});

	it('a broken Excel file is refused whole, each problem with its line number', async () => {
		await upload('personal-med-fel.xlsx');
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toContain('Filen har 6 fel. Ingenting är inläst.');
		const rows = await page.getByRole('table', { name: 'Fel i filen, rad för rad' }).locator('tbody tr').allTextContents();
		expect(rows).toHaveLength(6);
		expect(rows[0]).toBe('3AnställningsnummerAnställningsnummer saknas.');
		expect(rows[1]).toContain('”fel.adress(at)import.exempelstad.se” är inte en giltig e-postadress.');
		expect(rows[2]).toMatch(/^5Verksamhetsområde.*Rymdfart/);
		expect(rows[3]).toMatch(/^6Verksamhetsområde.*biståndshandläggare/);
		expect(rows[4]).toContain('Anställningsnummer T-2001 finns redan på rad 2.');
		expect(rows[5]).toMatch(/^8E-post.*admin@exempelstad\.se används redan av Lena Åberg/);
		expect(await page.getByLabel(/Filen omfattar/).inputValue(), 'the choice is kept').toBe('listed');
		await expectAccessible(page);
		const people = await api(await apiLogin(demo.admin), '/import');
		expect(people.body.imports.every((i: { fileName: string }) => i.fileName !== 'personal-med-fel.xlsx')).toBe(true);
	});

	it('a good Windows-1252 file: the dry run shows exactly what will change', async () => {
		await upload('personal-windows-1252.csv');
		await page.waitForURL(/\/admin\/import\/[0-9a-f-]+$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Förhandsgranskning: personal-windows-1252.csv');
		const summary = await page.getByRole('region', { name: 'Det här skulle ändras' }).textContent();
		expect(summary).toContain('Nya personer8');
		expect(summary).toContain('Nya chefsroller3');
		expect(summary).toContain('Slutar (avaktiveras)0');
		const perForvaltning = await page.getByRole('table', { name: 'Per förvaltning' }).locator('tbody tr').allTextContents();
		expect(perForvaltning).toEqual([`${F}8000300`]);
		// The lists are collapsed until opened (details/summary, no script needed).
		expect(await page.getByRole('cell', { name: 'Åsa Öhman' }).isVisible()).toBe(false);
		await page.getByText('Nya personer (8)').click();
		await page.getByText('Nya enheter (4)').click();
		await page.getByText('Chefsroller (3)').click();
		const units = await page.getByRole('table', { name: /Nya enheter/ }).locator('tbody tr').allTextContents();
		expect(units).toEqual([`${F}Förvaltning`, `${F} / Avdelningen för vuxnaAvdelning`, `${F} / Avdelningen för vuxna / BeroendeenhetenEnhet`, `${F} / Avdelningen för vuxna / Socialpsykiatriska enhetenEnhet`]);
		expect(await page.getByRole('cell', { name: 'Åsa Öhman' }).isVisible(), 'å, ä and ö read from Windows-1252').toBe(true);
		expect(await page.getByRole('table', { name: /Nya personer/ }).getByRole('cell', { name: 'Hélène Dahl' }).isVisible()).toBe(true);
		expect(await page.getByRole('table', { name: /Chefsroller/ }).locator('tbody tr').count()).toBe(3);
		await expectAccessible(page);
	});

	it('applies it in one go', async () => {
		await page.getByRole('button', { name: 'Genomför importen' }).click();
		await page.waitForURL(/\?applied=1$/);
		expect(await page.getByRole('status').textContent()).toContain('Importen är genomförd.');
		expect(await page.getByRole('button', { name: 'Genomför importen' }).count(), 'cannot be applied twice').toBe(0);
		await expectAccessible(page);
		await page.goto('/admin/import');
		expect(await page.getByRole('row', { name: /personal-windows-1252\.csv.*Genomförd/ }).isVisible()).toBe(true);
	});

	it('next month’s UTF-8 file: a move, a newcomer and a leaver, matched by anställningsnummer', async () => {
		await upload('personal-utf8-next-month.csv');
		await page.waitForURL(/\/admin\/import\/[0-9a-f-]+$/);
		const summary = await page.getByRole('region', { name: 'Det här skulle ändras' }).textContent();
		expect(summary).toContain('Slutar (avaktiveras)1');
		for (const list of ['Byter enhet (1)', 'Nya personer (1)', 'Slutar (1)']) await page.getByText(list, { exact: true }).click();
		const moved = await page.getByRole('table', { name: /Byter enhet/ }).locator('tbody tr').allTextContents();
		expect(moved).toEqual([`3T-1002Björn Ängström${F} / Avdelningen för vuxna / Beroendeenheten${F} / Avdelningen för vuxna / Socialpsykiatriska enheten`]);
		expect(await page.getByRole('table', { name: /Nya personer/ }).locator('tbody tr').allTextContents()).toEqual([
			`9T-1009Nadia Berg${F} / Avdelningen för vuxna / BeroendeenhetenSocialsekreterare`
		]);
		expect(await page.getByRole('table', { name: /Slutar/ }).locator('tbody tr').allTextContents()).toEqual([`T-1004Karim Nasser${F} / Avdelningen för vuxna / Socialpsykiatriska enheten`]);
		await expectAccessible(page);
	});

	it('one of eight leaving is more than 10 %: the import asks for the typed count, refuses without it, then applies', async () => {
		expect(await page.getByText('Importen avaktiverar 1 av 8 aktiva personer (13 %)').isVisible()).toBe(true);
		const apply = page.getByRole('button', { name: 'Genomför importen och avaktivera en person' });
		expect(await apply.getAttribute('class')).toContain('danger');
		await apply.click();
		await page.locator('#confirm-error').waitFor();
		expect(await page.locator('#confirm-error').textContent()).toContain('Skriv antalet personer som slutar, 1, för att bekräfta.');
		expect(page.url(), 'nothing applied').not.toMatch(/applied=1/);
		await expectAccessible(page);
		await page.getByLabel(/Skriv antalet personer som slutar/).fill('2');
		await page.getByRole('button', { name: /Genomför importen/ }).click();
		await page.locator('#confirm-error').getByText('Du skrev 2').waitFor();
		await page.getByLabel(/Skriv antalet personer som slutar/).fill('1');
		await page.getByRole('button', { name: /Genomför importen/ }).click();
		await page.waitForURL(/\?applied=1$/);
	});

	it('the same through the API: a JSON dry run, a refused row, and the file as the body', async () => {
		const token = await apiLogin(demo.admin);
		const rows = [{ Anställningsnummer: 'T-1009', Namn: 'Nadia Berg', 'E-post': 'nadia.berg@import.exempelstad.se', Förvaltning: F, Avdelning: 'Avdelningen för vuxna', Enhet: 'Beroendeenheten', Yrkestitel: 'Socialsekreterare', Verksamhetsområde: 'Missbruk och beroende' }];
		const dry = await api(token, '/import', { method: 'POST', body: JSON.stringify({ rows, scope: 'listed', dryRun: true }) });
		expect(dry.status).toBe(200);
		expect(dry.body.plan.leavers.map((l: { employeeId: string }) => l.employeeId).sort()).toEqual(['T-1001', 'T-1002', 'T-1003', 'T-1005', 'T-1006', 'T-1007', 'T-1008']);
		expect(dry.body.plan.fingerprint).toMatch(/^[0-9a-f]{32}$/);
		expect(dry.body.guard).toMatchObject({ needsConfirm: true, leavers: 7, activeInScope: 8, limitPercent: 10 });

		// Applying it would end seven of eight: refused without the typed count, and with a wrong one.
		for (const confirm of [undefined, 8]) {
			const refused = await api(token, '/import', { method: 'POST', body: JSON.stringify({ rows, scope: 'listed', confirm }) });
			expect(refused.status).toBe(400);
			expect(refused.body.error.fields.confirm).toContain('7');
		}
		const applyRefused = await api(token, `/import/${dry.body.importId}/apply`, { method: 'POST', body: JSON.stringify({ fingerprint: dry.body.plan.fingerprint }) });
		expect(applyRefused.status).toBe(400);
		expect(applyRefused.body.error.message).toContain('Importen avaktiverar 7 av 8 aktiva personer');
		const noScope = await api(token, '/import', { method: 'POST', body: JSON.stringify({ rows, dryRun: true }) });
		expect(noScope.status).toBe(400);
		expect(noScope.body.error.fields.scope).toContain('Välj vad filen omfattar');

		const bad = await api(token, '/import', { method: 'POST', body: JSON.stringify({ rows: [{ ...rows[0], 'E-post': 'nej' }], scope: 'listed' }) });
		expect(bad.status).toBe(400);
		expect(bad.body.error.rows).toEqual([{ line: 1, column: 'E-post', message: '”nej” är inte en giltig e-postadress.' }]);

		const { readFileSync } = await import('node:fs');
		const res = await fetch(`${(await import('./support')).baseURL()}/api/v1/import?dryRun=true&scope=listed`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
			body: readFileSync(path.join(fixtures, 'personal-utf8-next-month.csv'))
		});
		expect(res.status).toBe(200);
		const unchanged = (await res.json()) as { plan: { summary: Record<string, number> } };
		expect(unchanged.plan.summary).toMatchObject({ newPeople: 0, moved: 0, leavers: 0, unchanged: 8 });

		const other = await api(await apiLogin(demo.avdelningschef), '/import');
		expect(other.status, 'not an administrator: not found').toBe(404);
	});
});
