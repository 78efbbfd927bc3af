#!/usr/bin/env node
// `npm start`: builds the app if needed, then runs it. With no settings it uses the embedded
// database in ./data and creates the demo organisation Exempelstad on first start.
import { spawn } from 'node:child_process';
import { buildEntry, buildIfNeeded, root } from './build-if-needed.js';

buildIfNeeded();
const port = process.env.PORT ?? '3000';
const child = spawn(process.execPath, [buildEntry], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, PORT: port, NODE_ENV: process.env.NODE_ENV ?? 'production' }
});
console.log(`Lägesbild startar på http://localhost:${port} …`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
