/**
 * `npm run bench`: the national-size benchmark (issue 6). For each database (PGlite, PostgreSQL)
 * it generates and loads the synthetic organisation, starts the BUILT app on it (node
 * build/index.js, as the browser tests do), and measures through the HTTP API on loopback:
 * report latency per level (anonymity rule included), logging in and saving answers with many
 * concurrent connections, and the server's peak memory. Prints one table and writes
 * docs/benchmarks.md. Every loop is bounded in count and time.
 *
 * Options: --db=both|pglite|postgres --staff=40000 --rounds=20 --requests=200 --answers=10000 --warmup=400
 *          --connections=200 --series-seconds=120 --no-write --keep
 *          --app=DIR (run the app built in another checkout, e.g. to measure an older version)
 *          --reuse (keep the database of an earlier --keep run: no generating and loading)
 *          --database=lagesbild_bench (the PostgreSQL database it drops and creates)
 *          --skip=reports|answers|import --import-rows=100000 (the HR import, import.ts; alone: --only=import)
 *          BENCH_NODE_ARGS="--cpu-prof" (extra node arguments for the app)
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { PGlite } from '@electric-sql/pglite';
import { BENCH_PASSWORD, planBench, type Plan, type Reader } from './generate';
import { freshDatabase, loadPlan, type LoadResult, type Target } from './load';
import { importCell, measureImport, type ImportMeasurement } from './import';
import { openDatabase } from '$lib/server/db/client';

const root = process.cwd();
const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [k, v] = a.replace(/^--/, '').split('=');
		return [k, v ?? 'true'];
	})
);
const num = (key: string, def: number) => (args[key] ? Number(args[key]) : def);
const options = {
	db: (args.db ?? 'both') as 'both' | 'pglite' | 'postgres',
	staff: num('staff', 40_000),
	rounds: num('rounds', 20),
	requests: num('requests', 200),
	answers: num('answers', 10_000),
	warmup: num('warmup', 400),
	connections: num('connections', 200),
	seriesSeconds: num('series-seconds', 120),
	write: args['no-write'] !== 'true',
	keep: args.keep === 'true',
	app: path.resolve(args.app ?? root),
	reuse: args.reuse === 'true',
	/** The PostgreSQL database to (re)create: two checkouts benchmarking at once need two names. */
	database: args.database ?? 'lagesbild_bench',
	skip: new Set((args.skip ?? '').split(',').filter(Boolean))
};
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDir = path.join(root, 'bench-data');
mkdirSync(benchDir, { recursive: true });

const log = (line: string) => console.log(line);
const APP_HEAP = '--max-old-space-size=384';

// --- Measurement helpers --------------------------------------------------------------

interface Series {
	n: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** `count` requests one after another (at most `seconds`), timing each. */
async function series(count: number, seconds: number, request: () => Promise<Response>): Promise<Series> {
	const times: number[] = [];
	let errors = 0;
	const deadline = performance.now() + seconds * 1000;
	for (let i = 0; i < count && performance.now() < deadline; i++) {
		const started = performance.now();
		const res = await request();
		await res.arrayBuffer();
		times.push(performance.now() - started);
		if (!res.ok) errors++;
	}
	times.sort((a, b) => a - b);
	return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), errors };
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

interface Server {
	base: string;
	child: ChildProcess;
	readySeconds: number;
	peakRssMb(): number;
	stop(): Promise<void>;
}

function memoryOf(pid: number): { rss: number; hwm: number } {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
		return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
	} catch {
		return { rss: 0, hwm: 0 };
	}
}

async function startServer(target: Target): Promise<Server> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, NODE_ENV: 'production', DEMO: 'off', LOG_LEVEL: 'warn', ...target.appEnv };
	if (!target.appEnv.DATABASE_URL) delete env.DATABASE_URL;
	const started = performance.now();
	// The heap limit docs/deploy.md recommends for an instance in a 512 MB–1 GB container.
	const nodeArgs = [APP_HEAP, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
	const child = spawn(process.execPath, [...nodeArgs, path.join(options.app, 'build/index.js')], { cwd: options.app, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
	child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
	let peak = 0;
	const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(child.pid!).hwm)), 250);
	const deadline = Date.now() + 600_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
		if (Date.now() > deadline) throw new Error(`the app was not ready within 10 minutes:\n${output}`);
		try {
			if ((await fetch(`${base}/readyz`)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		base,
		child,
		readySeconds: (performance.now() - started) / 1000,
		peakRssMb: () => Math.max(peak, memoryOf(child.pid!).hwm),
		async stop() {
			peak = Math.max(peak, memoryOf(child.pid!).hwm);
			clearInterval(sampler);
			child.kill('SIGTERM');
			const exited = new Promise((r) => child.once('exit', r));
			const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

async function login(base: string, email: string): Promise<string> {
	const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: BENCH_PASSWORD }) });
	if (res.status !== 201) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
	return ((await res.json()) as { token: string }).token;
}

