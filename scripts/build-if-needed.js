// Builds the app when build/ is missing or older than the sources. Shared by `npm start` and `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const buildEntry = path.join(root, 'build', 'index.js');

function newestMtime(p) {
	const stat = statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
	return newest;
}

export function buildIfNeeded() {
	const inputs = ['src', 'static', 'drizzle', 'package.json', 'svelte.config.js', 'vite.config.ts'].map((p) => path.join(root, p)).filter(existsSync);
	const stale = !existsSync(buildEntry) || Math.max(...inputs.map(newestMtime)) > statSync(buildEntry).mtimeMs;
	if (!stale) return;
	console.log('Bygger Lägesbild … (första gången tar det en halv minut)');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
