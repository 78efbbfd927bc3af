/**
 * Otillåten påverkan, hot och våld, end to end: an employee reports a threat she takes seriously
 * (bad input first), her enhetschef is told at once that it must be reported to
 * Arbetsmiljöverket and records that and the measures, the employee says whether the support was
 * enough, the enhetschef exports for the work-injury reporting, the designated arbetsmiljö
 * function reads it, an administrator designates another reader and removes her again, and
 * statistics upward show counts only, through the anonymity rule. axe-core
 * checks every page; others' incidents answer "not found".
 *
 * Shared demo state: adds incidents for the demo socialsekreterare (nothing else uses them), and a
 * designation of the demo biståndshandläggare that it removes again.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, appToday, demo, expectAccessible, launch, login as loginAs, newPage } from './support';

const READER = 'arbetsmiljo@exempelstad.se';
const WHAT = 'Pappan sa i telefon att han vet var jag bor och att jag ska passa mig.';

async function login(page: Page, email: string) {
	await page.context().clearCookies();
	await loginAs(page, email);
}

async function download(page: Page, linkName: string | RegExp) {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
	return { name: file.suggestedFilename(), path: (await file.path())! };
}


describe('incidents: otillåten påverkan, hot och våld', () => {
	let browser: Browser;
	let page: Page;
	let incidentUrl: string;
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
	});
	afterAll(() => browser?.close());

	it('an employee reports a threat; missing answers are asked for in Swedish and nothing typed is lost', async () => {
		await login(page, demo.socialsekreterare);
		await page.getByRole('link', { name: 'Hot och våld' }).first().click();
		await page.waitForURL(/\/incidents$/);
		expect(await page.getByText('Du har inga rapporterade händelser.').isVisible()).toBe(true);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Rapportera en händelse' }).click();
		await page.waitForURL(/\/incidents\/new$/);
		await expectAccessible(page);

		await page.getByRole('radio', { name: 'Hot', exact: true }).check();
		await page.getByLabel('Var eller i vilken situation?').fill('Telefon');
		await page.getByRole('button', { name: 'Rapportera händelsen' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').textContent()).toContain('Händelsen är inte rapporterad.');
		expect(await page.locator('#description-error').textContent()).toBe('Beskriv vad som hände.');
		expect(await page.locator('#policeReported-error').textContent()).toBe('Svara om händelsen är polisanmäld.');
		expect(await page.locator('#threatTakenSeriously-error').textContent()).toBe('Svara om medarbetaren tar hotet på allvar.');
		expect(await page.getByRole('radio', { name: 'Hot', exact: true }).isChecked()).toBe(true);
		expect(await page.getByLabel('Var eller i vilken situation?').inputValue()).toBe('Telefon');
		await expectAccessible(page);

		await page.getByRole('group', { name: /tar du .* hotet på allvar/ }).getByRole('radio', { name: 'Ja' }).check();
		// Today at 00:00 by the app's clock: never in the future, whatever the hour the suite runs.
		await page.locator('#occurredOn').fill(appToday());
		await page.locator('#occurredTime').fill('00:00');
		await page.getByLabel('Vad hände?').fill(WHAT);
		await page.getByRole('group', { name: 'Är händelsen polisanmäld?' }).getByRole('radio', { name: 'Nej, inte än' }).check();
		await page.getByRole('button', { name: 'Rapportera händelsen' }).click();
		await page.waitForURL(/\/incidents\/[0-9a-f-]+\?reported=1$/);
		incidentUrl = new URL(page.url()).pathname;
		expect(await page.getByRole('status').textContent()).toContain('Händelsen är rapporterad.');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Hot mot dig');
		await expectAccessible(page);
	});

	it('the enhetschef sees at once that it must be reported to Arbetsmiljöverket, and records it', async () => {
		await login(page, demo.enhetschef);
		expect(await page.getByText(/i din personal\s+är inte anmäld.* till Arbetsmiljöverket/).isVisible()).toBe(true);
		await page.goto('/incidents');
		expect(await page.getByRole('alert').textContent()).toMatch(/inte anmäld.* till\s+Arbetsmiljöverket/);
		const row = page.getByRole('row', { name: /Sara Lindqvist/ });
		expect(await row.textContent()).toContain('Allvarlig');
		await expectAccessible(page);
		await page.goto(incidentUrl);
		const notice = page.getByRole('region', { name: 'Allvarlig händelse: anmäl till Arbetsmiljöverket' });
		expect(await notice.textContent()).toContain('utan dröjsmål');
		expect(await notice.textContent()).toContain('Inte anmäld än.');
		await expectAccessible(page);

		await page.getByLabel(/^Åtgärder/).fill('Samtal med Sara samma dag. Besök i ärendet bara två och två.');
		await page.locator('#authorityReportedOn').fill('2099-01-01');
		await page.getByRole('button', { name: 'Spara åtgärderna' }).click();
		await page.locator('#authorityReportedOn-error').waitFor();
		expect(await page.locator('#authorityReportedOn-error').textContent()).toBe('Datumet kan inte vara i framtiden.');
		expect(await page.getByLabel(/^Åtgärder/).inputValue()).toBe('Samtal med Sara samma dag. Besök i ärendet bara två och två.');
		await expectAccessible(page);
		// Reported today, by Stockholm's date (just after midnight the UTC date is still yesterday).
		await page.locator('#authorityReportedOn').fill(appToday());
		await page.getByRole('button', { name: 'Spara åtgärderna' }).click();
		await page.getByRole('status').filter({ hasText: 'Åtgärderna är sparade.' }).waitFor();
		expect(await notice.textContent()).toContain('Anmäld till Arbetsmiljöverket');
	});

	it('the enhetschef reports on behalf of a member of staff, and exports for the work-injury reporting', async () => {
		await page.goto('/incidents/new');
		const options = await page.getByLabel(/Vem hände det\?/).locator('option').allTextContents();
		expect(options[0]).toBe('Mig själv (Maria Ekström)');
		await page.getByLabel(/Vem hände det\?/).selectOption({ label: 'Sara Lindqvist' });
		await page.getByRole('radio', { name: 'Skadegörelse' }).check();
		// No time given: kept as unknown (not noon), so it is accepted before noon too.
		await page.locator('#occurredOn').fill(appToday());
		await page.getByLabel('Vad hände?').fill('Saras bil repades på parkeringen efter mötet.');
		await page.getByRole('group', { name: 'Är händelsen polisanmäld?' }).getByRole('radio', { name: 'Ja' }).check();
		await page.getByRole('button', { name: 'Rapportera händelsen' }).click();
		await page.waitForURL(/\/incidents\/[0-9a-f-]+\?reported=1$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Skadegörelse mot Sara Lindqvist');
		expect(await page.getByRole('definition').filter({ hasText: 'tid okänd' }).count()).toBe(1);

		await page.goto('/incidents');
		const file = await download(page, /Exportera \d{4} för arbetsskaderapportering/);
		expect(file.name).toMatch(/\.csv$/);
		const csv = readFileSync(file.path, 'utf8');
		expect(csv).toContain('Typ av påverkan (BRÅ)');
		expect(csv).toContain('Anmäld till Arbetsmiljöverket');
		expect(csv).toContain(WHAT);
		expect(csv).toContain('Sara Lindqvist');
	});

	it('the employee says whether the support was enough', async () => {
		await login(page, demo.socialsekreterare);
		await page.goto(incidentUrl);
		expect(await page.getByText('Samtal med Sara samma dag.').isVisible()).toBe(true);
		await page.getByRole('button', { name: 'Spara svaret' }).click();
		await page.locator('#supportEnough-error').waitFor();
		expect(await page.locator('#supportEnough-error').textContent()).toBe('Svara om stödet räckte.');
		await page.getByRole('radio', { name: 'Delvis' }).check();
		await page.getByLabel(/^Kommentar/).fill('Bra samtal, men jag hade behövt uppföljning efter en vecka.');
		await page.getByRole('button', { name: 'Spara svaret' }).click();
		await page.getByRole('status').filter({ hasText: 'Ditt svar är sparat.' }).waitFor();
		await expectAccessible(page);
		await page.goto('/incidents');
		expect(await page.getByRole('listitem').filter({ hasText: 'Skadegörelse' }).count()).toBe(1);
	});

	it('colleagues and the avdelningschef get "not found"; the avdelningschef sees counts only', async () => {
		await login(page, demo.bistandshandlaggare);
		expect((await page.goto(incidentUrl))?.status()).toBe(404);
		await expectAccessible(page);
		expect((await page.goto('/incidents/export?format=csv'))?.status()).toBe(404);

		await login(page, demo.avdelningschef);
		expect((await page.goto(incidentUrl))?.status()).toBe(404);
		await page.goto('/incidents/statistics');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Avdelningen för barn och unga');
		expect(await page.getByText('Sara Lindqvist').count()).toBe(0);
		await expectAccessible(page);
	});

	it('the central steering group sees statistics by förvaltning, form and verksamhetsområde: the city\'s forms shown, small groups hidden', async () => {
		await login(page, demo.central);
		await page.goto('/incidents/statistics');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Exempelstad');
		const total = page.getByRole('row', { name: /^Exempelstad/ });
		expect(Number((await total.getByRole('cell').first().textContent())?.replace(/\s/g, ''))).toBeGreaterThan(50);
		// The kommun's row shows every form (issue 15, decision 0021): the total and the five forms are
		// numbers, and the forms' incidents add up to the total.
		const numbers = (await total.getByRole('cell').allTextContents()).map((t) => Number(t.replace(/\s/g, '')));
		expect(numbers).toHaveLength(6);
		for (const n of numbers) expect(Number.isInteger(n)).toBe(true);
		expect(numbers.slice(1).reduce((a, b) => a + b, 0)).toBe(numbers[0]);
		// Every förvaltning's total is shown; their forms are hidden where they would single someone out.
		for (const row of await page.getByRole('row', { name: /förvaltning/ }).all()) {
			expect(Number.isInteger(Number((await row.getByRole('cell').first().textContent())?.replace(/\s/g, '')))).toBe(true);
		}
		expect(await page.getByRole('row', { name: /Norrviks stadsdelsförvaltning/ }).count()).toBe(1);
		expect(await page.getByText('Visas inte').count()).toBeGreaterThan(0);
		expect(await page.getByText('Sara Lindqvist').count()).toBe(0);
		await expectAccessible(page);
		await page.getByLabel('Verksamhetsområde').selectOption({ label: 'Barn och unga' });
		await page.getByRole('button', { name: 'Visa' }).click();
		await page.waitForURL(/area=barn_och_unga/);
		expect(await page.getByRole('heading', { name: /Händelser \d{4}, barn och unga/ }).isVisible()).toBe(true);
		await expectAccessible(page);
		// The threat reported above counts in its year's statistics, published once that year is over
		// (the flow with the dates moved is src/lib/server/incidents/flow.int.test.ts).
		expect(await page.locator('.lead').textContent()).toMatch(/statistiken för \d{4} visas från 1 februari \d{4}/);
		// A year that has not ended is not there.
		expect((await page.goto(`/incidents/statistics?year=${appToday().slice(0, 4)}`))?.status()).toBe(404);
		await expectAccessible(page);
	});

	it('the arbetsmiljö function the kommun designated reads the details', async () => {
		await login(page, READER);
		await page.goto(incidentUrl);
		expect(await page.getByText(WHAT).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Spara åtgärderna' }).count()).toBe(0);
		await expectAccessible(page);
	});

	it('an administrator designates a reader, who then reads the details; removing the designation takes it away', async () => {
		// Before: a colleague gets "not found".
		await login(page, demo.bistandshandlaggare);
		expect((await page.goto(incidentUrl))?.status()).toBe(404);

		await login(page, demo.admin);
		await page.getByRole('link', { name: 'Utse läsare av hot och våld' }).click();
		await page.waitForURL(/\/admin\/incident-readers$/);
		expect(await page.getByRole('row', { name: /Eva Sjöberg/ }).textContent()).toContain('Exempelstad');
		await expectAccessible(page);
		// Bad input: said in Swedish per field, and what was typed is kept.
		await page.getByLabel(/^Person/).fill('ingen.alls@exempelstad.se');
		await page.getByRole('button', { name: 'Utse' }).click();
		await page.locator('#person-error').waitFor();
		expect(await page.locator('#person-error').textContent()).toBe('Ingen aktiv person har den e-postadressen eller det anställningsnumret. Kontrollera stavningen.');
		expect(await page.locator('#unitId-error').textContent()).toBe('Välj vilken del av organisationen personen ska läsa händelser i.');
		expect(await page.getByLabel(/^Person/).inputValue()).toBe('ingen.alls@exempelstad.se');
		await expectAccessible(page);
		await page.getByLabel(/^Person/).fill(demo.bistandshandlaggare);
		await page.getByLabel(/^Läser händelser i/).selectOption({ label: 'Norrviks stadsdelsförvaltning' });
		await page.getByRole('button', { name: 'Utse' }).click();
		await page.getByRole('status').filter({ hasText: 'läser nu händelser i Norrviks stadsdelsförvaltning' }).waitFor();
		expect(await page.getByRole('row', { name: /Norrviks stadsdelsförvaltning/ }).textContent()).toContain(demo.bistandshandlaggare);

		await login(page, demo.bistandshandlaggare);
		await page.goto(incidentUrl);
		expect(await page.getByText(WHAT).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Spara åtgärderna' }).count()).toBe(0);

		await login(page, demo.admin);
		await page.goto('/admin/incident-readers');
		await page.getByRole('button', { name: 'Ta bort Amina Hassan i Norrviks stadsdelsförvaltning' }).click();
		await page.getByRole('status').filter({ hasText: 'läser inte längre händelser i Norrviks stadsdelsförvaltning' }).waitFor();
		expect(await page.getByRole('row', { name: /Norrviks stadsdelsförvaltning/ }).count()).toBe(0);
		await page.goto('/admin/audit?action=incident_reader.add');
		expect(await page.getByRole('cell', { name: 'Utsåg läsare av hot och våld' }).count()).toBeGreaterThan(0);

		await login(page, demo.bistandshandlaggare);
		expect((await page.goto(incidentUrl))?.status()).toBe(404);
		// The page is the administrators' alone.
		expect((await page.goto('/admin/incident-readers'))?.status()).toBe(404);
	});

	it('the API gives the statistics through the same rule, and nothing to those without aggregates', async () => {
		const central = await api(await apiLogin(demo.central), '/incidents/statistics');
		expect(central.status).toBe(200);
		expect(central.body.rows.length).toBeGreaterThan(1);
		expect(JSON.stringify(central.body)).not.toContain('Lindqvist');
		const hidden = (central.body.rows as { byForm: Record<string, { shown: boolean }> }[]).flatMap((r) => Object.values(r.byForm)).find((c) => !c.shown);
		expect(hidden).not.toHaveProperty('figures');
		expect((await api(await apiLogin(demo.socialsekreterare), '/incidents/statistics')).status).toBe(404);
	});
});