// --- One database ----------------------------------------------------------------------

interface LevelResult {
	level: Reader['level'];
	unitName: string;
	round: Series;
	trend: Series;
	rows: number;
	hiddenRows: number;
}

interface Result {
	kind: Target['kind'];
	database: string;
	load: LoadResult;
	readySeconds: number;
	firstReportMs: number;
	levels: LevelResult[];
	logins: { perSecond: number; p99: number; ok: number; expected: number };
	answers: { perSecond: number; p99: number; ok: number; expected: number; stored: number; distinct: number };
	peakRssMb: number;
	import: ImportMeasurement | null;
}

async function runOn(target: Target, plan: Plan): Promise<Result> {
	log(`\n=== ${target.kind}: generating and loading ===`);
	let load: LoadResult = { rows: 0, seconds: NaN, perTable: {} };
	if (!options.reuse) {
		await freshDatabase(target, serverUrl);
		load = await loadPlan(target, plan, log);
	}
	log(`  ${load.rows} rows in ${load.seconds.toFixed(1)} s`);

	log(`=== ${target.kind}: starting the built app ===`);
	const server = await startServer(target);
	log(`  ready after ${server.readySeconds.toFixed(1)} s at ${server.base}`);
	let database = '';
	try {
		const latest = plan.closedRoundIds[plan.closedRoundIds.length - 1];
		// From ready to the first report answered, the readers' logins included: right after
		// start the app may be storing the anonymity decisions, and on PGlite everything waits.
		const firstStarted = performance.now();
		const tokens = new Map<string, string>();
		for (const reader of plan.readers) tokens.set(reader.level, await login(server.base, reader.email));
		const get = (reader: Reader, pathname: string) => () => fetch(`${server.base}${pathname}`, { headers: { authorization: `Bearer ${tokens.get(reader.level)}` } });
		const roundPath = (r: Reader) => `/api/v1/rounds/${latest}/report?unit=${r.unitId}`;
		const trendPath = (r: Reader) => `/reports/export?view=trend&format=csv&unit=${r.unitId}`;

		const first = await get(plan.readers[0], roundPath(plan.readers[0]))();
		if (!first.ok) throw new Error(`first report: ${first.status} ${await first.text()}`);
		await first.arrayBuffer();
		const firstReportMs = performance.now() - firstStarted;
		log(`  first report after start: ${firstReportMs.toFixed(0)} ms`);

		const levels: LevelResult[] = [];
		for (const reader of options.skip.has('reports') ? [] : plan.readers) {
			// What the reader gets: rows, hidden ones without figures (the anonymity rule at work).
			const sample = (await (await get(reader, roundPath(reader))()).json()) as { rows: { cell: { shown: boolean; figures?: unknown } }[] };
			const hidden = sample.rows.filter((r) => !r.cell.shown);
			if (hidden.some((r) => r.cell.figures !== undefined)) throw new Error('a hidden cell carries figures');
			const round = await series(options.requests, options.seriesSeconds, get(reader, roundPath(reader)));
			const trend = await series(options.requests, options.seriesSeconds, get(reader, trendPath(reader)));
			levels.push({ level: reader.level, unitName: reader.unitName, round, trend, rows: sample.rows.length, hiddenRows: hidden.length });
			log(`  ${reader.level.padEnd(11)} round p50/p95/p99 ${fmt(round.p50)}/${fmt(round.p95)}/${fmt(round.p99)} ms (n=${round.n})   trend ${fmt(trend.p50)}/${fmt(trend.p95)}/${fmt(trend.p99)} ms (n=${trend.n})`);
		}

		// Respondents log in (200 connections), then save their answers (200 connections).
		// The first `warmup` respondents answer before the measured ones, unmeasured, as on a server
		// that has run for a while when a round opens (JIT-compiled, statements prepared).
		const warmup = options.skip.has('answers') ? 0 : options.warmup;
		const emails = plan.respondentEmails.slice(0, options.skip.has('answers') ? 0 : warmup + options.answers);
		const respondentTokens: (string | undefined)[] = new Array(emails.length);
		const none: Awaited<ReturnType<typeof autocannon>> = { duration: 0, latency: { average: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN }, requests: { average: 0, p50: 0, p90: 0, p99: 0, max: 0, total: 0 }, errors: 0, timeouts: 0, non2xx: 0, '2xx': 0 };
		const cannon: typeof autocannon = (o) => (emails.length > 0 ? autocannon(o) : Promise.resolve(none));
		let nextLogin = 0;
		const loginStarted = performance.now();
		const logins = await cannon({
			url: server.base,
			connections: options.connections,
			amount: emails.length,
			timeout: 120,
			requests: [
				{
					method: 'POST',
					path: '/api/v1/session',
					headers: { 'content-type': 'application/json' },
					setupRequest: (req, context) => {
						const i = nextLogin++ % emails.length;
						context.i = i;
						return { ...req, body: JSON.stringify({ email: emails[i], password: BENCH_PASSWORD }) };
					},
					onResponse: (status, body, context) => {
						if (status === 201) respondentTokens[context.i as number] = (JSON.parse(body) as { token: string }).token;
					}
				}
			]
		});
		const loginSeconds = (performance.now() - loginStarted) / 1000;
		const loggedIn = respondentTokens.filter(Boolean).length;
		log(`  logins: ${(logins['2xx'] / loginSeconds).toFixed(0)}/s, p99 ${logins.latency.p99} ms, ${loggedIn}/${emails.length} ok`);

		const statuses = new Map<number, number>();
		let firstError = '';
		const saveAnswers = (from: number, amount: number) => {
			let next = from;
			return cannon({
				url: server.base,
				connections: options.connections,
				amount,
				timeout: 120,
				requests: [
					{
						method: 'PUT',
						path: `/api/v1/rounds/${plan.openRoundId}/my-response`,
						headers: { 'content-type': 'application/json' },
						onResponse: (status, body) => {
							statuses.set(status, (statuses.get(status) ?? 0) + 1);
							if (status >= 300 && !firstError) firstError = `${status} ${body.slice(0, 300)}`;
						},
						setupRequest: (req) => {
							const i = next++;
							const score = 1 + (i % 6);
							return {
								...req,
								headers: { ...req.headers, authorization: `Bearer ${respondentTokens[i] ?? 'missing'}` },
								body: JSON.stringify({ caseCount: 10 + (i % 40), situationScore: score, qualityScore: 7 - score, recommendScore: 3, situationComment: i % 3 ? null : 'Mätning under last.' })
							};
						}
					}
				]
			});
		};
		if (warmup > 0) await saveAnswers(0, warmup);
		const answerStarted = performance.now();
		const saved = await saveAnswers(warmup, emails.length - warmup);
		const answerSeconds = (performance.now() - answerStarted) / 1000;
		log(`  answers: ${(saved['2xx'] / answerSeconds).toFixed(0)}/s, p99 ${saved.latency.p99} ms, ${saved['2xx']}/${emails.length - warmup} saved (after ${warmup} unmeasured)`);
		if (firstError) log(`  statuses ${JSON.stringify(Object.fromEntries(statuses))}; first error: ${firstError}`);
		const peakRssMb = server.peakRssMb();
		await server.stop();

		// Count afterwards, straight from the database: none lost, none twice.
		const counted = await countAnswers(target, plan.openRoundId);
		database = counted.version;
		log(`  stored: ${counted.total} answers from ${counted.distinct} people; peak RSS ${peakRssMb.toFixed(0)} MB`);
		let imported: ImportMeasurement | null = null;
		if (!options.skip.has('import')) {
			// In this process, through the import service, once the app has stopped (PGlite has one user).
			const opened = await openDatabase(target.kind === 'postgres' ? { url: target.location, poolSize: 4, migrate: false } : { dataDir: target.location, migrate: false });
			try {
				imported = await measureImport({ db: opened.db, rows: num('import-rows', 100_000), log });
			} finally {
				await opened.close();
			}
		}
		return {
			kind: target.kind,
			database,
			load,
			readySeconds: server.readySeconds,
			firstReportMs,
			levels,
			logins: { perSecond: logins['2xx'] / loginSeconds, p99: logins.latency.p99, ok: loggedIn, expected: emails.length },
			answers: { perSecond: saved['2xx'] / answerSeconds, p99: saved.latency.p99, ok: saved['2xx'], expected: emails.length, stored: counted.total, distinct: counted.distinct },
			peakRssMb,
			import: imported
		};
	} finally {
		if (server.child.exitCode === null) await server.stop();
	}
}

