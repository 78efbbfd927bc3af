/** Issue 12, item 10: an unreachable database at start is one line, never the password. */
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { databaseStartFailure, describeTarget } from './start-failure';

const url = 'postgres://lagesbild:hemligt@127.0.0.1:1/lagesbild_prod';

describe('the line an operator gets when the database cannot be opened at start', () => {
	it('says host, port, database and user, and what to check, for a closed port (a real attempt)', async () => {
		const err = await openDatabase({ url }).then(() => null, (e: unknown) => e);
		const line = databaseStartFailure(url, err);
		expect(line).toBe('Lägesbild cannot start: the database at host 127.0.0.1, port 1, database lagesbild_prod, user lagesbild could not be opened (ECONNREFUSED): nothing answers there: is PostgreSQL running, and are the host and port in DATABASE_URL right?.');
		expect(line).not.toContain('hemligt');
		expect(line).not.toContain('\n');
	});

	it('names the likely cause for refused credentials and a missing database', () => {
		expect(databaseStartFailure(url, Object.assign(new Error('password authentication failed'), { code: '28P01' }))).toContain('check the credentials in DATABASE_URL');
		expect(databaseStartFailure(url, Object.assign(new Error('database "x" does not exist'), { code: '3D000' }))).toContain('the database does not exist');
	});

	it('never repeats the connection string (with its password) from an unknown error', () => {
		const line = databaseStartFailure(url, new Error(`could not use ${url}`));
		expect(line).not.toContain('hemligt');
		expect(line).toContain('check DATABASE_URL (host, port, database, user, password)');
	});

	it('describes the target with the defaults PostgreSQL uses', () => {
		expect(describeTarget('postgres://db.kommun.se/lagesbild')).toBe('host db.kommun.se, port 5432, database lagesbild, user (default)');
		expect(describeTarget('not a url')).toBe('DATABASE_URL (not a valid URL)');
	});
});
