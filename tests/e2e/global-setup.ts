/**
 * Starts the built app once for the browser tests, on a fresh database: a new PGlite folder,
 * or (TEST_DB=postgres) a new database on the PostgreSQL server. The demo organisation is
 * created at start, exactly as `npm start` does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { freePort } from './instances';

const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was ready`);
		try {
			const res = await fetch(`${url}/readyz`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`the app did not become ready within ${timeoutMs / 1000} s`);
}

export default async function setup(project: TestProject) {
	const root = path.resolve(import.meta.dirname, '../..');
	if (!existsSync(path.join(root, 'build/index.js'))) throw new Error('Build the app first (npm run test:e2e builds it).');
	const port = await freePort();
	const baseURL = `http://localhost:${port}`;
	const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseURL, LOG_LEVEL: 'warn', DEMO: 'on', NODE_ENV: 'production' };
	// Single sign-on against a real OpenID provider that tests/e2e/oidc.e2e.test.ts starts on this port.
	const oidc = { issuer: `http://127.0.0.1:${await freePort()}`, clientId: 'lagesbild-e2e', clientSecret: randomBytes(24).toString('hex') };
	Object.assign(env, { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: oidc.clientId, OIDC_CLIENT_SECRET: oidc.clientSecret });
	delete env.DATABASE_URL;
	let cleanup: () => Promise<void>;
	if (process.env.TEST_DB === 'postgres') {
		const name = `lagesbild_e2e_${randomBytes(5).toString('hex')}`;
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		await admin.end();
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		env.DATABASE_URL = url.toString();
		cleanup = async () => {
			const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
			await drop.unsafe(`drop database if exists ${name} with (force)`);
			await drop.end();
		};
	} else {
		const dir = mkdtempSync(path.join(tmpdir(), 'lagesbild-e2e-'));
		env.DATA_DIR = dir;
		cleanup = async () => rmSync(dir, { recursive: true, force: true });
	}
	const child = spawn(process.execPath, [path.join(root, 'build/index.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	try {
		await waitUntilReady(baseURL, child, 180_000);
	} catch (e) {
		child.kill();
		await cleanup();
		throw new Error(`${(e as Error).message}\n--- app output ---\n${output}`);
	}
	project.provide('baseURL', baseURL);
	project.provide('oidc', oidc);
	return async () => {
		// Graceful stop; if the app has not exited after 15 s, kill it so the run never hangs.
		const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
		await cleanup();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		oidc: { issuer: string; clientId: string; clientSecret: string };
	}
}
