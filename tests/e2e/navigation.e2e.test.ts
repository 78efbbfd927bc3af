/**
 * The main menu: short for every role (the administrators' pages are behind one "Administration"
 * link and its landing page), marks the current section with aria-current, works without
 * JavaScript, and fits a phone without sideways scrolling.
 *
 * Shared demo state: only logs in and reads.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, expectAccessible, launch, login, newPage } from './support';

const ADMIN_PAGES = [
	{ link: 'Mätomgångar', path: '/admin/rounds', heading: 'Mätomgångar' },
	{ link: 'Personal', path: '/admin/people', heading: 'Personal' },
	{ link: 'Importera personal från HR', path: '/admin/import', heading: /Importera personal/ },
	{ link: 'Läsare av hot och våld', path: '/admin/incident-readers', heading: 'Läsare av hot och våld' },
	{ link: 'Granskningslogg', path: '/admin/audit', heading: 'Granskningslogg' },
	{ link: 'Påminnelsetext', path: '/admin/reminders', heading: 'Påminnelsetext' },
	{ link: 'Tillgänglighetsredogörelsen', path: '/admin/accessibility', heading: 'Tillgänglighetsredogörelsen' },
	{ link: 'Administrera indikatorer', path: '/indicators/admin', heading: 'Administrera indikatorer' }
];

async function menuLinks(page: Page) {
	return page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents();
}

async function current(page: Page) {
	return page.getByRole('navigation', { name: 'Huvudmeny' }).locator('a[aria-current="page"]').allTextContents();
}

/** True when the page is wider than the window, i.e. has to be scrolled sideways. */
async function overflows(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe('the main menu', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(() => browser?.close());

	it('an administrator has one Administration link, and reaches every admin page from its landing page', async () => {
		const page = await newPage(browser);
		await login(page, demo.admin);
		const links = await menuLinks(page);
		expect(links).toEqual(['Start', 'Handlingsplaner', 'Rapporter', 'Planens områden', 'Hot och våld', 'Indikatorer', 'Administration']);
		expect(await current(page)).toEqual(['Start']);

		await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
		await page.waitForURL(/\/admin$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Administration');
		expect(await current(page)).toEqual(['Administration']);
		await expectAccessible(page);

		for (const target of ADMIN_PAGES) {
			await page.goto('/admin');
			await page.getByRole('main').getByRole('link', { name: target.link, exact: true }).click();
			await page.waitForURL((url) => url.pathname === target.path);
			const h1 = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
			if (typeof target.heading === 'string') expect(h1).toBe(target.heading);
			else expect(h1).toMatch(target.heading);
			// the menu still says where you are: in Administration; the admin pages lead back to it
			expect(await current(page)).toEqual(['Administration']);
			if (target.path.startsWith('/admin/')) expect(await page.getByRole('main').getByRole('link', { name: 'Administration', exact: true }).count()).toBe(1);
		}
		await page.context().close();
	});

	it('other roles have no Administration link and get a plain "not found" page for the landing page', async () => {
		const page = await newPage(browser);
		await login(page, demo.avdelningschef);
		expect(await menuLinks(page)).not.toContain('Administration');
		expect((await page.goto('/admin'))?.status()).toBe(404);
		// the error page speaks words, not a status code, and leads back
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sidan hittades inte');
		expect(await page.getByRole('main').getByRole('link', { name: 'Till startsidan' }).count()).toBe(1);
		await expectAccessible(page);
		await page.context().close();
	});

	it('a socialsekreterare sees a short menu with the current section marked', async () => {
		const page = await newPage(browser);
		await login(page, demo.socialsekreterare);
		expect(await menuLinks(page)).toEqual(['Start', 'Mina svar', 'Handlingsplaner', 'Planens områden', 'Hot och våld']);
		await page.goto('/my/history');
		expect(await current(page)).toEqual(['Mina svar']);
		await page.goto('/incidents/new');
		expect(await current(page)).toEqual(['Hot och våld']);
		await page.context().close();
	});

	it('works without JavaScript and fits a phone: every link visible, nothing scrolls sideways', async () => {
		const page = await newPage(browser, { javaScript: false });
		await page.setViewportSize({ width: 390, height: 800 });
		await login(page, demo.admin);
		for (const path of ['/', '/admin', '/admin/audit', '/indicators', '/plan/matrix']) {
			await page.goto(path);
			const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
			for (const link of await nav.getByRole('link').all()) expect(await link.isVisible()).toBe(true);
			expect(await overflows(page), `${path} is wider than a phone`).toBe(false);
		}
		await page.goto('/');
		await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
		await page.waitForURL(/\/admin$/);
		expect(await current(page)).toEqual(['Administration']);
		await page.context().close();

		// axe needs JavaScript: the same narrow page, checked with it
		const checked = await newPage(browser);
		await checked.setViewportSize({ width: 390, height: 800 });
		await login(checked, demo.admin);
		await checked.goto('/admin');
		await expectAccessible(checked);
		await checked.context().close();
	});
});
