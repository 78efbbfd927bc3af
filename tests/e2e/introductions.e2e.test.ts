/**
 * Introduction programmes and mentors (issue 14, part 3) in the browser on the demo: the new
 * employee who is behind finds the programme from the start page, ticks a step off and writes a
 * note (a personnummer is refused in Swedish); the mentor (the demo socialsekreterare) sees the
 * programmes she mentors and ticks a step off without JavaScript; the enhetschef sees who is
 * behind, downloads the list, is told what to fix when a start lacks a mentor, starts a programme
 * and gives a programme another mentor (and the first one back),
 * adds a step to the template and records a VFU student; others have no such pages. A phone shows
 * the pages without sideways scrolling. The API does the same.
 *
 * Shared demo state: a step ticked and a note in each of the two demo programmes, a programme
 * started for a colleague, a template step and a placement added in the demo enhet.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, download, expectAccessible, expectVisible, launch, login, newPage } from './support';

/** The demo's new employees (src/lib/server/demo/seed-introductions.ts): Elin on track, Omar behind. */
const ELIN = 'nyanstalld@exempelstad.se';
const OMAR = 'nyanstalld2@exempelstad.se';

describe('introduction programmes and mentors', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser?.close());

	it('the new employee finds the programme on the start page, ticks a step off and writes a note', async () => {
		const page = await newPage(browser);
		await login(page, OMAR);
		await page.getByRole('link', { name: 'Visa introduktionen' }).click();
		await page.waitForURL(/\/my\/introduction$/);
		await expectVisible(page.getByRole('heading', { name: 'Min introduktion' }));
		await expectVisible(page.getByText(/Din mentor är Sara Lindqvist/));
		expect(await page.getByText('Efter plan', { exact: true }).count()).toBeGreaterThan(0);
		await expectAccessible(page);

		await page.getByRole('button', { name: /Bocka av.*Stadens introduktionskurs/ }).click();
		await expectVisible(page.getByText('Steget är uppdaterat.'));
		await expectVisible(page.getByRole('button', { name: /Ångra.*Stadens introduktionskurs/ }));

		// A note that names a client by personnummer is refused, and what was typed stays.
		await page.locator('#body').fill('Pojken 120304-1234 har flyttat.');
		await page.getByRole('button', { name: 'Spara anteckningen' }).click();
		await expectVisible(page.getByText('Skriv inga personnummer eller andra uppgifter om klienter i anteckningen.'));
		expect(await page.locator('#body').inputValue()).toBe('Pojken 120304-1234 har flyttat.');
		await page.locator('#body').fill('Kursen är klar, nu väntar Signs of Safety.');
		await page.getByRole('button', { name: 'Spara anteckningen' }).click();
		await expectVisible(page.getByText('Kursen är klar, nu väntar Signs of Safety.'));
		await expectAccessible(page);
		await page.close();
	});

	it('the mentor sees the programmes she mentors and ticks a step off, without JavaScript too', async () => {
		const page = await newPage(browser, { javaScript: false });
		await login(page, demo.socialsekreterare);
		await page.goto('/my/introduction');
		const mentored = page.getByRole('table', { name: 'Introduktioner där du är mentor' });
		await expectVisible(mentored);
		expect(await mentored.textContent()).toContain('Elin Sandberg');
		expect(await mentored.textContent()).toContain('Omar Haddad');
		await mentored.getByRole('link', { name: 'Elin Sandberg' }).click();
		await page.waitForURL(/\/introductions\/[0-9a-f-]{36}$/);
		await expectVisible(page.getByRole('heading', { name: 'Introduktionsprogram: Elin Sandberg' }));
		await page.getByRole('button', { name: /Bocka av.*Signs of Safety/ }).click();
		await expectVisible(page.getByRole('button', { name: /Ångra.*Signs of Safety/ }));
		await page.close();
	});

	it('the enhetschef sees who is behind, downloads the list, starts a programme, keeps the template and records a VFU student', async () => {
		const page = await newPage(browser);
		await login(page, demo.enhetschef);
		await page.getByRole('link', { name: 'Visa introduktionsprogram' }).click();
		await page.waitForURL(/\/team\/introductions$/);
		const behind = page.getByRole('region', { name: /efter plan/ });
		await expectVisible(behind);
		expect(await behind.textContent()).toContain('Omar Haddad');
		expect(await behind.textContent()).not.toContain('Elin Sandberg');
		await expectAccessible(page);
		const file = await download(page, 'Ladda ner som CSV');
		const [header, ...rows] = file.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
		expect(header.split(';').slice(0, 3)).toEqual(['Nyanställd', 'Enhet/grupp', 'Mentor']);
		expect(rows.join('\n')).toContain('Omar Haddad');

		// Without a mentor the start is refused, saying what to fix.
		await page.locator('#personId').selectOption({ index: 1 });
		await page.getByRole('button', { name: 'Starta programmet' }).click();
		await expectVisible(page.getByText('Välj en mentor bland enhetens mentorer.'));
		await page.locator('#mentorId').selectOption({ label: 'Sara Lindqvist' });
		await page.getByRole('button', { name: 'Starta programmet' }).click();
		await page.waitForURL(/\/introductions\/[0-9a-f-]{36}$/);
		await expectVisible(page.getByText(/Mentor: Sara Lindqvist/));
		await expectAccessible(page);
		expect(await page.getByRole('button', { name: /^Bocka av/ }).count()).toBeGreaterThan(5);
		// The manager gives Elin's programme the enhet's other mentor, and Sara back.
		await page.goto('/team/introductions');
		await page.getByRole('link', { name: 'Elin Sandberg' }).first().click();
		await page.waitForURL(/\/introductions\/[0-9a-f-]{36}$/);
		const other = (await page.locator('#mentorId option').allTextContents()).map((name) => name.trim()).find((name) => name !== 'Sara Lindqvist')!;
		for (const mentor of [other, 'Sara Lindqvist']) {
			await page.locator('#mentorId').selectOption({ label: mentor });
			await page.getByRole('button', { name: 'Spara mentor' }).click();
			await expectVisible(page.getByText('Mentorn är vald.', { exact: false }));
			await expectVisible(page.getByText(`Mentor: ${mentor}.`, { exact: false }));
		}

		await page.goto('/team/introductions/template');
		await page.locator('#dueWeek').fill('30');
		await page.locator('#title').fill('Studiebesök på familjehemsenheten');
		await page.getByRole('button', { name: 'Lägg till steget' }).click();
		await expectVisible(page.getByText('Skriv vilken vecka steget ska vara gjort, 1–26.'));
		await page.locator('#dueWeek').fill('12');
		await page.getByRole('button', { name: 'Lägg till steget' }).click();
		await expectVisible(page.getByRole('row', { name: /Studiebesök på familjehemsenheten/ }));
		await expectVisible(page.getByText('Sara Lindqvist'));
		await expectAccessible(page);

		await page.goto('/team/placements');
		const before = await page.locator('tbody tr').count();
		await page.locator('#kind').selectOption('vfu_student');
		await page.getByRole('button', { name: 'Spara' }).click();
		await expectVisible(page.getByText('Raden är sparad.'));
		expect(await page.locator('tbody tr').count()).toBe(before + 1);
		await expectAccessible(page);
		await page.close();
	});

	it('the lokal styrgrupp counts new employees, introductions and VFU students from the enheter and saves them as indicator values', async () => {
		const page = await newPage(browser);
		await login(page, demo.styrgrupp);
		await page.goto('/indicators/entry');
		await page.getByRole('link', { name: /Räkna nyanställda, introduktion och VFU/ }).click();
		await page.waitForURL(/\/indicators\/introductions$/);
		const table = page.getByRole('table', { name: /Norrvik/ });
		await expectVisible(table);
		expect(await table.textContent()).toMatch(/Nyanställda handläggare\d+/);
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Spara som indikatorvärden' }).click();
		await expectVisible(page.getByText(/är sparade som .*indikatorvärden/));
		expect((await page.goto('/indicators/new_employees'))?.status()).toBe(200);
		await page.close();
		const manager = await newPage(browser);
		await login(manager, demo.enhetschef);
		expect((await manager.goto('/indicators/introductions'))?.status()).toBe(404);
		await manager.close();
	});

	it('nobody else sees a programme, the template or the placements', async () => {
		const manager = await apiLogin(demo.enhetschef);
		const omar = (await api(manager, '/introductions')).body.introductions.find((i: { person: { name: string } }) => i.person.name === 'Omar Haddad');
		const page = await newPage(browser);
		await login(page, demo.bistandshandlaggare);
		for (const path of [`/introductions/${omar.id}`, '/team/introductions', '/team/introductions/template', '/team/placements']) expect((await page.goto(path))?.status(), path).toBe(404);
		await expectVisible(page.getByText(/finns inte, eller så saknar du behörighet/));
		await page.close();
		const above = await newPage(browser);
		await login(above, demo.avdelningschef);
		expect((await above.goto(`/introductions/${omar.id}`))?.status()).toBe(404);
		await above.close();
		const deputy = await newPage(browser);
		await login(deputy, demo.deputy);
		expect((await deputy.goto('/team/introductions'))?.status()).toBe(200);
		expect((await deputy.goto('/team/introductions/template'))?.status()).toBe(404);
		await deputy.close();
	});

	it('a phone shows the programme and the manager’s list without sideways scrolling', async () => {
		for (const [who, path] of [
			[ELIN, '/my/introduction'],
			[demo.socialsekreterare, '/my/introduction'],
			[demo.enhetschef, '/team/introductions'],
			[demo.enhetschef, '/team/introductions/template'],
			[demo.enhetschef, '/team/placements'],
			[demo.styrgrupp, '/indicators/introductions']
		]) {
			const page = await newPage(browser);
			await page.setViewportSize({ width: 390, height: 844 });
			await login(page, who);
			await page.goto(path);
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${who} ${path}`).toBe(true);
			await expectAccessible(page);
			await page.close();
		}
	});

	it('the API: one’s own programme, a tick and a note (400 with what to fix), the manager’s list; 404 for others', async () => {
		const elin = await apiLogin(ELIN);
		const mine = await api(elin, '/my-introduction');
		expect(mine.status).toBe(200);
		expect(mine.body.introduction).toMatchObject({ reading: 'self', person: { name: 'Elin Sandberg' }, mentor: { name: 'Sara Lindqvist' } });
		const id = mine.body.introduction.id as string;
		const open = (mine.body.introduction.steps as { id: string; doneOn: string | null }[]).find((s) => !s.doneOn)!;
		const ticked = await api(elin, `/introductions/${id}/steps`, { method: 'POST', body: JSON.stringify({ stepId: open.id, done: true }) });
		expect(ticked.status).toBe(200);
		expect(ticked.body.steps.find((s: { id: string }) => s.id === open.id).doneOn).not.toBeNull();
		const bad = await api(elin, `/introductions/${id}/notes`, { method: 'POST', body: JSON.stringify({ body: 'Flickan 0503121234 berättade' }) });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ body: 'Skriv inga personnummer eller andra uppgifter om klienter i anteckningen.' });
		expect((await api(elin, `/introductions/${id}/notes`, { method: 'POST', body: JSON.stringify({ body: 'Bra vecka.' }) })).status).toBe(201);

		const manager = await apiLogin(demo.enhetschef);
		const list = await api(manager, '/introductions');
		expect(list.status).toBe(200);
		expect(list.body.introductions.find((i: { id: string }) => i.id === id)).toMatchObject({ person: { name: 'Elin Sandberg' } });
		expect((await api(manager, '/placements')).body.placements.length).toBeGreaterThan(0);

		const other = await apiLogin(demo.bistandshandlaggare);
		expect((await api(other, `/introductions/${id}`)).status).toBe(404);
		expect((await api(other, '/introductions')).status).toBe(404);
		expect((await api(other, `/introductions/${id}/steps`, { method: 'POST', body: JSON.stringify({ stepId: open.id, done: false }) })).status).toBe(404);
		expect((await api(other, '/my-introduction')).body).toEqual({ introduction: null, mentored: [] });
		expect((await api(elin, '/introductions')).status).toBe(404);
	});
});
