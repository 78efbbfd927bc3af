/**
 * The process's life after start: scheduled jobs, and a graceful shutdown. On SIGTERM/SIGINT
 * adapter-node stops accepting connections and lets in-flight requests finish (at most
 * SHUTDOWN_TIMEOUT seconds), then emits 'sveltekit:shutdown'; here /readyz turns 503 at once
 * (so a load balancer stops sending), and after the requests the jobs stop (a running job may
 * finish) and the database connections close, so the process exits by itself.
 */
import { database } from './db';
import { env } from './env';
import { startScheduler, type Scheduler } from './jobs/scheduler';
import { log } from './log';
import { mailer } from './mail/mailer';

let shuttingDown = false;
let inFlight = 0;
let scheduler: Scheduler | null = null;
let installed = false;

/** True from the first shutdown signal: the instance should get no new traffic. */
export const isShuttingDown = () => shuttingDown;

/**
 * Counts a request while it runs. The server closes once its clients have gone, but a handler
 * whose client hung up may still be working: the database closes only after it has finished.
 */
export async function inFlightRequest<T>(work: () => Promise<T>): Promise<T> {
	inFlight++;
	try {
		return await work();
	} finally {
		inFlight--;
	}
}

/** Resolves when no request is in flight, or after timeoutMs. */
export async function requestsFinished(timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

export async function startJobs(): Promise<void> {
	const settings = env();
	if (settings.JOBS === 'off') {
		log.info('scheduled jobs are off in this instance (JOBS=off)');
		return;
	}
	scheduler = await startScheduler({
		database: await database(),
		url: settings.DATABASE_URL,
		settings: {
			reminderDaysBefore: settings.REMINDER_DAYS_BEFORE_CLOSE,
			autoClose: settings.ROUNDS_AUTO_CLOSE === 'on',
			mailer: mailer(),
			appUrl: settings.ORIGIN ?? ''
		}
	});
}

export function installShutdown(): void {
	if (installed) return;
	installed = true;
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.once(signal, () => {
			shuttingDown = true;
			log.info({ signal }, 'shutting down: finishing requests in flight');
		});
	}
	// adapter-node emits this custom event once the server has closed (not typed by Node).
	(process as NodeJS.EventEmitter).once('sveltekit:shutdown', async () => {
		try {
			await requestsFinished(env().SHUTDOWN_TIMEOUT * 1000);
			await scheduler?.stop();
			await (await database()).close();
			log.info('stopped');
		} catch (err) {
			log.error({ err }, 'error while stopping');
			process.exitCode = 1;
		}
	});
}
