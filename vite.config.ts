import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// CLOCK_AT (tests only): record the real start once here, so the test workers and the app the
// browser tests start inherit it and all show the same time (see src/lib/server/clock.ts).
if (process.env.CLOCK_AT) process.env.CLOCK_AT_SINCE ??= String(Date.now());

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.unit.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['src/**/*.int.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					globalSetup: ['src/lib/server/db/test-global-setup.ts']
				}
			},
			{
				// The e2e tests check real answers against the API's presenters, which import from $lib.
				resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.e2e.test.ts'],
					environment: 'node',
					// One app and one database for the whole run: files run one at a time.
					fileParallelism: false,
					testTimeout: 90_000,
					hookTimeout: 240_000,
					globalSetup: ['tests/e2e/global-setup.ts']
				}
			}
		]
	}
});
