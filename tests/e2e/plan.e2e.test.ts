/**
 * The action plan follow-up, end to end: the lokal styrgrupp works an area through the year
 * (state, a delmål followed with survey data and one with an indicator, an activity, the T2 and VB
 * follow-ups, a delmål reached), staff read the plan and
 * leave a suggestion (also without JavaScript), the steering group answers it, the central
 * steering group sees the change in the city-wide matrix, and an administrator adds, rewords and
 * retires an area. axe-core checks every page; wrong roles and bad input are refused.
 *
 * Shared demo state: works only on "Medhandläggarskap" in Norrvik (left clean by the demo seed)
 * and on an area this file adds; touches nothing the other browser tests use.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, expectAccessible, launch, login as loginAs, logout, newPage } from './support';

/** Logs in afresh, whatever state an earlier failed step left the page in. */
async function login(page: Page, email: string) {
	await page.context().clearCookies();
	await loginAs(page, email);
}

const AREA = '9. Medhandläggarskap';

describe('the action plan follow-up', () => {
	let browser: Browser;
	let page: Page;
	let norrvik: string;
	let other: string;
	let areaUrl: string;
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
		const token = await apiLogin(demo.central);
		const matrix = await api(token, '/plan/matrix');
		expect(matrix.status).toBe(200);
		const rows = matrix.body.rows as { forvaltning: { id: string; name: string } }[];
		norrvik = rows.find((r) => r.forvaltning.name === 'Norrviks stadsdelsförvaltning')!.forvaltning.id;
		other = rows.find((r) => r.forvaltning.name !== 'Norrviks stadsdelsförvaltning')!.forvaltning.id;
	});
	afterAll(() => browser?.close());

	it('the lokal styrgrupp lands on its förvaltning’s plan with all 16 areas', async () => {
		await login(page, demo.styrgrupp);
		await page.getByRole('link', { name: 'Planens områden' }).click();
		await page.waitForURL(new RegExp(`/plan/${norrvik}$`));
		expect(await page.getByRole('heading', { level: 1, name: 'Norrviks stadsdelsförvaltning' }).isVisible()).toBe(true);
		expect(await page.locator('tbody tr').count()).toBe(16);
		expect(await page.getByRole('row', { name: new RegExp(AREA) }).textContent()).toContain('Ej påbörjat');
		await expectAccessible(page);
		await page.getByRole('link', { name: AREA }).click();
		await page.waitForURL(/\/plan\/[0-9a-f-]+\/[0-9a-f-]+$/);
		areaUrl = new URL(page.url()).pathname;
		expect(await page.getByText('Inga delmål än.').isVisible()).toBe(true);
		await expectAccessible(page);
	});

	it('records the state of the area', async () => {
		await page.getByText('Ändra läget').click();
		await page.getByRole('radio', { name: 'Under analys' }).check();
		await page.locator('#assessment').fill('Två enheter provar medhandläggarskap i utredningar om våld.');
		await page.getByRole('button', { name: 'Spara läget' }).click();
		await page.getByRole('status').filter({ hasText: 'Läget är sparat.' }).waitFor();
		expect(await page.getByText('Två enheter provar medhandläggarskap i utredningar om våld.').first().isVisible()).toBe(true);
		expect(await page.locator('#laget ~ p .badge').first().textContent()).toBe('Under analys');
	});

	it('a delmål with bad input is refused per field in Swedish, and what was typed is kept', async () => {
		await page.getByText('Nytt delmål').click();
		await page.locator('#new-goal-title').fill('Minst 4,0 i snitt på ”Jag har en bra arbetssituation.”');
		await page.locator('#new-goal-targetDate').fill('');
		await page.locator('#new-goal-statement').selectOption({ label: 'Jag har en bra arbetssituation.' });
		await page.locator('#new-goal-targetValue').fill('9');
		await page.getByRole('button', { name: 'Lägg till delmålet' }).click();
		await page.getByRole('alert').filter({ hasText: 'fält behöver rättas' }).waitFor();
		expect(await page.locator('#new-goal-targetDate-error').textContent()).toBe('Fyll i när delmålet ska vara nått.');
		expect(await page.locator('#new-goal-metric-error').textContent()).toBe('Välj vilket mått som följs.');
		expect(await page.locator('#new-goal-title').inputValue()).toBe('Minst 4,0 i snitt på ”Jag har en bra arbetssituation.”');
		expect(await page.locator('#new-goal-targetValue').inputValue()).toBe('9');
		expect(await page.locator('#new-goal-targetValue').getAttribute('aria-invalid')).toBe(null);
		await expectAccessible(page);
	});

	it('a delmål followed with the survey shows the förvaltning’s results per round', async () => {
		await page.locator('#new-goal-targetDate').fill('2027-12-31');
		await page.locator('#new-goal-metric').selectOption({ label: 'Medelvärde (1–6)' });
		await page.locator('#new-goal-targetValue').fill('4,0');
		await page.getByRole('button', { name: 'Lägg till delmålet' }).click();
		await page.getByRole('status').filter({ hasText: 'Delmålet är sparat.' }).waitFor();
		const goal = page.getByRole('article', { name: 'Minst 4,0 i snitt på ”Jag har en bra arbetssituation.”' });
		expect(await goal.getByRole('row', { name: /T2 2019/ }).isVisible()).toBe(true);
		expect(await goal.getByRole('row', { name: /VB 2016/ }).isVisible()).toBe(true);
		expect(await goal.getByText(/Senast \(T2 2019\)/).isVisible()).toBe(true);
		await expectAccessible(page);
	});

	it('a delmål followed with an indicator shows the förvaltning’s recorded values; a statement and an indicator at once are refused', async () => {
		await page.getByText('Nytt delmål', { exact: true }).click();
		await page.locator('#new-goal-title').fill('Personalrörligheten under 12 %');
		await page.locator('#new-goal-targetDate').fill('2027-12-31');
		await page.locator('#new-goal-statement').selectOption({ label: 'Jag har en bra arbetssituation.' });
		await page.locator('#new-goal-indicator').selectOption({ label: 'Personalrörlighet (%)' });
		await page.locator('#new-goal-targetValue').fill('12');
		await page.getByRole('button', { name: 'Lägg till delmålet' }).click();
		await page.locator('#new-goal-indicator-error').waitFor();
		expect(await page.locator('#new-goal-indicator-error').textContent()).toBe('Välj antingen ett påstående i mätningen eller en indikator, inte båda.');
		expect(await page.locator('#new-goal-indicator').inputValue()).toBe('turnover');
		expect(await page.locator('#new-goal-title').inputValue()).toBe('Personalrörligheten under 12 %');
		await expectAccessible(page);

		// A metric belongs to a statement: both are emptied for an indicator.
		await page.locator('#new-goal-statement').selectOption('');
		await page.locator('#new-goal-metric').selectOption('');
		await page.getByRole('button', { name: 'Lägg till delmålet' }).click();
		await page.getByRole('status').filter({ hasText: 'Delmålet är sparat.' }).waitFor();
		const goal = page.getByRole('article', { name: 'Personalrörligheten under 12 %' });
		expect(await goal.getByText('Följs med indikatorn ”Personalrörlighet”, målvärde 12 % (lägre är bättre).').isVisible()).toBe(true);
		// The demo's yearly figures for Norrvik, newest last, judged against the target.
		expect(await goal.getByText(/^Senast \(\d{4}\):/).isVisible()).toBe(true);
		expect(await goal.getByText(/Målvärdet är (inte )?nått/).isVisible()).toBe(true);
		expect(await goal.locator('tbody tr').count()).toBeGreaterThan(1);
		await expectAccessible(page);
	});

	it('without JavaScript, a target off the indicator’s scale is refused in Swedish and what was typed is kept', async () => {
		const noJs = await newPage(browser, { javaScript: false });
		try {
			await login(noJs, demo.styrgrupp);
			await noJs.goto(areaUrl);
			await noJs.getByText('Nytt delmål', { exact: true }).click();
			await noJs.locator('#new-goal-title').fill('Högst 2,5 konsulter i april');
			await noJs.locator('#new-goal-targetDate').fill('2027-04-30');
			await noJs.locator('#new-goal-indicator').selectOption({ label: 'Antal konsulter (konsulter)' });
			await noJs.locator('#new-goal-targetValue').fill('2,5');
			await noJs.getByRole('button', { name: 'Lägg till delmålet' }).click();
			await noJs.locator('#new-goal-targetValue-error').waitFor();
			expect(await noJs.locator('#new-goal-targetValue-error').textContent()).toBe('Indikatorn är ett antal: skriv ett heltal, 0 eller mer.');
			expect(await noJs.locator('#new-goal-indicator').inputValue()).toBe('consultants');
			expect(await noJs.locator('#new-goal-targetValue').inputValue()).toBe('2,5');
			expect(await noJs.locator('#new-goal-title').inputValue()).toBe('Högst 2,5 konsulter i april');
		} finally {
			await noJs.context().close();
		}
	});

	it('adds an activity with a responsible person, marks it done, and writes the T2 follow-up', async () => {
		await page.getByText('Ny aktivitet').click();
		await page.locator('#activity-title').fill('Rutin för medhandläggarskap');
		await page.locator('#activity-responsible').fill('Maria Ekström');
		await page.locator('#activity-dueDate').fill('2027-03-31');
		await page.getByRole('button', { name: 'Lägg till aktiviteten' }).click();
		await page.getByRole('status').filter({ hasText: 'Aktiviteten är sparad.' }).waitFor();
		const row = page.getByRole('row', { name: /Rutin för medhandläggarskap/ });
		expect(await row.textContent()).toContain('Maria Ekström');
		await row.getByRole('button', { name: /Markera som klar/ }).click();
		await row.getByText(/^Klar /).waitFor();

		await page.getByText('Skriv uppföljning').click();
		await page.locator('#followUp-period').selectOption('T2');
		await page.locator('#followUp-year').fill('2026');
		await page.locator('#followUp-comment').fill('Analysen är klar. Rutinen för medhandläggarskap är beslutad.');
		await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
		await page.getByRole('status').filter({ hasText: 'Uppföljningen är sparad.' }).waitFor();
		expect(await page.getByRole('heading', { name: 'T2 2026' }).isVisible()).toBe(true);
		expect(await page.getByRole('region', { name: 'Historik' }).textContent()).toContain('Status ändrad från ”Ej påbörjat” till ”Under analys”.');
		await expectAccessible(page);
	});

	it('at the year’s end: a delmål is reached and the VB follow-up is written', async () => {
		const goal = page.getByRole('article', { name: 'Minst 4,0 i snitt på ”Jag har en bra arbetssituation.”' });
		await goal.getByText('Ändra delmålet').click();
		await goal.getByLabel('Status').selectOption({ label: 'Uppnått' });
		await goal.getByRole('button', { name: 'Spara delmålet' }).click();
		await page.getByRole('status').filter({ hasText: 'Delmålet är ändrat.' }).waitFor();
		expect(await page.getByRole('article', { name: 'Minst 4,0 i snitt på ”Jag har en bra arbetssituation.”' }).locator('.badge').first().textContent()).toBe('Uppnått');

		await page.getByText('Skriv uppföljning').click();
		await page.locator('#followUp-period').selectOption('VB');
		await page.locator('#followUp-year').fill('2026');
		await page.locator('#followUp-comment').fill('Medhandläggarskap är infört i alla utredningsgrupper. Delmålet om arbetssituationen är nått.');
		await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
		await page.getByRole('status').filter({ hasText: 'Uppföljningen är sparad.' }).waitFor();
		expect(await page.getByRole('heading', { name: 'VB 2026' }).isVisible()).toBe(true);
		expect(await page.getByRole('heading', { name: 'T2 2026' }).isVisible()).toBe(true);
		const history = await page.getByRole('region', { name: 'Historik' }).textContent();
		expect(history).toContain('Delmål uppnått: Minst 4,0');
		expect(history).toContain('Uppföljning skriven (VB 2026).');
		await expectAccessible(page);
		await logout(page);
	});

	it('an employee reads the plan but cannot change it; an empty suggestion is refused', async () => {
		await login(page, demo.socialsekreterare);
		await page.goto(areaUrl);
		expect(await page.getByRole('heading', { name: 'Minst 4,0 i snitt på ”Jag har en bra arbetssituation.”' }).isVisible()).toBe(true);
		expect(await page.getByText('Ändra läget').count()).toBe(0);
		// The survey figures are for those who see the förvaltning's aggregates.
		expect(await page.getByRole('row', { name: /T2 2019/ }).count()).toBe(0);
		await page.getByRole('button', { name: 'Skicka förslaget' }).click();
		await page.locator('#suggest-body-error').waitFor();
		expect(await page.locator('#suggest-body-error').textContent()).toBe('Skriv ditt förslag.');
		await expectAccessible(page);

		// Changing the plan is refused as not found: the page exists for her, the action does not (decision 0003).
		const status = await page.evaluate(async (url) => {
			const body = new FormData();
			body.set('status', 'established');
			return (await fetch(`${url}?/state`, { method: 'POST', body, headers: { accept: 'text/html' } })).status;
		}, areaUrl);
		expect(status).toBe(404);
		// Another förvaltning's plan, the matrix and the areas do not exist for her.
		expect((await page.goto(`/plan/${other}`))?.status()).toBe(404);
		await expectAccessible(page);
		expect((await page.goto('/plan/matrix'))?.status()).toBe(404);
		expect((await page.goto('/plan/areas'))?.status()).toBe(404);
		await page.goto('/');
		await logout(page);
	});

	it('an employee leaves a suggestion without JavaScript', async () => {
		const noJs = await newPage(browser, { javaScript: false });
		try {
			await login(noJs, demo.socialsekreterare);
			await noJs.goto(areaUrl);
			await noJs.getByRole('button', { name: 'Skicka förslaget' }).click();
			await noJs.locator('#suggest-body-error').waitFor();
			await noJs.locator('#suggest-body').fill('Kan medhandläggare ingå även i utredningar om hedersrelaterat våld?');
			await noJs.getByRole('button', { name: 'Skicka förslaget' }).click();
			await noJs.getByRole('status').filter({ hasText: 'Ditt förslag är skickat' }).waitFor();
			expect(await noJs.getByText('Ditt förslag,').isVisible()).toBe(true);
		} finally {
			await noJs.context().close();
		}
	});

	it('the steering group sees who suggested and answers; the employee sees the answer', async () => {
		await login(page, demo.styrgrupp);
		await page.goto(areaUrl);
		const card = page.getByRole('listitem').filter({ hasText: 'hedersrelaterat våld' });
		expect(await card.textContent()).toContain('Förslag från Sara Lindqvist');
		await card.getByRole('button', { name: 'Spara svaret' }).click();
		await card.getByText('Skriv styrgruppens svar.').waitFor();
		await card.getByLabel('Styrgruppens svar').fill('Ja, vi tar med det i rutinen från januari.');
		await card.getByRole('button', { name: 'Spara svaret' }).click();
		await page.getByRole('status').filter({ hasText: 'Svaret är sparat' }).waitFor();
		await expectAccessible(page);
		await logout(page);

		await login(page, demo.socialsekreterare);
		await page.goto(`/plan/${norrvik}`);
		const mine = page.getByRole('listitem').filter({ hasText: 'hedersrelaterat våld' });
		expect(await mine.textContent()).toContain('Ja, vi tar med det i rutinen från januari.');
		expect(await mine.textContent()).not.toContain('Sara Lindqvist');
		await logout(page);
	});

	it('the central steering group sees the change in the city-wide matrix and follows it into the plan', async () => {
		await login(page, demo.central);
		await page.getByRole('link', { name: 'Planens områden' }).click();
		await page.getByRole('link', { name: 'Översikt över alla förvaltningar' }).click();
		await page.waitForURL(/\/plan\/matrix$/);
		expect(await page.locator('table.matrix tbody tr').count()).toBe(14);
		await expectAccessible(page);

		await page.getByLabel('Område', { exact: true }).selectOption({ label: 'Medhandläggarskap' });
		await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Under analys' });
		await page.getByRole('button', { name: 'Visa' }).click();
		await page.waitForURL(/status=under_analysis/);
		const cell = page.getByRole('row', { name: /Norrviks stadsdelsförvaltning/ }).getByRole('link', { name: /Under analys/ });
		expect(await cell.textContent()).toContain('ändrat sedan');
		await page.getByText(/Norrviks stadsdelsförvaltning: \d+ ändring/).click();
		expect(await page.getByRole('cell', { name: 'Status ändrad från ”Ej påbörjat” till ”Under analys”.' }).first().isVisible()).toBe(true);
		await expectAccessible(page);

		await cell.click();
		await page.waitForURL(new RegExp(areaUrl));
		expect(await page.getByText('Ändra läget').count()).toBe(0);
		await expectAccessible(page);

		// A date that does not exist is said so, in Swedish.
		await page.goto('/plan/matrix?sinceDate=2026-02-30');
		expect(await page.getByRole('alert').textContent()).toContain('ÅÅÅÅ-MM-DD');
		await expectAccessible(page);
		await logout(page);
	});

	it('the avdelningschef reads the förvaltning’s plan but not the matrix', async () => {
		await login(page, demo.avdelningschef);
		expect((await page.goto(`/plan/${norrvik}`))?.status()).toBe(200);
		expect((await page.goto('/plan/matrix'))?.status()).toBe(404);
		expect((await page.goto(`/plan/${other}`))?.status()).toBe(404);
		await logout(page);
	});

	it('an administrator adds, rewords and retires an area; the retired one keeps its history', async () => {
		await login(page, demo.admin);
		await page.goto('/plan/areas');
		expect(await page.getByText('16. Fördjupad samverkan med universitet och lärosäten').isVisible()).toBe(true);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Lägg till området' }).click();
		await page.locator('#new-title-error').waitFor();
		expect(await page.locator('#new-title-error').textContent()).toBe('Skriv områdets namn.');
		await page.locator('#new-description').fill('Digitala verktyg i handläggningen.');
		await page.locator('#new-title').fill('Digitalt stöd');
		await page.getByRole('button', { name: 'Lägg till området' }).click();
		await page.getByRole('status').filter({ hasText: 'Området är tillagt.' }).waitFor();
		const added = page.getByRole('listitem').filter({ hasText: '17. Digitalt stöd' });
		await added.getByText('Ändra formuleringen').click();
		await added.getByLabel('Namn').fill('Digitala arbetssätt');
		await added.getByRole('button', { name: 'Spara' }).click();
		await page.getByRole('status').filter({ hasText: 'Området är ändrat.' }).waitFor();
		await page.getByRole('button', { name: 'Avsluta området Digitala arbetssätt' }).click();
		await page.getByRole('status').filter({ hasText: 'Området är avslutat' }).waitFor();
		expect(await page.getByRole('listitem').filter({ hasText: 'Digitala arbetssätt' }).textContent()).toContain('avslutat');
		await expectAccessible(page);
		await logout(page);
	});

	it('an administrator keeps the library of suggested measures: adds one under an area, rewords it, stops suggesting it', async () => {
		await login(page, demo.admin);
		await page.goto('/plan');
		await page.getByRole('link', { name: 'Åtgärdsbanken' }).click();
		await page.waitForURL(/\/plan\/measures$/);
		expect(await page.getByText('Medhandläggare i tunga ärenden', { exact: true }).isVisible()).toBe(true);
		await expectAccessible(page);
		await page.locator('#new-title').fill('Friskvårdstimme');
		await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
		await page.locator('#new-areaIds-error').waitFor();
		expect(await page.locator('#new-areaIds-error').textContent()).toBe('Välj minst ett område i handlingsplanen.');
		expect(await page.locator('#new-title').inputValue()).toBe('Friskvårdstimme');
		await page.getByRole('checkbox', { name: '5. Nära och tillgänglig ledning' }).last().check();
		await page.getByRole('button', { name: 'Lägg till åtgärden' }).click();
		await page.getByRole('status').filter({ hasText: 'Åtgärden är tillagd' }).waitFor();
		const added = page.locator('ul.measures > li').filter({ hasText: 'Friskvårdstimme' });
		expect(await added.textContent()).toContain('Nära och tillgänglig ledning');
		await added.getByText('Ändra').click();
		await added.getByLabel('Åtgärd', { exact: true }).fill('Friskvårdstimme varje vecka');
		await added.getByRole('button', { name: 'Spara' }).click();
		await page.getByRole('status').filter({ hasText: 'Åtgärden är ändrad.' }).waitFor();
		await page.getByRole('button', { name: 'Sluta föreslå åtgärden Friskvårdstimme varje vecka' }).click();
		await page.getByRole('status').filter({ hasText: 'Åtgärden föreslås inte längre' }).waitFor();
		expect(await page.getByRole('heading', { name: 'Föreslås inte längre' }).isVisible()).toBe(true);
		await expectAccessible(page);
		await logout(page);
	});

	it('the manager is reminded of individual plans whose follow-up date has passed', async () => {
		await login(page, demo.enhetschef);
		const reminder = page.getByRole('region', { name: /Dags att följa upp/ });
		expect(await reminder.getByRole('link').count()).toBeGreaterThan(0);
		expect(await reminder.textContent()).toMatch(/uppföljning \d+ \w+ \d{4}/);
		await expectAccessible(page);
		await reminder.getByRole('link').first().click();
		await page.waitForURL(/\/action-plans\/[0-9a-f-]+$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Individuell handlingsplan för');
	});

	it('counts of individual plans go upward without names, small groups hidden', async () => {
		await login(page, demo.avdelningschef);
		await page.getByRole('link', { name: 'Visa antal per enhet' }).click();
		await page.waitForURL(/\/plan\/individual$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Individuella handlingsplaner i Avdelningen för barn och unga');
		expect(await page.getByRole('columnheader', { name: 'Pågår' }).isVisible()).toBe(true);
		expect(await page.locator('tbody tr').count()).toBeGreaterThan(1);
		expect(await page.getByText('Visas inte').count()).toBeGreaterThan(0);
		expect(await page.getByText('Sara Lindqvist').count()).toBe(0);
		await expectAccessible(page);
		await login(page, demo.socialsekreterare);
		expect((await page.goto('/plan/individual'))?.status()).toBe(404);
		await expectAccessible(page);
	});

	it('the API follows the same rules', async () => {
		const employee = await apiLogin(demo.socialsekreterare);
		expect((await api(employee, '/plan/matrix')).status).toBe(404);
		const area = areaUrl.split('/').pop()!;
		const refused = await api(employee, `/plan/${norrvik}/${area}`, { method: 'PUT', body: JSON.stringify({ status: 'established' }) });
		expect(refused.status).toBe(404);
		const read = await api(employee, `/plan/${norrvik}/${area}`);
		expect(read.status).toBe(200);
		expect(read.body.state.status).toBe('under_analysis');
		expect((await api(employee, `/plan/${other}`)).status).toBe(404);
		const steering = await apiLogin(demo.styrgrupp);
		const bad = await api(steering, `/plan/${norrvik}/${area}/subgoals`, { method: 'POST', body: JSON.stringify({ title: '' }) });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields.title).toMatch(/Skriv delmålet/);
		const counts = await api(await apiLogin(demo.avdelningschef), '/plan/individual-counts');
		expect(counts.status).toBe(200);
		expect(JSON.stringify(counts.body)).not.toContain('Lindqvist');
		expect((await api(employee, '/plan/individual-counts')).status).toBe(404);
	});
});