async function countAnswers(target: Target, roundId: string): Promise<{ total: number; distinct: number; version: string }> {
	const q = `select count(*)::int as total, count(distinct person_id)::int as "distinct", version() as version from responses where round_id = '${roundId}'`;
	if (target.kind === 'postgres') {
		const sql = postgres(target.location, { max: 1, onnotice: () => {} });
		try {
			const [row] = await sql.unsafe(q);
			return { total: row.total, distinct: row.distinct, version: String(row.version).split(' on ')[0] };
		} finally {
			await sql.end();
		}
	}
	const pg = new PGlite(target.location);
	try {
		const { rows } = await pg.query<{ total: number; distinct: number; version: string }>(q);
		return { ...rows[0], version: `PGlite ${pgliteVersion()} (${rows[0].version.split(' on ')[0]})` };
	} finally {
		await pg.close();
	}
}

function pgliteVersion(): string {
	try {
		return (JSON.parse(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
	} catch {
		return '?';
	}
}

async function dropBenchDatabase(url: string) {
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
	} finally {
		await admin.end();
	}
}

// --- The table ---------------------------------------------------------------------------------

const fmt = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
const triple = (s: Series) => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)}${s.n < options.requests ? ` (n=${s.n}, capped)` : ''}${s.errors ? ` ${s.errors} errors` : ''}`;

function table(plan: Plan, results: Result[]): string {
	const col = (f: (r: Result) => string) => ['pglite', 'postgres'].map((k) => {
		const r = results.find((x) => x.kind === k);
		return r ? f(r) : 'not run';
	});
	const lines: [string, string[], string][] = [];
	lines.push(['Load: rows, seconds, rows/s', col((r) => `${r.load.rows.toLocaleString('en')} rows, ${r.load.seconds.toFixed(1)} s, ${Math.round(r.load.rows / r.load.seconds).toLocaleString('en')}/s`), '–']);
	lines.push(['App start until ready (s)', col((r) => r.readySeconds.toFixed(1)), '–']);
	lines.push(['First report after start, logins included (ms)', col((r) => fmt(r.firstReportMs)), '–']);
	for (const level of plan.readers.map((r) => r.level)) {
		lines.push([`Report, one round: ${level} — p50 / p95 / p99 ms`, col((r) => { const l = r.levels.find((x) => x.level === level); return l ? triple(l.round) : 'skipped'; }), 'p95 < 150']);
	}
	for (const level of plan.readers.map((r) => r.level)) {
		lines.push([`Report, trend over ${plan.closedRoundIds.length} rounds: ${level} — p50 / p95 / p99 ms`, col((r) => { const l = r.levels.find((x) => x.level === level); return l ? triple(l.trend) : 'skipped'; }), 'p95 < 150']);
	}
	lines.push([`Log in, ${options.connections} connections: logins/s, p99 ms`, col((r) => `${r.logins.perSecond.toFixed(0)}/s, p99 ${r.logins.p99} (${r.logins.ok}/${r.logins.expected} ok)`), '–']);
	lines.push([`Save an answer, ${options.connections} connections: answers/s, p99 ms`, col((r) => `${r.answers.perSecond.toFixed(0)}/s, p99 ${r.answers.p99}`), '≥ 1000/s, p99 < 200']);
	lines.push(['Answers counted afterwards: stored / distinct people / expected', col((r) => `${r.answers.stored} / ${r.answers.distinct} / ${r.answers.expected}${r.answers.stored === r.answers.expected && r.answers.distinct === r.answers.stored ? ' — none lost or twice' : ' — MISMATCH'}`), 'all, once']);
	lines.push(['HR staff import, 100 000 rows (dry run, apply)', col((r) => (r.import ? importCell(r.import) : 'skipped')), '< 5 s']);
	lines.push(['Server peak RSS (MB)', col((r) => r.peakRssMb.toFixed(0)), '< 512']);
	const both = results.length === 2;
	if (both) {
		const [pgl, pgs] = ['pglite', 'postgres'].map((k) => results.find((x) => x.kind === k)!);
		const ratios = pgl.levels.map((l, i) => l.round.p95 / pgs.levels[i].round.p95).concat(pgl.levels.map((l, i) => l.trend.p95 / pgs.levels[i].trend.p95));
		lines.push(['PGlite ÷ PostgreSQL, report p95 (worst level)', [`${Math.max(...ratios).toFixed(1)}×`, ''], '≤ 3×']);
	}
	const header = '| measure | PGlite | PostgreSQL | target (PostgreSQL) |\n|---|---|---|---|';
	return [header, ...lines.map(([name, cells, target]) => `| ${name} | ${cells.join(' | ')} | ${target} |`)].join('\n');
}

function machine(results: Result[]): string {
	const cpus = os.cpus();
	return [
		`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
		`- Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${os.type()} ${os.release()}`,
		`- Node ${process.version}; databases: ${results.map((r) => r.database).join('; ')}`
	].join('\n');
}

