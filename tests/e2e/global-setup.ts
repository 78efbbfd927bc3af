/**
 * Starts the built app once for the browser tests, on a fresh database: a new PGlite folder,
 * or (TEST_DB=postgres) a new database on the PostgreSQL server. The demo organisation is
 * created at start, exactly as `npm start` does.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { startSmtpServer } from '../../src/lib/server/testing/smtp';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { appRoot, freePort, spawnInstance, stopInstance, waitReady } from './instances';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export default async function setup(project: TestProject) {
	if (!existsSync(path.join(appRoot, 'build/index.js'))) throw new Error('Build the app first (npm run test:e2e builds it).');
	const settings: Record<string, string | undefined> = { LOG_LEVEL: 'warn', DEMO: 'on', NODE_ENV: 'production', DATABASE_URL: undefined };
	// Single sign-on against a real OpenID provider that tests/e2e/oidc.e2e.test.ts starts on this port.
	const oidc = { issuer: `http://127.0.0.1:${await freePort()}`, clientId: 'lagesbild-e2e', clientSecret: randomBytes(24).toString('hex') };
	Object.assign(settings, { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: oidc.clientId, OIDC_CLIENT_SECRET: oidc.clientSecret });
	// A real SMTP server: what the app e-mails is appended to a file the tests read (mailbox() in support.ts).
	const mailbox = path.join(mkdtempSync(path.join(tmpdir(), 'lagesbild-mail-')), 'mailbox.jsonl');
	writeFileSync(mailbox, '');
	const smtp = await startSmtpServer((mail) => appendFileSync(mailbox, JSON.stringify(mail) + '\n'));
	settings.SMTP_URL = smtp.url;
	let cleanup: () => Promise<void>;
	if (process.env.TEST_DB === 'postgres') {
		const name = `lagesbild_e2e_${randomBytes(5).toString('hex')}`;
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		await admin.end();
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		settings.DATABASE_URL = url.toString();
		cleanup = async () => {
			const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await drop.unsafe(`drop database if exists ${name} with (force)`);
			await drop.end();
		};
	} else {
		const dir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-'));
		settings.DATA_DIR = dir;
		cleanup = async () => rmSync(dir, { recursive: true, force: true });
	}
	const app = await spawnInstance(settings);
	try {
		await waitReady(app, 180);
	} catch (e) {
		await stopInstance(app, 5);
		await cleanup();
		await smtp.close();
		throw e;
	}
	project.provide('baseURL', app.base);
	project.provide('mailbox', mailbox);
	project.provide('oidc', oidc);
	return async () => {
		// Graceful stop; killed after 15 s so the run never hangs.
		await stopInstance(app, 15);
		await cleanup();
		await smtp.close();
		rmSync(path.dirname(mailbox), { recursive: true, force: true });
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		/** The file the e2e SMTP server appends each received message to, one JSON object a line. */
		mailbox: string;
		oidc: { issuer: string; clientId: string; clientSecret: string };
	}
}
