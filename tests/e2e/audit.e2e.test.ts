/**
 * The audit log in the browser: an administrator searches it (who, what, when, about whom), pages
 * through it and exports it; role changes from an import and failed logins are in it; a search
 * with a mistake says what is wrong; nobody else can open it.
 *
 * Shared demo state: logs in through the API many times as the central steering group (only adds
 * log entries), and imports one person into "Granskningsförvaltningen", a förvaltning of its own.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, baseURL, demo, expectAccessible, launch, login, newPage } from './support';

describe('the audit log', () => {
	let browser: Browser;
	let page: Page;
	const stamp = Date.now().toString(36);
	const wrongEmail = `ingen.${stamp}@exempelstad.se`;

	beforeAll(async () => {
		const failed = await fetch(`${baseURL()}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: wrongEmail, password: 'fel' }) });
		expect(failed.status).toBe(401);
		for (let i = 0; i < 51; i++) await apiLogin(demo.central);
		const token = await apiLogin(demo.admin);
		const imported = await api(token, '/import', {
			method: 'POST',
			body: JSON.stringify({
				scope: 'listed',
				rows: [{ Anställningsnummer: `G-${stamp}`, Namn: 'Greta Granskare', 'E-post': `greta.${stamp}@exempelstad.se`, Förvaltning: 'Granskningsförvaltningen', Avdelning: 'Avdelningen', Enhet: 'Enheten', Yrkestitel: 'Enhetschef', Chefsroll: 'Enhetschef' }]
			})
		});
		expect(imported.status).toBe(201);
		browser = await launch();
		page = await newPage(browser);
		await login(page, demo.admin);
	});
	afterAll(() => browser?.close());

	it('lists the latest events and is accessible', async () => {
		await page.goto('/admin/audit');
		expect(await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).isVisible()).toBe(true);
		expect(await page.getByRole('status').textContent()).toMatch(/\d+ händelser, sida 1 av \d+/);
		await expectAccessible(page);
	});

	it('finds a failed login by the address that was tried', async () => {
		await page.getByLabel(/^Vem/).fill(wrongEmail);
		await page.getByLabel('Händelse').selectOption({ label: 'Alla inloggningar och misslyckade försök' });
		await page.getByRole('button', { name: 'Sök' }).click();
		await page.waitForURL(/who=/);
		const rows = await page.locator('table.data tbody tr').allTextContents();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toContain('Misslyckad inloggning');
		expect(rows[0]).toContain(`e-post: ${wrongEmail}`);
		await expectAccessible(page);
	});

	it('shows the roles an import gave, searched by the person they are about', async () => {
		await page.goto('/admin/audit?subject=Greta+Granskare');
		const rows = await page.locator('table.data tbody tr').allTextContents();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatch(/Lena Åberg.*Fick roll.*Greta Granskare/);
		expect(rows[0]).toContain('roll: enhetschef');
		expect(rows[0]).toContain('via: import');
	});

	it('pages through many events', async () => {
		await page.goto('/admin/audit?action=login&who=Mikael');
		expect(await page.getByRole('status').textContent()).toMatch(/^\d+ händelser, sida 1 av [2-9]/);
		await page.getByRole('navigation', { name: 'Sidor' }).getByRole('link', { name: 'Nästa sida' }).click();
		await page.waitForURL(/page=2/);
		expect(await page.getByRole('navigation', { name: 'Sidor' }).textContent()).toContain('Sida 2 av');
		expect(await page.locator('table.data tbody tr').first().textContent()).toContain('Mikael Nyström');
		await expectAccessible(page);
	});

	it('a search with a mistake says what is wrong, next to the field, and keeps what was typed', async () => {
		await page.goto('/admin/audit');
		await page.getByLabel('Från och med').fill('2026-05-02');
		await page.getByLabel('Till och med').fill('2026-05-01');
		await page.getByRole('button', { name: 'Sök' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.locator('#to-error').textContent()).toBe('Slutdatumet kan inte vara före startdatumet.');
		expect(await page.getByLabel('Från och med').inputValue()).toBe('2026-05-02');
		await expectAccessible(page);
	});

	it('exports the search as CSV, and the export is itself logged', async () => {
		await page.goto(`/admin/audit?who=${encodeURIComponent(wrongEmail)}`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportera CSV' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^lagesbild-granskningslogg-\d{4}-\d{2}-\d{2}\.csv$/);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text).toContain('Tid;Vem;Anställningsnummer;Händelse;Kod;Avser;Avser (id);Detaljer;Adress');
		expect(text).toContain('Misslyckad inloggning;login.failed');
		await page.goto('/admin/audit?action=export.audit_log');
		expect(await page.locator('table.data tbody tr').first().textContent()).toContain('Exporterade granskningsloggen');
	});

	it('is there for administrators only, on the page and in the API', async () => {
		const other = await newPage(browser);
		await login(other, demo.central);
		expect((await other.goto('/admin/audit'))?.status()).toBe(404);
		expect((await other.goto('/admin/audit/export'))?.status()).toBe(404);
		expect((await api(await apiLogin(demo.central), '/audit')).status).toBe(404);
		const mine = await api(await apiLogin(demo.admin), `/audit?action=login.failed&who=${encodeURIComponent(wrongEmail)}`);
		expect(mine.status).toBe(200);
		expect(mine.body).toMatchObject({ total: 1, entries: [{ action: 'login.failed', actionLabel: 'Misslyckad inloggning', actorId: null }] });
	});
});
