/**
 * Starting the built app from a test: a free port, the process with its output kept for error
 * messages, waiting for /readyz, and a graceful stop. Used by the global set-up and by the tests
 * that run instances of their own (two instances on one PostgreSQL, a moved clock).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

export const appRoot = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as AddressInfo;
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

export interface Instance {
	base: string;
	child: ChildProcess;
	output: () => string;
}

/**
 * Starts `node build` on a free port with this process's environment and these settings (a
 * setting given as undefined is removed); does not wait for it (see waitReady).
 */
export async function spawnInstance(settings: Record<string, string | undefined>): Promise<Instance> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const env = Object.fromEntries(
		Object.entries({ ...process.env, ...settings, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base }).filter((e): e is [string, string] => e[1] !== undefined)
	);
	const child = spawn(process.execPath, [path.join(appRoot, 'build/index.js')], {
		cwd: appRoot,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	return { base, child, output: () => output };
}

export async function waitReady(instance: Instance, seconds = 120): Promise<void> {
	const deadline = Date.now() + seconds * 1000;
	while (Date.now() < deadline) {
		if (instance.child.exitCode !== null) throw new Error(`an instance exited:\n${instance.output()}`);
		try {
			if ((await fetch(`${instance.base}/readyz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`an instance was not ready in ${seconds} s:\n${instance.output()}`);
}

/** SIGTERM and wait for the exit (the database is closed then); SIGKILL after `seconds`. */
export async function stopInstance(instance: Instance, seconds = 20): Promise<number | null> {
	if (instance.child.exitCode !== null || instance.child.signalCode !== null) return instance.child.exitCode;
	const exit = new Promise<number | null>((r) => instance.child.once('exit', (code) => r(code)));
	instance.child.kill('SIGTERM');
	const timer = setTimeout(() => instance.child.kill('SIGKILL'), seconds * 1000);
	const code = await exit;
	clearTimeout(timer);
	return code;
}
