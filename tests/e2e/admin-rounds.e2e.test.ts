/**
 * The administrator's rounds pages in a real browser: the list, refusing bad input with Swedish
 * messages, and a round's whole life (draft → open → reminders → closed), once with JavaScript
 * and once without, plus the same pages as a non-admin.
 *
 * Shared demo state: the open demo round is never touched. The rounds created here are dated
 * 2015 (before every demo round, so the default report round stays the latest demo one), take
 * in two förvaltningar that hold none of the demo logins, and are closed again before the test
 * ends (afterAll closes any left open by a failure). The demo round is open for every
 * förvaltning, so opening these is refused until "Tillåt samtidig mätomgång" is ticked.
 */
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, launch, login, newPage } from './support';

/** Two förvaltningar without any demo login, so no demo user is asked to answer these rounds. */
const FORVALTNINGAR = ['Ekbacka stadsdelsförvaltning', 'Lindåsens stadsdelsförvaltning'];
const stamp = Date.now().toString(36);

async function roundNames(page: Page): Promise<string[]> {
	return page.locator('table.data tbody tr th').allTextContents();
}

function unitCheckboxes(page: Page) {
	return page.getByRole('group', { name: 'Förvaltningar som deltar' }).getByRole('checkbox');
}

async function uncheckAll(page: Page) {
	const boxes = unitCheckboxes(page);
	for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
}

/** Submits a form by clicking its button and returns the answer to the POST. */
async function submit(page: Page, button: string, timeout = 30_000): Promise<Response> {
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest(), { timeout }),
		page.getByRole('button', { name: button }).click()
	]);
	await page.waitForLoadState('load');
	return response;
}

async function fillRound(page: Page, round: { name: string; opensAt: string; closesAt: string; units: string[] }) {
	await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Extra mätning' });
	await page.getByLabel('År', { exact: true }).fill('2015');
	await page.locator('#name').fill(round.name);
	await page.getByLabel('Öppnar').fill(round.opensAt);
	await page.getByLabel('Stänger').fill(round.closesAt);
	await uncheckAll(page);
	for (const unit of round.units) await page.getByRole('checkbox', { name: unit }).check();
}

/**
 * "Öppna mätomgången" leads to a confirmation (a GET, so it works without JavaScript) that says
 * how many it will ask and names the open demo round; opening without allowing the overlap is
 * refused (409) naming that round; ticked, it opens. Returns the number it said it would ask.
 */
