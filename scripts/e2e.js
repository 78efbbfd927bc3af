#!/usr/bin/env node
// `npm run test:e2e`: builds if needed, then runs only the browser tests.
import { spawnSync } from 'node:child_process';
import { buildIfNeeded, root } from './build-if-needed.js';
import { missingChromium } from './chromium.js';

const noChromium = missingChromium();
if (noChromium) {
	console.error(noChromium);
	process.exit(1);
}
buildIfNeeded();
const r = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
