#!/usr/bin/env node
// Takes screenshots of the main pages as each demo role, to look at what users see.
// Usage: start the app (npm start), then `node scripts/screenshots.js [baseURL] [outDir]`; PNGs go to
// ./screenshots (or outDir): each page at desktop width, and the main ones also at a phone's width
// (390 px, `-phone` in the name).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const out = process.argv[3] ?? 'screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function as(email, pages, { openAnswer = false, width = 1280, suffix = '' } = {}) {
	const context = await browser.newContext({ baseURL: base, viewport: { width, height: 900 }, locale: 'sv-SE' });
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
		if (openAnswer && name === 'answer') {
			await page.getByRole('link', { name: /Svara på mätomgången|Visa eller ändra ditt svar/ }).click();
			await page.waitForURL(/\/answer/);
		}
		await page.screenshot({ path: `${out}/${name}${suffix}.png`, fullPage: true });
		console.log(`${out}/${name}${suffix}.png`);
	}
	await context.close();
}

const phone = { width: 390, suffix: '-phone' };
await as(null, [['login', '/login']]);
await as('socialsekreterare@exempelstad.se', [['start-socialsekreterare', '/'], ['history', '/my/history']]);
await as('socialsekreterare@exempelstad.se', [['start-socialsekreterare', '/'], ['history', '/my/history']], phone);
await as('bistandshandlaggare@exempelstad.se', [['answer', '/'], ['action-plans-employee', '/action-plans']], { openAnswer: true });
await as('bistandshandlaggare@exempelstad.se', [['answer', '/']], { openAnswer: true, ...phone });
await as('enhetschef@exempelstad.se', [['team', '/team']]);
await as('enhetschef@exempelstad.se', [['team', '/team']], phone);
await as('avdelningschef@exempelstad.se', [['reports-avdelning', '/reports']]);
await as('central.styrgrupp@exempelstad.se', [['reports-kommun', '/reports'], ['indicators', '/indicators'], ['plan-matrix', '/plan/matrix']]);
await as('central.styrgrupp@exempelstad.se', [['plan-matrix', '/plan/matrix']], phone);
await as('admin@exempelstad.se', [['admin', '/admin'], ['admin-rounds', '/admin/rounds']]);
await as('admin@exempelstad.se', [['admin', '/admin']], phone);
await browser.close();