async function openWithConfirmation(page: Page, name: string): Promise<number> {
	await page.getByRole('button', { name: 'Öppna mätomgången' }).click();
	await page.waitForURL(/\?confirm=open$/);
	const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^Öppna ${name} för [\\d\\s]+ personer\\?$`) });
	await heading.waitFor();
	const toAsk = Number(/för ([\d\s]+) personer/.exec((await heading.textContent())!)![1].replace(/\s/g, ''));
	expect(toAsk).toBeGreaterThan(0);
	expect(await page.locator('dl.facts').textContent(), 'still a draft').toContain('Ej öppnad');
	const warning = page.getByRole('status').filter({ hasText: 'Det finns redan en öppen mätomgång' });
	expect(await warning.getByRole('link', { name: /^VB 20\d\d$/ }).count()).toBe(1);

	expect((await submit(page, 'Ja, öppna för')).status()).toBe(409);
	const alert = page.getByRole('alert');
	await alert.waitFor();
	expect(await alert.textContent()).toMatch(/^Mätomgången ”VB 20\d\d” \(.*\) är redan öppen för samma personer\. Stäng den först, eller kryssa i ”Tillåt samtidig mätomgång”/);
	expect(await page.locator('dl.facts').textContent(), 'refused: still a draft').toContain('Ej öppnad');

	await page.getByLabel('Tillåt samtidig mätomgång').check();
	expect((await submit(page, 'Ja, öppna för')).status()).toBe(200);
	return toAsk;
}

const roundIdFrom = (url: string) => /\/admin\/rounds\/([0-9a-f-]{36})/.exec(url)?.[1] ?? null;

describe('administering rounds (admin@exempelstad.se)', () => {
	let browser: Browser;
	let page: Page;
	const created: string[] = [];
	let openDemoRoundUrl: string;

	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
		await login(page, demo.admin);
	});

	afterAll(async () => {
		// A failure half-way must not leave an open round behind for the other test files.
		if (page && created.length > 0) {
			for (const id of created) {
				await page.goto(`/admin/rounds/${id}`);
				const close = page.getByRole('button', { name: 'Stäng mätomgången' });
				if ((await close.count()) > 0) await submit(page, 'Stäng mätomgången');
			}
		}
		await browser?.close();
	});

	it('lists the rounds, with status and response counts, and the list is accessible', async () => {
		const res = await page.goto('/admin/rounds');
		expect(res?.status()).toBe(200);
		expect(await page.getByRole('heading', { level: 1, name: 'Mätomgångar' }).isVisible()).toBe(true);
		const names = await roundNames(page);
		for (const name of ['VB 2016', 'T2 2017', 'VB 2017', 'T2 2018', 'VB 2018', 'T2 2019']) expect(names).toContain(name);

		const open = page.getByRole('row').filter({ has: page.getByRole('link', { name: /^VB 20\d\d$/ }) }).filter({ hasText: 'Öppen' });
		expect(await open.count()).toBe(1);
		expect(await open.textContent()).toMatch(/\d+ av \d+/);
		openDemoRoundUrl = (await open.getByRole('link').getAttribute('href'))!;
		expect(openDemoRoundUrl).toMatch(/^\/admin\/rounds\/[0-9a-f-]{36}$/);

		const closed = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'T2 2019', exact: true }) });
		expect(await closed.textContent()).toContain('Stängd');
		await expectAccessible(page);
	});

	it('a round’s page shows its facts and is accessible (open and closed rounds, nothing pressed)', async () => {
		await page.goto(openDemoRoundUrl);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Mätomgång VB 20\d\d$/);
		expect(await page.locator('dl.facts').textContent()).toMatch(/\d+ av [1-9]\d* har svarat/);
		expect(await page.getByRole('button', { name: 'Stäng mätomgången' }).isVisible()).toBe(true);
		await expectAccessible(page);

		await page.goto('/admin/rounds');
		await page.getByRole('link', { name: 'T2 2019', exact: true }).click();
		await page.getByRole('heading', { level: 1, name: 'Mätomgång T2 2019' }).waitFor();
		expect(await page.locator('dl.facts').textContent()).toContain('Stängd');
		expect(await page.getByRole('button').filter({ hasText: /Öppna|Stäng mätomgången|Påminn/ }).count()).toBe(0);
		await expectAccessible(page);
	});

	it('no förvaltning is chosen in advance; "Välj alla" and "Välj ingen" tick and untick them all', async () => {
		await page.goto('/admin/rounds');
		const checked = () => unitCheckboxes(page).evaluateAll((boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).length);
		expect(await checked()).toBe(0);
		await page.getByRole('button', { name: 'Välj alla' }).click();
		expect(await checked()).toBe(await unitCheckboxes(page).count());
		await page.getByRole('button', { name: 'Välj ingen' }).click();
		expect(await checked()).toBe(0);
		await expectAccessible(page);
	});

	it('bad input is refused with a Swedish summary and per-field messages, and nothing is created', async () => {
		await page.goto('/admin/rounds');
		const before = await roundNames(page);
		await page.getByLabel('Typ', { exact: true }).selectOption({ label: 'Extra mätning' });
		await page.locator('#name').fill('');
		await page.getByLabel('Öppnar').fill('');
		await page.getByLabel('Stänger').fill('');
		await uncheckAll(page);
		expect(await unitCheckboxes(page).count()).toBeGreaterThanOrEqual(2);

		const response = await submit(page, 'Skapa mätomgång');
		expect(response.status()).toBe(400);
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toMatch(/Mätomgången är inte skapad\.\s+\d fält behöver rättas\./);
		expect(await page.locator('#opensAt-error').textContent()).toBe('Fyll i när mätomgången öppnar.');
		expect(await page.locator('#closesAt-error').textContent()).toBe('Fyll i när mätomgången stänger.');
		expect(await page.locator('#unitIds-error').textContent()).toBe('Välj minst en förvaltning som deltar.');
		expect(await page.getByLabel('Öppnar').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByLabel('Öppnar').getAttribute('aria-describedby')).toBe('opensAt-error');
		// What was chosen is kept.
		expect(await page.getByLabel('Typ', { exact: true }).inputValue()).toBe('custom');
		expect(await unitCheckboxes(page).evaluateAll((boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).length)).toBe(0);
		await expectAccessible(page);

		// With the dates given, the missing name of the extra measurement is named too.
		await page.getByLabel('Öppnar').fill('2015-01-12');
		await page.getByLabel('Stänger').fill('2015-01-30');
		expect((await submit(page, 'Skapa mätomgång')).status()).toBe(400);
		await page.getByRole('alert').waitFor();
		expect(await page.locator('#name-error').textContent()).toBe('Ge den extra mätningen ett namn.');
		expect(await page.locator('#unitIds-error').textContent()).toBe('Välj minst en förvaltning som deltar.');
		expect(await page.locator('#opensAt-error').count()).toBe(0);
		expect(await page.getByLabel('Öppnar').inputValue()).toBe('2015-01-12');

		// Closing before opening is refused as well.
		await page.getByLabel('Stänger').fill('2015-01-01');
		await page.locator('#name').fill('Ska inte skapas');
		await page.getByRole('checkbox', { name: FORVALTNINGAR[0] }).check();
		expect((await submit(page, 'Skapa mätomgång')).status()).toBe(400);
		expect(await page.locator('#closesAt-error').textContent()).toBe('Stängningsdatum måste vara efter öppningsdatum.');

		expect(await roundNames(page)).toEqual(before);
		await page.goto('/admin/rounds');
		expect(await roundNames(page)).toEqual(before);
	});

	it('a valid extra measurement is created as a draft, opened, reminded and closed', async () => {
		const name = `E2E extra mätning ${stamp}`;
		await page.goto('/admin/rounds');
		await fillRound(page, { name, opensAt: '2015-01-12', closesAt: '2015-01-30', units: FORVALTNINGAR });
		await submit(page, 'Skapa mätomgång');
		await page.waitForURL(/\/admin\/rounds\/[0-9a-f-]{36}\?created=1$/);
		const id = roundIdFrom(page.url())!;
		created.push(id);

		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Mätomgång ${name}`);
		expect(await page.getByRole('status').textContent()).toContain('Mätomgången är skapad som utkast.');
		const facts = page.locator('dl.facts');
		expect(await facts.textContent()).toContain('Extra mätning');
		expect(await facts.textContent()).toContain('Ej öppnad');
		expect(await facts.textContent()).toContain('Inte öppnad än');
		for (const f of FORVALTNINGAR) expect(await facts.textContent()).toContain(f);

		expect(await facts.textContent()).toMatch(/Ska svara[\d\s]+ personer om den öppnas nu/);
		await expectAccessible(page);
		const toAsk = await openWithConfirmation(page, name);
		expect(await page.getByRole('status').textContent()).toBe('Mätomgången är öppen. Medarbetarna ser den på sin startsida.');
		expect(await facts.textContent()).toContain('Öppen');
		const progress = /(\d+) av (\d+) har svarat/.exec((await facts.textContent())!);
		expect(progress).not.toBeNull();
		const [answered, members] = [Number(progress![1]), Number(progress![2])];
		expect(members, 'as many as the confirmation said').toBe(toAsk);
		expect(answered).toBe(0);
		expect(await page.getByRole('button', { name: 'Öppna mätomgången' }).count()).toBe(0);
		await expectAccessible(page);

		// Everyone in the förvaltning is e-mailed (the e2e app has an SMTP server): give it time on a busy machine.
		await submit(page, `Påminn de ${members} som inte har svarat`, 75_000);
		const reminded = /^(\d+) påminnelser skickade/.exec((await page.getByRole('status').textContent())!);
		expect(reminded, 'the reminder message').not.toBeNull();
		expect(Number(reminded![1])).toBe(members);

		await submit(page, 'Stäng mätomgången');
		expect(await page.getByRole('status').textContent()).toBe('Mätomgången är stängd. Rapporterna visar nu resultatet.');
		expect(await facts.textContent()).toContain('Stängd');
		expect(await facts.textContent()).toContain('Stängdes');
		for (const button of ['Öppna mätomgången', 'Stäng mätomgången']) expect(await page.getByRole('button', { name: button }).count()).toBe(0);
		expect(await page.getByRole('button', { name: /Påminn/ }).count()).toBe(0);
		// Also after a fresh load.
		await page.goto(`/admin/rounds/${id}`);
		expect(await page.getByRole('button').filter({ hasText: /Öppna mätomgången|Stäng mätomgången|Påminn/ }).count()).toBe(0);

		await page.goto('/admin/rounds');
		const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
		expect(await row.textContent()).toContain('Stängd');
		expect(await row.textContent()).toContain(`0 av ${members}`);
	});

	it('a non-admin (enhetschef) gets 404 on the admin pages and cannot create a round', async () => {
		const other = await newPage(browser);
		await login(other, demo.enhetschef);
		for (const url of ['/admin/rounds', openDemoRoundUrl, `/admin/rounds/${created[0]}`]) {
			const res = await other.goto(url);
			expect(res?.status(), url).toBe(404);
			expect(await other.locator('body').textContent(), url).toMatch(/finns inte, eller så saknar du behörighet/);
			expect(await other.getByRole('button', { name: /Stäng mätomgången|Skapa mätomgång/ }).count()).toBe(0);
		}
		// Posting the form directly is refused by the server too.
		const name = `Inte admin ${stamp}`;
		const status = await other.evaluate(async (name) => {
			const body = new URLSearchParams({ kind: 'custom', year: '2015', name, opensAt: '2015-03-01', closesAt: '2015-03-10' });
			const res = await fetch('/admin/rounds?/create', { method: 'POST', body, headers: { accept: 'text/html' }, redirect: 'manual' });
			return res.status;
		}, name);
		// Same-origin, so it passes the CSRF check (that would be 403): the action itself refuses
		// the non-admin as "not found" (decision 0003).
		expect(status).toBe(404);
		await other.context().close();

		await page.goto('/admin/rounds');
		expect(await roundNames(page)).not.toContain(name);
	});

	it('works without JavaScript: bad input is refused, a round is created, opened and closed', async () => {
		const noJs = await newPage(browser, { javaScript: false });
		try {
			await login(noJs, demo.admin);
			await noJs.goto('/admin/rounds');
			expect(await noJs.getByRole('button', { name: 'Välj alla' }).count(), 'needs a script, so not offered without one').toBe(0);

			await noJs.getByLabel('Typ', { exact: true }).selectOption({ label: 'Extra mätning' });
			await noJs.locator('#name').fill('');
			await uncheckAll(noJs);
			expect((await submit(noJs, 'Skapa mätomgång')).status()).toBe(400);
			expect(await noJs.getByRole('alert').textContent()).toContain('Mätomgången är inte skapad.');
			expect(await noJs.locator('#unitIds-error').textContent()).toBe('Välj minst en förvaltning som deltar.');

			const name = `E2E utan JavaScript ${stamp}`;
			await fillRound(noJs, { name, opensAt: '2015-02-02', closesAt: '2015-02-20', units: [FORVALTNINGAR[1]] });
			const createResponse = await submit(noJs, 'Skapa mätomgång');
			expect(createResponse.status()).toBe(303);
			await noJs.waitForURL(/\/admin\/rounds\/[0-9a-f-]{36}\?created=1$/);
			const id = roundIdFrom(noJs.url())!;
			created.push(id);
			expect(await noJs.getByRole('status').textContent()).toContain('Mätomgången är skapad som utkast.');

			const toAsk = await openWithConfirmation(noJs, name);
			expect(await noJs.getByRole('status').textContent()).toBe('Mätomgången är öppen. Medarbetarna ser den på sin startsida.');
			const progress = /(\d+) av (\d+) har svarat/.exec((await noJs.locator('dl.facts').textContent())!);
			expect(Number(progress?.[2])).toBe(toAsk);

			expect((await submit(noJs, 'Stäng mätomgången')).status()).toBe(200);
			expect(await noJs.getByRole('status').textContent()).toBe('Mätomgången är stängd. Rapporterna visar nu resultatet.');
			expect(await noJs.getByRole('button', { name: /Öppna mätomgången|Stäng mätomgången/ }).count()).toBe(0);
		} finally {
			await noJs.context().close();
		}
	});
});
