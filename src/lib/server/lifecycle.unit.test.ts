import { describe, expect, it } from 'vitest';
import { inFlightRequest, requestsFinished } from './lifecycle';

describe('requests in flight at shutdown', () => {
	it('waits for a request still working, then goes on', async () => {
		let finish!: () => void;
		const steps: string[] = [];
		const request = inFlightRequest(async () => {
			await new Promise<void>((r) => (finish = r));
			steps.push('request done');
		});
		const waiting = requestsFinished(10_000).then(() => steps.push('database may close'));
		await new Promise((r) => setTimeout(r, 50));
		expect(steps).toEqual([]);
		finish();
		await Promise.all([request, waiting]);
		expect(steps).toEqual(['request done', 'database may close']);
	});

	it('counts a request that failed as finished', async () => {
		await expect(inFlightRequest(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		let done = false;
		await requestsFinished(10_000).then(() => (done = true));
		expect(done).toBe(true);
	});

	it('gives up waiting at the time-out', async () => {
		let finish!: () => void;
		const request = inFlightRequest(() => new Promise<void>((r) => (finish = r)));
		let waited = false;
		await requestsFinished(30).then(() => (waited = true));
		expect(waited).toBe(true);
		finish();
		await request;
	});
});
