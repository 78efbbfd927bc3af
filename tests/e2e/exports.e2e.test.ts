/** Downloads of reports (CSV and Excel) in the browser, through the same anonymity rule. */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, launch, login, logout, newPage, download } from './support';


describe('exports', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
	});
	afterAll(() => browser?.close());

	it('the avdelningschef downloads the report as CSV: hidden groups carry only the reason', async () => {
		await login(page, demo.avdelningschef);
		await page.goto('/reports');
		const file = await download(page, 'Ladda ner som CSV');
		expect(file.name).toMatch(/^lagesbild-avdelningen-for-barn-och-unga-t2-2019-\d{4}-\d{2}-\d{2}\.csv$/);
		const text = file.bytes.toString('utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const small = text.split('\r\n').find((l) => l.startsWith('Familjerättsenheten'))!;
		expect(small).toContain('Färre än 5 svarande');
		expect(small.split(';').slice(1, 5).every((cell) => cell === '')).toBe(true);
		expect(text).toMatch(/Hela Avdelningen för barn och unga;\d+;/);
	});

	it('the Excel file has numbers as numbers and the same suppression', async () => {
		const file = await download(page, 'Ladda ner som Excel');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file.path);
		const sheet = workbook.worksheets[0];
		const rows: unknown[][] = [];
		sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
		expect(rows[0][0]).toBe('Enhet');
		const total = rows.find((r) => String(r[0]).startsWith('Hela'))!;
		expect(typeof total[1]).toBe('number');
		const small = rows.find((r) => r[0] === 'Familjerättsenheten')!;
		expect(small[1] ?? null).toBeNull();
	});

	it('the trend over rounds downloads too', async () => {
		const file = await download(page, 'Ladda ner utvecklingen som CSV');
		const text = file.bytes.toString('utf8');
		for (const round of ['VB 2016', 'T2 2017', 'VB 2017', 'T2 2018', 'VB 2018', 'T2 2019']) expect(text).toContain(`\r\n${round};`);
		expect((await page.goto('/team/export?format=csv'))?.status()).toBe(404);
		await page.goto('/');
		await logout(page);
	});

	it('the enhetschef downloads the named list of own staff', async () => {
		await login(page, demo.enhetschef);
		await page.goto('/team');
		const file = await download(page, 'Ladda ner som CSV');
		const text = file.bytes.toString('utf8');
		expect(text.split('\r\n')[0]).toMatch(/^\uFEFF?Medarbetare;Yrkestitel;/);
		expect(text).toContain('Sara Lindqvist');
		expect(text).not.toContain('Familjerättsenheten');
	});
});
