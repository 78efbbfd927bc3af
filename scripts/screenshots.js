#!/usr/bin/env node
// Takes screenshots of the main pages as each demo role, to look at what users see.
// Usage: start the app (npm start), then `node scripts/screenshots.js [baseURL]`; PNGs go to ./screenshots.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = 'screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function as(email, pages, openAnswer = false) {
	const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
	const page = await context.newPage();
	if (email) {
		await page.goto('/login');
		await page.getByLabel('E-postadress').fill(email);
		await page.getByLabel('Lösenord').fill('demo');
		await page.getByRole('button', { name: 'Logga in' }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/login'));
	}
	for (const [name, path] of pages) {
		await page.goto(path);
		if (openAnswer && name === 'answer') await page.getByRole('link', { name: /Svara på mätomgången/ }).click();
		await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
		console.log(`${out}/${name}.png`);
	}
	await context.close();
}

await as(null, [['login', '/login']]);
await as('socialsekreterare@exempelstad.se', [['start-socialsekreterare', '/'], ['history', '/my/history']]);
await as('bistandshandlaggare@exempelstad.se', [['answer', '/'], ['action-plans-employee', '/action-plans']], true);
await as('enhetschef@exempelstad.se', [['team', '/team']]);
await as('avdelningschef@exempelstad.se', [['reports-avdelning', '/reports']]);
await as('central.styrgrupp@exempelstad.se', [['reports-kommun', '/reports']]);
await as('admin@exempelstad.se', [['admin-rounds', '/admin/rounds']]);
await browser.close();
