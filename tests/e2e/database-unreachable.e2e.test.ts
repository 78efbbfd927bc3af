/**
 * Issue 12, item 10: the built app started against a closed port says in one line what it
 * tried and what to check, without the password or a stack trace, and exits non-zero.
 */
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { spawnInstance } from './instances';

describe('an unreachable database at start', () => {
	it('gives one line (host, port, database, user — no password) and a non-zero exit', async () => {
		const instance = await spawnInstance({ DATABASE_URL: 'postgres://lagesbild:hemligt@127.0.0.1:1/lagesbild_prod', JOBS: 'off', DEMO: 'off' });
		const [code] = await once(instance.child, 'exit');
		const output = instance.output();
		expect(code).not.toBe(0);
		expect(output).toContain('Lägesbild cannot start: the database at host 127.0.0.1, port 1, database lagesbild_prod, user lagesbild could not be opened (ECONNREFUSED)');
		expect(output).not.toContain('hemligt');
		expect(output, 'no stack trace').not.toMatch(/^\s+at /m);
	});
});
