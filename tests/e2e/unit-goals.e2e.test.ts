/**
 * The unit's goals followed with a checklist at every closed investigation (issue 14, part 1), in
 * the browser on the demo: the social worker fills in the checklist (refused in Swedish until
 * everything is answered; without JavaScript), corrects and removes it; a phone shows it without
 * sideways scrolling; the enhetschef sees the compilation with groups and per person, downloads
 * it, and keeps the goals and items (bad input refused); the avdelningschef sees only closed
 * periods and no names; the lokal styrgrupp sees the enhet's goal where it follows the delmål;
 * others have no such pages. The API does the same.
 *
 * Shared demo state: one checklist by the demo socialsekreterare through the API; the checklist,
 * goal and item made in the browser are removed again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, appYear, demo, download, expectAccessible, expectVisible, launch, login, newPage } from './support';

/** Answers every question of the checklist form on the page with `answer`, and the client's gender and age. */
async function answerAll(page: Page, answer: 'Ja' | 'Nej' | 'Ej aktuellt') {
	await page.getByRole('radio', { name: 'Flicka/kvinna' }).check();
	await page.getByRole('radio', { name: '7–12 år' }).check();
	const questions = page.locator('fieldset.item');
	for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).getByRole('radio', { name: answer, exact: true }).check();
}

