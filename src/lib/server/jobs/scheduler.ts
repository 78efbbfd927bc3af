/**
 * Runs the scheduled work (tasks.ts) — decision 0007.
 *
 * On PostgreSQL: pg-boss, a job queue in the database (schema `pgboss`). Every instance starts it;
 * pg-boss's cron puts one job per minute in the queue whatever the number of instances, and each
 * job is fetched by one instance only (SELECT … FOR UPDATE SKIP LOCKED). The queues are 'stately'
 * (at most one waiting and one running), so a slow tick never piles up. Each instance also queues
 * a tick when it starts, so a round that closed while nothing ran is stored at once.
 *
 * On PGlite: the database belongs to one process, so there is nobody to share the work with. The
 * same tasks run on timers in the process, one at a time. Nothing is lost by this: the tasks find
 * their work in the database (rounds due, claims), not in a queue.
 */
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { log } from '../log';
import { cleanUp, minuteTick, type TaskSettings } from './tasks';

export interface Scheduler {
	kind: 'pg-boss' | 'in-process';
	/** Stops taking work and waits (at most `timeoutMs`) for what is running. */
	stop(timeoutMs?: number): Promise<void>;
}

const TICK = 'rounds-tick';
const CLEANUP = 'cleanup';

export interface SchedulerOptions {
	database: Database;
	/** PostgreSQL connection string (needed for pg-boss's own pool). */
	url?: string;
	settings: TaskSettings;
	/** Connections of pg-boss's own pool (default 2). */
	poolSize?: number;
}

export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
	if (options.database.kind === 'postgres' && options.url) return startPgBoss({ ...options, url: options.url });
	return startInProcess(options);
}

async function startPgBoss(options: SchedulerOptions & { url: string }): Promise<Scheduler> {
	const { db } = options.database;
	const boss = new PgBoss({
		connectionString: options.url,
		schema: 'pgboss',
		max: options.poolSize ?? 2,
		application_name: 'lagesbild-jobs',
		// Evaluate cron schedules often, so a minute's tick is queued soon after the minute starts.
		cronMonitorIntervalSeconds: 10,
		clockMonitorIntervalMinutes: 10
	});
	boss.on('error', (err) => log.error({ err }, 'job queue error'));
	await boss.start();
	for (const name of [TICK, CLEANUP]) {
		await boss.createQueue(name, { name, policy: 'stately', retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 });
	}
	await boss.schedule(TICK, '* * * * *', {}, { tz: 'Europe/Stockholm' });
	await boss.schedule(CLEANUP, '*/15 * * * *', {}, { tz: 'Europe/Stockholm' });
	await boss.work(TICK, { pollingIntervalSeconds: 2 }, async () => minuteTick(db, options.settings));
	await boss.work(CLEANUP, { pollingIntervalSeconds: 10 }, async () => cleanUp(db));
	// Right away, once for all instances starting together (stately: a second send is refused).
	await boss.send(TICK, {});
	log.info('job queue started (pg-boss)');
	return {
		kind: 'pg-boss',
		async stop(timeoutMs = 20_000) {
			// graceful: stop fetching, let running jobs finish (up to the timeout), then close the pool.
			await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true });
		}
	};
}

function startInProcess(options: SchedulerOptions): Scheduler {
	const { db } = options.database;
	let running: Promise<void> = Promise.resolve();
	let stopped = false;
	/** One task at a time; a failure is logged and the next run tries again. */
	const run = (name: string, task: () => Promise<void>) => {
		if (stopped) return;
		running = running.then(() => (stopped ? undefined : task().catch((err) => log.error({ err, job: name }, 'scheduled job failed'))));
	};
	const minute = setInterval(() => run(TICK, () => minuteTick(db, options.settings)), 60_000);
	const quarter = setInterval(() => run(CLEANUP, () => cleanUp(db)), 15 * 60_000);
	minute.unref();
	quarter.unref();
	// Soon after start: store the decisions of rounds that closed while the app was down.
	const first = setTimeout(() => run(TICK, () => minuteTick(db, options.settings)), 1_000);
	first.unref();
	log.info('scheduled jobs run in this process (embedded database)');
	return {
		kind: 'in-process',
		async stop(timeoutMs = 20_000) {
			stopped = true;
			clearInterval(minute);
			clearInterval(quarter);
			clearTimeout(first);
			await Promise.race([running, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
		}
	};
}
