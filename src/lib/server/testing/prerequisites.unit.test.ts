/** A newcomer without Chromium gets one line saying what to install, not a stack trace per browser test file. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('the browser tests without Chromium', () => {
	it('stop before starting, with one line naming the path, the package and CHROMIUM_PATH, and fail', () => {
		const missing = path.join(root, 'no-such-dir', 'chromium');
		const run = spawnSync(process.execPath, ['scripts/e2e.js'], { cwd: root, env: { ...process.env, CHROMIUM_PATH: missing }, encoding: 'utf8', timeout: 30_000 });
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		const lines = run.stderr.trim().split('\n');
		expect(lines).toEqual([`Browser tests not run: no Chromium at ${missing}. Install it (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.`]);
	});
});
