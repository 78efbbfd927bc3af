/**
 * What happens once per process at start: open (and migrate) the database, and on a fresh
 * embedded database create the demo organisation so every screen has something to show.
 */
import { count } from 'drizzle-orm';
import { database } from './db';
import { orgUnits } from './db/schema';
import { databaseStartFailure } from './db/start-failure';
import { DEMO_LOGINS, seedDemo } from './demo/seed';
import { demoWanted, env } from './env';
import { installShutdown, startJobs } from './lifecycle';
import { log } from './log';
import { getSetting, setSetting } from './settings';

export async function startup(): Promise<void> {
	const { db, kind } = await openOrExit();
	log.info({ database: kind }, 'database ready');
	const settings = env();
	const seedWanted = demoWanted(settings);
	if (seedWanted) {
		const [{ n }] = await db.select({ n: count() }).from(orgUnits);
		if (n === 0) {
			const started = Date.now();
			log.info('empty database: creating the demo organisation Exempelstad …');
			const summary = await seedDemo(db);
			await setSetting(db, 'demo', true);
			log.info({ ms: Date.now() - started, people: summary.people, responses: summary.responses }, 'demo organisation created');
		}
	}
	if (await isDemo()) printDemoLogins();
	// Scheduled work (pg-boss on PostgreSQL) and a graceful shutdown: see lifecycle.ts.
	installShutdown();
	await startJobs();
}

/** The database, or one line saying what was tried and what to check, and exit non-zero. */
async function openOrExit() {
	try {
		return await database();
	} catch (err) {
		const url = env().DATABASE_URL;
		if (!url) throw err;
		console.error(databaseStartFailure(url, err));
		process.exit(1);
	}
}

export async function isDemo(): Promise<boolean> {
	const { db } = await database();
	return (await getSetting<boolean>(db, 'demo')) === true;
}

function printDemoLogins() {
	const lines = DEMO_LOGINS.map((l) => `  ${l.label.padEnd(26)} ${l.email.padEnd(38)} lösenord: demo`);
	console.log(`\nLägesbild körs med demoorganisationen Exempelstad. Logga in som:\n${lines.join('\n')}\n`);
}