function summary(plan: Plan): string {
	const c = plan.counts;
	return `${options.staff.toLocaleString('en')} handläggare at any time (${plan.people.rows.length.toLocaleString('en')} people over all rounds, managers included) in ${c.kommuner} kommuner under one region: ${c.forvaltningar} förvaltningar, ${c.avdelningar} avdelningar, ${c.enheter} enheter, ${c.arbetsgrupper} arbetsgrupper; ${plan.closedRoundIds.length} closed rounds with answers and one open round.`;
}

// --- Main ---------------------------------------------------------------------------------------

const plan = planBench({ staff: options.staff, rounds: options.rounds, seed: 60_006, now: new Date() });
log(summary(plan));
const targets: Target[] = [];
if (options.db !== 'postgres') {
	const dir = path.join(benchDir, 'pglite');
	targets.push({ kind: 'pglite', location: dir, appEnv: { DATA_DIR: dir } });
}
if (options.db !== 'pglite') {
	const url = new URL(serverUrl);
	url.pathname = `/${options.database}`;
	targets.push({ kind: 'postgres', location: url.toString(), appEnv: { DATABASE_URL: url.toString() } });
}
const results: Result[] = [];
for (const target of targets) {
	try {
		results.push(await runOn(target, plan));
	} finally {
		if (!options.keep && target.kind === 'postgres') await dropBenchDatabase(target.location);
	}
}

