#!/usr/bin/env node
// Fails when src/lib/server/db/schema.ts has changes that no committed migration in ./drizzle
// covers: drizzle-kit generates into a scratch copy, and any new file there is drift.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './build-if-needed.js';

const scratch = path.join(root, '.migration-drift');
rmSync(scratch, { recursive: true, force: true });
cpSync(path.join(root, 'drizzle'), scratch, { recursive: true });
const before = new Set(readdirSync(scratch));
const r = spawnSync('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', './src/lib/server/db/schema.ts', '--out', './.migration-drift'], { cwd: root, encoding: 'utf8' });
const added = readdirSync(scratch).filter((f) => !before.has(f));
rmSync(scratch, { recursive: true, force: true });
if (r.status !== 0) {
	console.error(r.stdout, r.stderr);
	process.exit(1);
}
if (added.length > 0) {
	console.error(`The schema has changes without a migration (${added.join(', ')}). Run \`npm run db:generate\` and commit ./drizzle.`);
	process.exit(1);
}
console.log('Migrations match the schema.');
