#!/usr/bin/env node
// `npm run bench [-- --db=both|pglite|postgres --staff=40000 --rounds=20 …]`: builds the app when
// its build is stale, type-checks and bundles the benchmark (TypeScript, with the app's $lib
// imports) with esbuild, and runs it. See bench.ts for what it measures.
// `npm run bench -- --only=import [--db=… --rows=100000 --repeat=3 --keep]`: the HR staff import
// alone, in this process, on fresh databases (no app build, no server); see import.ts.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, root } from '../build-if-needed.js';

process.chdir(root);
// `--only=unit-goals`: the compilation of the unit's goals and checklists alone; see unit-goals.ts.
// `--only=incidents`: deciding a year's incident statistics (counts and forms) alone; see incidents.ts.
const ONLY = { import: ['./import', 'runImportOnly'], 'unit-goals': ['./unit-goals', 'runUnitGoalsOnly'], incidents: ['./incidents', 'runIncidentsOnly'] };
const only = Object.keys(ONLY).find((name) => process.argv.includes(`--only=${name}`));
// With --app=DIR the app of another checkout runs (built there); otherwise this one, built when stale.
if (!only && !process.argv.some((a) => a.startsWith('--app='))) buildIfNeeded();
spawnSync('npx', ['svelte-kit', 'sync'], { cwd: root, stdio: 'inherit' });
const typecheck = spawnSync('npx', ['tsc', '--noEmit', '-p', 'scripts/bench/tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

const lib = path.join(root, 'src/lib');
const outfile = path.join(root, `bench-data/${only ?? 'bench'}.mjs`);
const onlyEntry = (module, fn) => `import { ${fn} } from '${module}';
const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [k, v] = a.replace(/^--/, '').split('='); return [k, v ?? 'true']; }));
await ${fn}(args);`;
await build({
	...(only
		? { stdin: { contents: onlyEntry(...ONLY[only]), resolveDir: path.join(root, 'scripts/bench'), loader: 'ts', sourcefile: `${only}-only.ts` } }
		: { entryPoints: [path.join(root, 'scripts/bench/bench.ts')] }),
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning',
	plugins: [
		{
			name: 'sveltekit-lib-alias',
			setup(b) {
				b.onResolve({ filter: /^\$lib(\/|$)/ }, (args) =>
					b.resolve('./' + args.path.replace(/^\$lib\/?/, ''), { resolveDir: lib, kind: args.kind })
				);
			}
		}
	]
});
await import(pathToFileURL(outfile).href);