const readers = plan.readers.map((r) => `${r.level}: ${r.unitName}`).join('; ');
const body = `${table(plan, results)}

${summary(plan)} Report readers (one logged-in user per level, bearer token): ${readers}. "One round" is \`GET /api/v1/rounds/{latest closed}/report?unit=…\`
(the unit and its children, at most 200 motivations per statement, and the trend, through the anonymity rule); "trend" is the trend export
\`GET /reports/export?view=trend&format=csv&unit=…\`. Latencies are of ${options.requests} requests one after another (each series at most ${options.seriesSeconds} s).
Logging in and saving are measured with autocannon, ${options.connections} connections, ${options.answers} respondents, each logging in once and saving one answer, after ${options.warmup} others (unmeasured, counted with the stored answers).
Loading uses COPY and ends with VACUUM ANALYZE. The app runs as \`node ${APP_HEAP} build\`, the heap limit docs/deploy.md recommends;
its peak RSS includes recomputing the stored anonymity decisions of all closed rounds at the first start after loading.`;
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
writeFileSync(path.join(benchDir, `results-${stamp}.json`), JSON.stringify({ options, results }, null, 2));
console.log(`\n${machine(results)}\n\n${body}\n`);

if (options.write) {
	const file = path.join(root, 'docs/benchmarks.md');
	const marker = '<!-- Everything below this line is kept when the benchmark rewrites the file. -->';
	const kept = existsSync(file) && readFileSync(file, 'utf8').includes(marker) ? readFileSync(file, 'utf8').split(marker)[1] : '\n';
	writeFileSync(
		file,
		`# Benchmarks\n\nWritten by \`npm run bench\` (scripts/bench/). Run it again to refresh the table; the notes below the line stay.\n\n${machine(results)}\n\n${body}\n\n${marker}${kept}`
	);
	log(`Wrote docs/benchmarks.md`);
}
