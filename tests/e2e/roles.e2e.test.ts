/**
 * The kommun's own roles in the browser: an administrator gives a person the role of facklig
 * representant on a förvaltning (a role on the wrong kind of unit is refused with what to fix),
 * that person then reads the förvaltning's reports and nothing named, and once the role is ended
 * the reports are gone. The demo's följeforskare reads every förvaltning's plan but suggests nothing.
 *
 * Shared demo state: one person who is no demo login gets a role and loses it again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, expectAccessible, expectVisible, launch, login, logout, newPage } from './support';

describe('the kommun’s own roles', () => {
	let browser: Browser;
	let admin: Page;
	let person: { id: string; name: string; email: string };
	beforeAll(async () => {
		browser = await launch();
		admin = await newPage(browser);
		await login(admin, demo.admin);
		// A socialsekreterare who is no demo login and has no role.
		const token = await apiLogin(demo.admin);
		const found = (await api(token, '/people?q=exempelstad.se')).body.people as { id: string; name: string; email: string; active: boolean; title: string }[];
		const logins = new Set(Object.values(demo));
		person = found.find((p) => p.active && p.title === 'socialsekreterare' && !logins.has(p.email))!;
		expect(person).toBeTruthy();
	});
	afterAll(() => browser?.close());

	async function chooseNorrvik(page: Page) {
		const options = await page.getByLabel('Gäller').locator('option').allTextContents();
		await page.getByLabel('Gäller').selectOption({ label: options.find((o) => o.startsWith('Norrvik'))! });
	}

	it('an administrator gives a facklig representant her role; a role on the wrong unit is refused with what to fix', async () => {
		await admin.goto(`/admin/people/${person.id}`);
		await expectVisible(admin.getByRole('heading', { name: 'Ge en roll' }));
		await expectAccessible(admin);

		await admin.getByRole('button', { name: 'Ge rollen' }).click();
		await expectVisible(admin.getByText('Välj en roll.'));
		await admin.getByLabel('Roll').selectOption({ label: 'Central styrgrupp' });
		await chooseNorrvik(admin);
		await admin.getByRole('button', { name: 'Ge rollen' }).click();
		await expectVisible(admin.getByText('Central styrgrupp gäller kommunen. Välj kommunen.'));

		await admin.getByLabel('Roll').selectOption({ label: 'Facklig representant' });
		await admin.getByRole('button', { name: 'Ge rollen' }).click();
		await expectVisible(admin.getByText('Rollen är given.'));
		expect(await admin.getByRole('table', { name: 'Roller' }).textContent()).toContain('Facklig representant');
	});

	it('the facklig representant reads the förvaltning’s reports, nothing named; ended, the reports are gone', async () => {
		const reader = await newPage(browser);
		await login(reader, person.email);
		const menu = reader.getByRole('navigation');
		await expectVisible(menu.getByRole('link', { name: 'Rapporter' }));
		expect(await menu.getByRole('link', { name: 'Min personal' }).count()).toBe(0);
		expect((await reader.goto('/reports'))?.status()).toBe(200);
		expect(await reader.getByRole('heading', { level: 1 }).textContent()).toMatch(/Norrvik/);
		expect((await reader.goto('/team'))?.status()).toBe(404);
		expect((await reader.goto('/indicators/entry'))?.status()).toBe(404);

		await admin.goto(`/admin/people/${person.id}`);
		await admin.getByRole('button', { name: /Avsluta rollen Facklig representant/ }).click();
		await expectVisible(admin.getByText('Rollen är avslutad.'));
		expect((await reader.goto('/reports'))?.status()).toBe(404);
		await logout(reader);
		await reader.close();
	});

	it('the same through the API: an administrator gives and ends a role; a wrong unit is 400, anyone else 404', async () => {
		const token = await apiLogin(demo.admin);
		const units = (await api(token, '/org-units')).body.orgUnits as { id: string; kind: string }[];
		const kommun = units.find((u) => u.kind === 'kommun')!.id;
		const forvaltning = units.find((u) => u.kind === 'forvaltning')!.id;
		const wrong = await api(token, `/people/${person.id}/roles`, { method: 'POST', body: JSON.stringify({ role: 'central_steering', unitId: forvaltning }) });
		expect(wrong.status).toBe(400);
		expect(wrong.body.error.fields).toEqual({ unitId: 'Central styrgrupp gäller kommunen. Välj kommunen.' });
		const given = await api(token, `/people/${person.id}/roles`, { method: 'POST', body: JSON.stringify({ role: 'researcher', unitId: kommun }) });
		expect(given.status).toBe(201);
		expect(given.body).toMatchObject({ personId: person.id, role: 'researcher', orgUnitId: kommun, validTo: null });
		expect((await api(await apiLogin(demo.central), `/people/${person.id}/roles/${given.body.id}`, { method: 'DELETE' })).status).toBe(404);
		const ended = await api(token, `/people/${person.id}/roles/${given.body.id}`, { method: 'DELETE' });
		expect(ended).toEqual({ status: 200, body: { ended: true } });
	});

	it('the demo’s följeforskare reads every förvaltning’s plan, and may not suggest in it', async () => {
		const page = await newPage(browser);
		await login(page, demo.foljeforskare);
		await page.goto('/plan');
		const plans = page.locator('main a[href^="/plan/"]');
		expect(await plans.count()).toBeGreaterThan(10);
		await plans.first().click();
		await page.waitForURL(/\/plan\/[0-9a-f-]{36}$/);
		expect(await page.getByRole('button', { name: 'Skicka förslaget' }).count()).toBe(0);
		await expectAccessible(page);
		await page.close();
	});
});