describe('the unit’s goals and checklists', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser?.close());

	it('the social worker fills in the checklist without JavaScript, is told what is missing, and corrects and removes it', async () => {
		const page = await newPage(browser, { javaScript: false });
		await login(page, demo.socialsekreterare);
		await page.getByRole('link', { name: 'Fyll i checklistan' }).click();
		await page.waitForURL(/\/my\/checklist$/);
		await expectVisible(page.getByText('Skriv aldrig namn, personnummer eller ärendenummer.', { exact: false }));
		const before = await page.getByRole('table', { name: 'Mina senaste checklistor' }).locator('tbody tr').count();

		await page.getByRole('button', { name: 'Spara checklistan' }).click();
		await expectVisible(page.getByText('Checklistan är inte sparad. Rätta det som är markerat.'));
		await expectVisible(page.getByText('Välj barnets eller klientens kön.'));
		expect(await page.getByText('Svara ja, nej eller ej aktuellt.').count()).toBe(5);

		await answerAll(page, 'Ja');
		await page.locator('fieldset.item').first().getByRole('radio', { name: 'Ej aktuellt' }).check();
		await page.getByRole('button', { name: 'Spara checklistan' }).click();
		await expectVisible(page.getByText('Checklistan är sparad. Tack!'));
		const rows = page.getByRole('table', { name: 'Mina senaste checklistor' }).locator('tbody tr');
		expect(await rows.first().textContent()).toContain('4 ja · 0 nej · 1 ej aktuellt');
		expect(await rows.count()).toBe(Math.min(before + 1, 20));

		await rows.first().getByRole('link', { name: /Ändra/ }).click();
		await page.waitForURL(/\/my\/checklist\/[0-9a-f-]{36}$/);
		await page.locator('fieldset.item').nth(1).getByRole('radio', { name: 'Nej', exact: true }).check();
		await page.getByRole('button', { name: 'Spara ändringarna' }).click();
		await page.waitForURL(/\/my\/checklist$/);
		expect(await page.getByRole('table', { name: 'Mina senaste checklistor' }).locator('tbody tr').first().textContent()).toContain('3 ja · 1 nej · 1 ej aktuellt');

		await page.getByRole('table', { name: 'Mina senaste checklistor' }).locator('tbody tr').first().getByRole('link', { name: /Ändra/ }).click();
		const own = page.url();
		await page.getByRole('button', { name: 'Ta bort checklistan' }).click();
		await page.waitForURL(/\/my\/checklist$/);
		expect((await page.goto(own))?.status()).toBe(404);
		await page.close();
	});

	it('a phone shows the checklist, the group’s results and the enhetschef’s settings without sideways scrolling, accessibly', async () => {
		const page = await newPage(browser);
		await page.setViewportSize({ width: 390, height: 844 });
		await login(page, demo.socialsekreterare);
		for (const path of ['/my/checklist', '/unit-goals']) {
			await page.goto(path);
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
			await expectAccessible(page);
		}
		// The social worker sees the group's results, not anyone's by name.
		expect(await page.getByRole('heading', { name: 'Per medarbetare' }).count()).toBe(0);
		await expectVisible(page.getByRole('heading', { name: 'Barn som behöver samordnade insatser har en SIP' }));
		// And the enhetschef's settings, where a goal's long title in every question's list once widened the page.
		await page.close();
		const chef = await newPage(browser);
		await chef.setViewportSize({ width: 390, height: 844 });
		await login(chef, demo.enhetschef);
		await chef.goto('/unit-goals/settings');
		expect(await chef.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
		await expectAccessible(chef);
		await chef.close();
	});

	it('the enhetschef sees the groups and each of the staff, downloads the figures, and keeps the goals and the checklist', async () => {
		const page = await newPage(browser);
		await login(page, demo.enhetschef);
		await page.getByRole('link', { name: 'Visa resultaten' }).click();
		await page.waitForURL(/\/unit-goals$/);
		await expectVisible(page.getByRole('heading', { name: 'Per grupp' }));
		const people = page.getByRole('table', { name: 'Per medarbetare' });
		expect(await people.locator('tbody tr').count()).toBeGreaterThan(5);
		await expectVisible(page.getByText(/förväntat 80 %/));
		await expectAccessible(page);
		// Any period: from the date fields.
		await page.getByText('Välj egna datum').click();
		await page.getByLabel('Från').fill('2026-01-01');
		await page.getByLabel('Till och med').fill('2026-03-31');
		await page.getByRole('button', { name: 'Visa perioden' }).click();
		await expectVisible(page.getByRole('heading', { name: '1 januari 2026 – 31 mars 2026' }));
		const file = await download(page, 'CSV');
		const [header] = file.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
		expect(header.split(';').slice(0, 4)).toEqual(['Enhet/grupp', 'Mål', 'Fråga', 'Förväntat resultat (%)']);
		expect(header).toContain('Andel ja, flicka/kvinna');

		await page.getByRole('link', { name: 'Ändra enhetens mål och checklistans frågor' }).click();
		await page.waitForURL(/\/unit-goals\/settings$/);
		await expectAccessible(page);
		const newGoal = page.getByRole('region', { name: 'Nytt mål' });
		await newGoal.getByLabel('Mål', { exact: true }).fill('Utredningen klar inom fyra månader');
		await newGoal.getByLabel(/Förväntat resultat/).fill('150');
		await newGoal.getByRole('button', { name: 'Lägg till målet' }).click();
		await expectVisible(page.getByText('Skriv förväntat resultat som en andel i procent, 0–100.'));
		expect(await page.getByRole('region', { name: 'Nytt mål' }).getByLabel('Mål', { exact: true }).inputValue()).toBe('Utredningen klar inom fyra månader');
		await page.getByRole('region', { name: 'Nytt mål' }).getByLabel(/Förväntat resultat/).fill('85');
		await page.getByRole('region', { name: 'Nytt mål' }).getByRole('button', { name: 'Lägg till målet' }).click();
		await expectVisible(page.getByText('Målet är tillagt.'));
		const newItem = page.getByRole('region', { name: 'Ny fråga i checklistan' });
		await newItem.getByLabel(/^Fråga/).fill('Gäller det 20150304-1234?');
		await newItem.getByRole('button', { name: 'Lägg till frågan' }).click();
		await expectVisible(page.getByText('Skriv inga personnummer eller andra uppgifter om klienter.'));
		await page.getByRole('region', { name: 'Ny fråga i checklistan' }).getByLabel(/^Fråga/).fill('Var utredningen klar inom fyra månader?');
		await page.getByRole('region', { name: 'Ny fråga i checklistan' }).getByLabel('Mäter målet').selectOption({ label: 'Utredningen klar inom fyra månader' });
		await page.getByRole('region', { name: 'Ny fråga i checklistan' }).getByRole('button', { name: 'Lägg till frågan' }).click();
		await expectVisible(page.getByText('Frågan är tillagd i checklistan.'));

		// The social worker's checklist has the new question at once.
		const worker = await newPage(browser);
		await login(worker, demo.socialsekreterare);
		await worker.goto('/my/checklist');
		await expectVisible(worker.getByRole('group', { name: /Var utredningen klar inom fyra månader\?/ }));

		// The enhetschef moves it one place up; the checklist asks the questions in that order.
		const order = page.getByRole('region', { name: 'Checklistans ordning' });
		const questions = await order.locator('li > span').allTextContents();
		expect(questions.at(-1)).toBe('Var utredningen klar inom fyra månader?');
		await order.getByRole('button', { name: /^Upp.*Var utredningen klar inom fyra månader/ }).click();
		await expectVisible(page.getByText('Frågan är flyttad.'));
		expect(await page.getByRole('region', { name: 'Checklistans ordning' }).locator('li > span').allTextContents()).toEqual([...questions.slice(0, -2), questions.at(-1), questions.at(-2)]);
		await expectAccessible(page);
		await worker.goto('/my/checklist');
		const legends = await worker.locator('fieldset legend').allTextContents();
		const at = (q: string) => legends.findIndex((l) => l.includes(q));
		expect(at('Var utredningen klar inom fyra månader?')).toBeGreaterThan(-1);
		expect(at('Var utredningen klar inom fyra månader?')).toBeLessThan(at(questions.at(-2)!));

		// Taken away again: the item and the goal.
		const goal = page.getByRole('region', { name: /Utredningen klar inom fyra månader/ });
		await goal.getByRole('button', { name: /Ta bort frågan Var utredningen klar/ }).click();
		await expectVisible(page.getByText('Frågan är borttagen ur checklistan.'));
		await page.getByRole('region', { name: /Utredningen klar inom fyra månader/ }).getByText('Ändra målet').click();
		await page.getByRole('region', { name: /Utredningen klar inom fyra månader/ }).getByRole('button', { name: 'Sluta följa upp målet' }).click();
		await expectVisible(page.getByText('Målet följs inte längre upp.'));
		await worker.goto('/my/checklist');
		expect(await worker.getByRole('group', { name: /Var utredningen klar inom fyra månader\?/ }).count()).toBe(0);
		await worker.close();
		await page.close();
	});

	it('above the enhet: closed periods only and no names; the lokal styrgrupp sees the goal where it follows the delmål', async () => {
		const page = await newPage(browser);
		await login(page, demo.avdelningschef);
		await page.goto('/unit-goals');
		await expectVisible(page.getByText(/Ovanför enheten visas bara avslutade tertial och helår/));
		// The demo enhet follows goals; other enheter do not and are not offered.
		const options = await page.getByLabel('Enhet eller grupp', { exact: true }).locator('option').allTextContents();
		const enhet = options.find((o) => o.includes('(enhet)'))!;
		await page.getByLabel('Enhet eller grupp', { exact: true }).selectOption({ label: enhet });
		await page.getByRole('button', { name: 'Visa', exact: true }).click();
		await expectVisible(page.getByRole('heading', { name: 'Barn som behöver samordnade insatser har en SIP' }));
		expect(await page.getByRole('heading', { name: 'Per medarbetare' }).count()).toBe(0);
		expect(await page.getByText('Välj egna datum').count()).toBe(0);
		const periods = await page.getByLabel('Period', { exact: true }).locator('option').allTextContents();
		expect(periods.filter((p) => !/^(Tertial [123] \d{4}|Helår \d{4} \(bokslut\))$/.test(p.trim()))).toEqual([]);
		await expectAccessible(page);
		// A period still running is refused in Swedish, and the latest closed one shown.
		await page.goto(`/unit-goals?period=${appYear() + 1}-T1`);
		await expectVisible(page.getByText('Ovanför enheten visas bara tertial och helår som är avslutade.'));
		await page.close();

		const steering = await newPage(browser);
		await login(steering, demo.styrgrupp);
		await steering.goto('/plan');
		const areas = await steering.locator('a[href^="/plan/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!).filter((h) => /^\/plan\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(h)))]);
		let found = false;
		for (const href of areas) {
			await steering.goto(href);
			if ((await steering.getByRole('heading', { name: 'Enheternas egna mål för delmålet' }).count()) > 0) {
				found = true;
				expect(await steering.getByText(/Utredningsenheten barn och unga: Barnets röst hörs i utredningen \(förväntat 90 %\)/).count()).toBe(1);
				await expectAccessible(steering);
				break;
			}
		}
		expect(found).toBe(true);
		await steering.close();
	});

	it('others have no such pages', async () => {
		const deputy = await newPage(browser);
		await login(deputy, demo.deputy);
		expect((await deputy.goto('/unit-goals/settings'))?.status()).toBe(404);
		expect((await deputy.goto('/my/checklist'))?.status()).toBe(404);
		expect((await deputy.goto('/unit-goals'))?.status()).toBe(200);
		await deputy.close();
		const worker = await newPage(browser);
		await login(worker, demo.socialsekreterare);
		expect((await worker.goto('/unit-goals/settings'))?.status()).toBe(404);
		expect((await worker.goto('/my/checklist/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
		await worker.close();
	});

	it('the API: one’s checklist and a new one (400 with what to fix), the compilation per viewer; 404 for others', async () => {
		const worker = await apiLogin(demo.socialsekreterare);
		const mine = await api(worker, '/my-checklists');
		expect(mine.status).toBe(200);
		expect(mine.body.items).toHaveLength(5);
		expect(mine.body.checklists.length).toBeGreaterThan(10);
		const bad = await api(worker, '/my-checklists', { method: 'POST', body: JSON.stringify({ closedOn: '2026-02-30', clientGender: 'flicka', ageBand: '7-12', answers: {} }) });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toMatchObject({ closedOn: 'Datumet finns inte. Kontrollera månad och dag.' });
		expect(Object.keys(bad.body.error.fields)).toHaveLength(6);
		const answers = Object.fromEntries(mine.body.items.map((i: { id: string }) => [i.id, 'nej']));
		const saved = await api(worker, '/my-checklists', { method: 'POST', body: JSON.stringify({ closedOn: mine.body.checklists[0].closedOn, clientGender: 'pojke', ageBand: '13-17', answers }) });
		expect(saved.status).toBe(201);
		expect(saved.body).toMatchObject({ clientGender: 'pojke', ageBand: '13-17', answers });

		const staffView = await api(worker, '/unit-goals');
		expect(staffView.body).toMatchObject({ viewer: 'staff', people: null });
		const managerView = await api(await apiLogin(demo.enhetschef), '/unit-goals');
		expect(managerView.body.viewer).toBe('manager');
		expect(managerView.body.people.length).toBeGreaterThan(5);
		const above = await api(await apiLogin(demo.avdelningschef), `/unit-goals?unit=${managerView.body.enhet.id}`);
		expect(above.body).toMatchObject({ viewer: 'above', people: null });
		expect(above.body.rows[0].cell.shown).toBe(true);
		expect((await api(await apiLogin(demo.enhetschef), '/my-checklists')).status).toBe(404);
		expect((await api(worker, `/unit-goals?unit=${above.body.choices.find((u: { kind: string }) => u.kind === 'enhet').id}&period=igår`)).status).toBe(400);
	});
});
