/**
 * The people register and the register extract (GDPR art. 15) in the browser: an administrator
 * finds a person, sees their roles, takes the extract as a page and as a JSON file, and the
 * taking is logged. Retention is not configured in the demo: the page says so.
 *
 * Shared demo state: adds audit entries, and one incident of harassment (not serious) reported by
 * the demo biståndshandläggare, as api-incidents.e2e.test.ts does.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, expectAccessible, launch, login, minutesAgo, newPage } from './support';

describe('people and the register extract', () => {
	let browser: Browser;
	let page: Page;
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
		await login(page, demo.admin);
	});
	afterAll(() => browser?.close());

	it('finds a person by name and shows their roles', async () => {
		await page.goto('/admin/people');
		expect(await page.getByRole('heading', { name: 'Gallring av svar med namn' }).isVisible()).toBe(true);
		expect(await page.getByText('Ingen gallringstid är inställd').isVisible()).toBe(true);
		await expectAccessible(page);
		await page.getByLabel('Namn, e-post eller anställningsnummer').fill('Maria Ekström');
		await page.getByRole('button', { name: 'Sök' }).click();
		await page.getByRole('link', { name: 'Maria Ekström' }).click();
		await page.waitForURL(/\/admin\/people\/[0-9a-f-]+$/);
		expect(await page.getByRole('table', { name: 'Roller' }).textContent()).toContain('Enhetschef');
		await expectAccessible(page);
	});

	it('takes the register extract of a socialsekreterare: her answers, her plan, what was logged about her', async () => {
		await page.goto(`/admin/people?q=${encodeURIComponent(demo.socialsekreterare)}`);
		await page.getByRole('link', { name: 'Sara Lindqvist' }).click();
		await page.getByRole('link', { name: 'Visa registerutdrag' }).click();
		await page.waitForURL(/\/extract$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Registerutdrag för Sara Lindqvist');
		expect(await page.getByRole('heading', { name: /^Svar \(\d+\)$/ }).textContent()).not.toBe('Svar (0)');
		expect(await page.getByRole('table', { name: /Mätomgångar personen har ingått i/ }).textContent()).toContain('VB 2016');
		// What she gave between the rounds, in sections of their own: her workload ratings, her
		// checklists (no client named), and the introductions she is mentor for (without content).
		expect(await page.getByRole('table', { name: /^Arbetsbelastning mellan mätomgångarna/ }).getByRole('row').count()).toBeGreaterThan(1);
		expect(await page.getByRole('table', { name: /^Checklistor vid avslutad utredning/ }).textContent()).toMatch(/Ja|Nej/);
		expect(await page.getByRole('table', { name: /^Introduktioner där personen är mentor/ }).getByRole('row').count()).toBeGreaterThan(1);
		await expectAccessible(page);

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner som JSON' }).first().click()]);
		expect(download.suggestedFilename()).toMatch(/^registerutdrag-sara-lindqvist-\d{4}-\d{2}-\d{2}\.json$/);
		const extract = JSON.parse(readFileSync((await download.path())!, 'utf8'));
		expect(extract.person).toMatchObject({ name: 'Sara Lindqvist', email: demo.socialsekreterare, title: 'Socialsekreterare', localPassword: true });
		expect(extract.answers.length).toBeGreaterThan(0);
		expect(extract.checklists.length).toBeGreaterThan(0);
		expect(extract.workload.length).toBeGreaterThan(0);
		expect(JSON.stringify(extract)).not.toMatch(/\$argon2/);

		const log = await api(await apiLogin(demo.admin), `/audit?action=read.register_extract&subject=${encodeURIComponent('Sara Lindqvist')}`);
		expect(log.body.entries.map((e: { detail: { format: string } }) => e.detail.format).sort()).toEqual(['json', 'page']);
	});

	it('the same through the API, and for administrators only', async () => {
		const admin = await apiLogin(demo.admin);
		const found = await api(admin, `/people?q=${encodeURIComponent('Amina Hassan')}`);
		expect(found.status).toBe(200);
		const amina = found.body.people[0];
		expect(amina).toMatchObject({ name: 'Amina Hassan', titleLabel: 'Biståndshandläggare', active: true });
		// An incident she reports herself is in her extract, readable, with what happened. Harassment,
		// not serious: no manager is asked to report it to Arbetsmiljöverket (shared demo state).
		const { day, time } = minutesAgo(10);
		const what = 'En anhörig skrev kränkande meddelanden till mig (registerutdrag).';
		const reported = await api(await apiLogin(demo.bistandshandlaggare), '/incidents', {
			method: 'POST',
			body: JSON.stringify({ form: 'trakasserier', occurredOn: day, occurredTime: time, activityArea: 'aldreomsorg', description: what, policeReported: true })
		});
		expect(reported.status).toBe(201);
		const extract = await api(admin, `/people/${amina.id}/extract`);
		expect(extract.status).toBe(200);
		expect(extract.body.person.name).toBe('Amina Hassan');
		expect(extract.body.incidents).toContainEqual(expect.objectContaining({ form: 'Trakasserier', description: what, policeReported: true, reportedBy: 'Amina Hassan' }));
		const adminPage = await newPage(browser);
		await login(adminPage, demo.admin);
		await adminPage.goto(`/admin/people/${amina.id}/extract`);
		expect(await adminPage.getByRole('heading', { name: /^Otillåten påverkan, hot och våld \(\d+\)$/ }).count()).toBe(1);
		expect(await adminPage.getByText(what).count()).toBe(1);
		await expectAccessible(adminPage);
		await adminPage.close();
		const retention = await api(admin, '/people/retention');
		expect(retention.body).toMatchObject({ years: null, due: [] });

		const manager = await apiLogin(demo.enhetschef);
		expect((await api(manager, `/people/${amina.id}/extract`)).status).toBe(404);
		expect((await api(manager, '/people?q=Amina')).status).toBe(404);
		const other = await newPage(browser);
		await login(other, demo.enhetschef);
		expect((await other.goto(`/admin/people/${amina.id}/extract`))?.status()).toBe(404);
		expect((await other.goto('/admin/people'))?.status()).toBe(404);
	});
});
