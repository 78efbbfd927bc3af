#!/usr/bin/env node
// `npm test`: the whole suite — unit, integration (database) and browser tests — against the
// database chosen by TEST_DB (pglite, the default, or postgres). Prints one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, root } from './build-if-needed.js';
import { missingChromium } from './chromium.js';

const backend = process.env.TEST_DB ?? 'pglite';
const reports = path.join(root, 'test-results');
mkdirSync(reports, { recursive: true });

function run(cmd, args, env = {}) {
	const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	return r.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
function vitest(project) {
	const out = path.join(reports, `${project}-${backend}.json`);
	const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
	if (existsSync(out)) {
		const r = JSON.parse(readFileSync(out, 'utf8'));
		totals.passed += r.numPassedTests;
		totals.failed += r.numFailedTests;
		totals.skipped += r.numPendingTests + r.numTodoTests;
		if (r.numTotalTests === 0) {
			console.error(`No ${project} tests ran.`);
			exitCode = 1;
		}
	}
	if (status !== 0) exitCode = status;
}

console.log(`\n=== Lägesbild test suite on ${backend} ===\n`);
if (run('npx', ['svelte-kit', 'sync']) !== 0) process.exit(1);
vitest('unit');
vitest('integration');
// Without a browser, one line instead of a stack trace per browser test file; the run fails.
const noChromium = missingChromium();
if (noChromium) {
	console.error(`\n${noChromium}`);
	exitCode = 1;
} else {
	buildIfNeeded();
	vitest('e2e');
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
