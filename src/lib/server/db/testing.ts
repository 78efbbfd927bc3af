/**
 * Fresh databases for integration tests: every test file gets its own, never a shared one.
 * TEST_DB=postgres uses the server in TEST_DATABASE_URL (a copy of a migrated template
 * database per file); otherwise an in-memory PGlite, migrated.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from './client';

export const testBackend = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function urlFor(database: string) {
	const url = new URL(serverUrl);
	url.pathname = `/${database}`;
	return url.toString();
}

export async function createTestDatabase(): Promise<Database> {
	if (testBackend === 'pglite') return openDatabase({ dataDir: 'memory://' });
	const prefix = inject('testDatabasePrefix');
	const name = `${prefix}${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${name} template ${prefix}template`);
	} finally {
		await admin.end();
	}
	const opened = await openDatabase({ url: urlFor(name), poolSize: 4, migrate: false });
	return {
		...opened,
		async close() {
			await opened.close();
			const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
			try {
				await drop.unsafe(`drop database if exists ${name} with (force)`);
			} finally {
				await drop.end();
			}
		}
	};
}
