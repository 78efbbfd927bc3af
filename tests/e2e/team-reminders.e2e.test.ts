/**
 * The nearest manager reminds own staff who have not answered the open round: who has answered per
 * group, one reminder a day (the second is refused, also through the API), the e-mail arriving at
 * a real SMTP server, and the manager's words on the start page of a reminded employee only.
 *
 * Shared demo state: sends the demo enhetschef's reminder for today (no other test does).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, expectAccessible, expectVisible, launch, login, mailbox, newPage } from './support';

const WORDS = 'Hej! Mätningen stänger snart – svara gärna i dag, det tar fem minuter. /Maria';

describe('the nearest manager reminds those who have not answered', () => {
	let browser: Browser;
	let page: Page;
	let reminded: { name: string; email: string };
	let answered: { name: string; email: string };
	beforeAll(async () => {
		browser = await launch();
		page = await newPage(browser);
		// Someone in the enhetschef's staff who has not answered, and someone who has (by the API, as the admin finds them).
		const boss = await apiLogin(demo.enhetschef);
		const admin = await apiLogin(demo.admin);
		const open = (await api(boss, '/rounds')).body.rounds.find((r: { status: string }) => r.status === 'open');
		const team = (await api(boss, `/rounds/${open.id}/team`)).body.members as { name: string; answered: boolean }[];
		const emailOf = async (name: string) => ((await api(admin, `/people?q=${encodeURIComponent(name)}`)).body.people as { name: string; email: string }[]).find((p) => p.name === name)!.email;
		const notYet = team.find((m) => !m.answered && m.name !== 'Sara Lindqvist')!;
		const done = team.find((m) => m.answered)!;
		reminded = { name: notYet.name, email: await emailOf(notYet.name) };
		answered = { name: done.name, email: await emailOf(done.name) };
	});
	afterAll(() => browser?.close());

	it('shows who has answered per group and sends the manager’s own words', async () => {
		await login(page, demo.enhetschef);
		await page.goto('/team');
		const panel = page.getByRole('region', { name: 'Vem har svarat?' });
		await expectVisible(panel.getByRole('table'));
		expect(await panel.getByRole('table').textContent()).toMatch(/\d+ av \d+/);
		await expectAccessible(page);
		const before = mailbox().length;
		await panel.getByLabel(/^Text till de \d+ som inte har svarat/).fill(WORDS);
		await panel.getByRole('button', { name: 'Påminn de som inte har svarat' }).click();
		const status = panel.getByRole('status');
		await status.waitFor();
		expect(await status.textContent()).toMatch(/Påminnelsen visas nu på startsidan för \d+ medarbetare som inte har svarat\. \d+ av dem fick också ett e-postmeddelande\./);
		// The e-mail arrived at the SMTP server, to the reminded employee, with the link to answer.
		const mail = mailbox().slice(before);
		const theirs = mail.find((m) => m.to.includes(reminded.email));
		expect(theirs, `an e-mail to ${reminded.email}`).toBeDefined();
		expect(theirs!.body.replace(/=\r?\n/g, '')).toMatch(/\/rounds\/[0-9a-f-]+\/answer/);
		expect(mail.some((m) => m.to.includes(answered.email))).toBe(false);
	});

	it('refuses a second reminder the same day, on the page and through the API', async () => {
		await page.goto('/team');
		await expectVisible(page.getByText(/Du påminde \d+ medarbetare i dag\. Du kan påminna igen i morgon\./));
		expect(await page.getByRole('button', { name: 'Påminn de som inte har svarat' }).count()).toBe(0);
		const token = await apiLogin(demo.enhetschef);
		const open = (await api(token, '/rounds')).body.rounds.find((r: { status: string }) => r.status === 'open');
		const again = await api(token, `/rounds/${open.id}/team/reminders`, { method: 'POST', body: JSON.stringify({}) });
		expect(again.status).toBe(409);
		expect(again.body.error.message).toBe('Du har redan påmint dem som inte har svarat i dag. Du kan påminna igen i morgon.');
		// Not the avdelningschef's to send: not found.
		const other = await apiLogin(demo.avdelningschef);
		expect((await api(other, `/rounds/${open.id}/team/reminders`, { method: 'POST', body: JSON.stringify({}) })).status).toBe(404);
	});

	it('the reminded employee sees the manager’s words on the start page; one who answered does not', async () => {
		const employee = await newPage(browser);
		await login(employee, reminded.email);
		const note = employee.getByRole('note').filter({ hasText: 'Påminnelse från Maria Ekström' });
		await expectVisible(note);
		expect(await note.textContent()).toContain(WORDS);
		await expectAccessible(employee);
		const other = await newPage(browser);
		await login(other, answered.email);
		expect(await other.getByText('Påminnelse från').count()).toBe(0);
	});
});
