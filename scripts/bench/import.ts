/**
 * The HR staff import at national size (issue 6): a synthetic kommun with `rows` people is set
 * up by importing its first HR file, then a second file of `rows` rows is imported — the
 * measured one — with what a month at HR brings: people who left (absent from the file), new
 * hires (some taking over a leaver's address), moves between enheter and förvaltningar, new
 * names, addresses and titles, new arbetsgrupper, enhetschefer replaced, managers of two units
 * (two rows). The dry run (previewImport) and the apply (applyImport) are timed separately,
 * through the same service calls as the app's import page, on whatever database `db` is.
 *
 * `measureImport` is called by bench.ts (the table row "HR staff import"); on its own:
 *   node scripts/bench/run.mjs --only=import [--db=both|pglite|postgres] [--rows=100000] [--repeat=3] [--keep]
 */
import { eq } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Gender } from '$lib/domain';
import { loadActor } from '$lib/server/access/load-actor';
import type { Db } from '$lib/server/db';
import { openDatabase, query, sql } from '$lib/server/db/client';
import { orgUnits } from '$lib/server/db/schema';
import { assignRole, insertOrgUnit, insertPerson } from '$lib/server/demo/factories';
import { randomGender, randomName, uniqueEmail } from '$lib/server/demo/names';
import { Random } from '$lib/server/demo/random';
import { applyImport, previewImport, type ImportSummary } from '$lib/server/import/service';
import { freshDatabase, type Target } from './load';

export interface ImportMeasurement {
	/** Rows of the measured (second) file. */
	rows: number;
	dryRunSeconds: number;
	applySeconds: number;
	/** CPU seconds of this process in each (PGlite included), and of the PostgreSQL server processes of this database when on this machine. */
	cpu: { dryRun: number; apply: number; serverDryRun?: number; serverApply?: number };
	/** What the measured file changed. */
	summary: ImportSummary;
	/** The first file, which sets the kommun up: every row a new person. */
	initial: { rows: number; dryRunSeconds: number; applySeconds: number };
}

const HEADER = ['Anställningsnummer', 'Namn', 'E-post', 'Kön', 'Förvaltning', 'Avdelning', 'Enhet', 'Arbetsgrupp', 'Yrkestitel', 'Verksamhetsområde', 'Chefsroll'];

const FORVALTNINGAR = ['Socialförvaltningen', 'Stadsdelsförvaltning Norr', 'Stadsdelsförvaltning Söder', 'Stadsdelsförvaltning Öster', 'Stadsdelsförvaltning Väster', 'Stadsdelsförvaltning Centrum', 'Arbetsmarknadsförvaltningen', 'Äldreförvaltningen', 'Funktionsstödsförvaltningen', 'Stadsdelsförvaltning Hamnen'];
const AVDELNINGAR: { name: string; area: string; enhet: string }[] = [
	{ name: 'Avdelningen för barn och unga', area: 'Barn och unga', enhet: 'Barn- och ungdomsenhet' },
	{ name: 'Avdelningen för vuxna', area: 'Missbruk och beroende', enhet: 'Beroendeenhet' },
	{ name: 'Avdelningen för ekonomiskt bistånd', area: 'Ekonomiskt bistånd', enhet: 'Enhet för ekonomiskt bistånd' },
	{ name: 'Avdelningen för äldre', area: 'Äldreomsorg', enhet: 'Biståndsenhet äldre' },
	{ name: 'Avdelningen för funktionsnedsättning', area: 'Funktionsnedsättning', enhet: 'Biståndsenhet LSS' }
];
const OTHER_TITLES = ['Familjebehandlare', 'Administratör', 'Utredningssekreterare', 'Boendestödjare', 'Alkohol- och narkotikaterapeut'];
const PEOPLE_PER_ENHET = 25;
const genderWord: Record<Gender, string> = { kvinna: 'Kvinna', man: 'Man', annat: 'Annat' };

export interface StaffPerson {
	employeeId: string;
	name: string;
	email: string;
	gender: Gender;
	/** [förvaltning, avdelning, enhet, arbetsgrupp?] */
	path: string[];
	area: string;
	title: string;
	role: string;
	/** A second unit this person manages (a second row). */
	secondUnit?: string[];
}

interface Unit {
	path: string[];
	area: string;
	groups: string[];
}

/** The organisation and its people for `rows` rows: mostly handläggare, a chef per enhet and avdelning. */
function organisation(random: Random, rows: number, domain: string, idPrefix: string) {
	const enhetCount = Math.max(1, Math.round(rows / PEOPLE_PER_ENHET));
	const units: Unit[] = [];
	for (let i = 0; i < enhetCount; i++) {
		const f = FORVALTNINGAR[i % FORVALTNINGAR.length];
		const a = AVDELNINGAR[Math.floor(i / FORVALTNINGAR.length) % AVDELNINGAR.length];
		const n = Math.floor(i / (FORVALTNINGAR.length * AVDELNINGAR.length)) + 1;
		const groups = i % 3 === 0 ? ['Mottagning', 'Utredning'] : [];
		units.push({ path: [f, a.name, `${a.enhet} ${n}`], area: a.area, groups });
	}
	const used = new Set<string>();
	let next = 100_000;
	const newPerson = (unit: Unit, kind: 'staff' | 'unit_manager' | 'department_manager'): StaffPerson => {
		const gender = randomGender(random);
		const { first, last, name } = randomName(random, gender);
		const email = uniqueEmail(first, last, used, domain);
		const employeeId = `${idPrefix}${next++}`;
		if (kind === 'unit_manager') return { employeeId, name, email, gender, path: unit.path, area: '', title: 'Enhetschef', role: 'Enhetschef' };
		if (kind === 'department_manager') return { employeeId, name, email, gender, path: unit.path.slice(0, 2), area: '', title: 'Avdelningschef', role: 'Avdelningschef' };
		const title = random.weighted([
			['Socialsekreterare', 0.6],
			['Biståndshandläggare', 0.25],
			[random.pick(OTHER_TITLES), 0.15]
		] as const);
		const pathOf = unit.groups.length > 0 ? [...unit.path, random.pick(unit.groups)] : unit.path;
		return { employeeId, name, email, gender, path: pathOf, area: unit.area, title, role: '' };
	};
	return { units, newPerson, used };
}

const csvCell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The file as Excel saves "CSV UTF-8": BOM, semicolons, CRLF. */
function csvFile(people: StaffPerson[]): Uint8Array {
	const lines = [HEADER.join(';')];
	const line = (p: StaffPerson, pathOf: string[], role: string) =>
		[p.employeeId, p.name, p.email, genderWord[p.gender], pathOf[0], pathOf[1] ?? '', pathOf[2] ?? '', pathOf[3] ?? '', p.title, p.area, role].map(csvCell).join(';');
	for (const p of people) {
		lines.push(line(p, p.path, p.role));
		if (p.secondUnit) lines.push(line(p, p.secondUnit, 'Enhetschef'));
	}
	return new TextEncoder().encode('\ufeff' + lines.join('\r\n') + '\r\n');
}

const rowCount = (people: StaffPerson[]) => people.reduce((n, p) => n + (p.secondUnit ? 2 : 1), 0);

/** The two files: the kommun as it is, and as HR sees it a month later. Both have exactly `rows` rows. */
export function importFiles(rows: number, { seed = 60_003, domain = 'importstad.se', idPrefix = '' } = {}): { first: Uint8Array; second: Uint8Array; firstPeople: StaffPerson[]; secondPeople: StaffPerson[] } {
	const random = new Random(seed);
	const { units, newPerson, used } = organisation(random.fork('org'), rows, domain, idPrefix);
	const byArea = new Map<string, Unit[]>();
	for (const u of units) byArea.set(u.area, [...(byArea.get(u.area) ?? []), u]);
	const unitOf = new Map(units.map((u) => [u.path.join('|'), u]));
	const hire = random.fork('people');

	// The kommun today: a chef per avdelning and enhet, handläggare for the rest; one chef in 40 leads two enheter.
	const first: StaffPerson[] = [];
	const seenDepartments = new Set<string>();
	for (const unit of units) {
		const key = unit.path.slice(0, 2).join('|');
		if (!seenDepartments.has(key)) {
			seenDepartments.add(key);
			first.push(newPerson(unit, 'department_manager'));
		}
	}
	const chefs: StaffPerson[] = [];
	for (let i = 0; i < units.length; i++) {
		if (i > 0 && i % 40 === 0 && chefs.length > 0 && !chefs[chefs.length - 1].secondUnit) {
			chefs[chefs.length - 1].secondUnit = units[i].path;
			continue;
		}
		const chef = newPerson(units[i], 'unit_manager');
		chefs.push(chef);
		first.push(chef);
	}
	for (let n = rowCount(first); n < rows; n++) first.push(newPerson(hire.pick(units), 'staff'));

	// A month later.
	const change = random.fork('changes');
	const second: StaffPerson[] = [];
	const leaverEmails: string[] = [];
	const newGroupOf = new Map<Unit, string>();
	for (const p of first) {
		if (p.role === '' && change.chance(0.03)) {
			leaverEmails.push(p.email);
			continue; // left
		}
		const q: StaffPerson = { ...p };
		if (p.role === '') {
			if (change.chance(0.05)) {
				// Moved: mostly within the avdelning, sometimes to another förvaltning.
				const sameArea = byArea.get(p.area) ?? units;
				const to = change.chance(0.8) ? sameArea[change.int(0, sameArea.length - 1)] : change.pick(units);
				q.path = to.groups.length > 0 ? [...to.path, change.pick(to.groups)] : to.path;
				q.area = to.area;
			} else if (change.chance(0.002)) {
				// A new arbetsgrupp in the unit.
				const unit = unitOf.get(p.path.slice(0, 3).join('|'))!;
				if (!newGroupOf.has(unit)) newGroupOf.set(unit, 'Nytt arbetssätt');
				q.path = [...unit.path, newGroupOf.get(unit)!];
			}
			if (change.chance(0.02)) q.name = `${p.name.split(' ')[0]} ${change.pick(['Lindholm', 'Ekberg', 'Sahlin', 'Öhman', 'Kuru'])}`;
			if (change.chance(0.01)) q.email = `${p.email.split('@')[0]}.ny@${domain}`;
			if (change.chance(0.01)) q.title = q.title === 'Socialsekreterare' ? 'Utredningssekreterare' : 'Socialsekreterare';
			if (change.chance(0.005)) q.gender = 'annat';
		} else if (p.role === 'Enhetschef' && change.chance(0.05)) {
			// A new enhetschef: the old one goes back to casework in the same unit.
			q.role = '';
			q.title = 'Socialsekreterare';
			const unit = unitOf.get(p.path.join('|'))!;
			q.area = unit.area;
			q.secondUnit = undefined;
			second.push(newPerson(unit, 'unit_manager'));
		}
		second.push(q);
	}
	// New hires up to the same number of rows; one in ten takes over a leaver's (reused) address.
	let reuse = 0;
	for (let n = rowCount(second); n < rows; n++) {
		const p = newPerson(hire.pick(units), 'staff');
		if (reuse < leaverEmails.length && hire.chance(0.1)) {
			used.delete(p.email);
			p.email = leaverEmails[reuse++];
		}
		second.push(p);
	}
	return { first: csvFile(first), second: csvFile(second), firstPeople: first, secondPeople: second };
}

/** Sets up a fresh kommun in `db` with the first file, then measures the second. */
export async function measureImport({ db, rows = 100_000, log = () => {} }: { db: Db; rows?: number; log?: (line: string) => void }): Promise<ImportMeasurement> {
	const stamp = Date.now().toString(36);
	const kommun = await insertOrgUnit(db, { parent: null, kind: 'kommun', name: `Importstad ${stamp}` });
	const office = await insertOrgUnit(db, { parent: kommun, kind: 'forvaltning', name: 'Stadsledningskontoret' });
	const adminPerson = await insertPerson(db, { orgUnitId: office.id, email: `hr.${stamp}@importstad.se`, name: 'HR-administratör', title: 'ovrig', employeeId: `HR-${stamp}` });
	await assignRole(db, { personId: adminPerson.id, orgUnitId: kommun.id, role: 'admin' });
	const admin = (await loadActor(db, adminPerson.id, null))!;
	const files = importFiles(rows, { domain: `importstad-${stamp}.se`, idPrefix: `${stamp}-` });

	const run = async (bytes: Uint8Array, fileName: string) => {
		const s0 = await serverCpu(db);
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const preview = await previewImport(db, admin, { kind: 'file', fileName, bytes }, { scope: 'listed', kommun: kommun.id });
		const t1 = performance.now();
		const c1 = process.cpuUsage();
		const s1 = await serverCpu(db);
		if (preview.errors.length > 0 || !preview.plan) throw new Error(`the import refused ${fileName}: ${JSON.stringify(preview.errors.slice(0, 5))}`);
		await applyImport(db, admin, preview.importId!, { fingerprint: preview.plan.fingerprint });
		const t2 = performance.now();
		const c2 = process.cpuUsage();
		const s2 = await serverCpu(db);
		const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1e6;
		const server = (a: Map<number, number> | null, b: Map<number, number> | null) => (a && b ? [...b].reduce((sum, [pid, t]) => sum + t - (a.get(pid) ?? 0), 0) : undefined);
		return {
			rows: preview.rowCount,
			dryRunSeconds: (t1 - t0) / 1000,
			applySeconds: (t2 - t1) / 1000,
			cpu: { dryRun: cpu(c0, c1), apply: cpu(c1, c2), serverDryRun: server(s0, s1), serverApply: server(s1, s2) },
			summary: preview.plan.summary
		};
	};
	const initial = await run(files.first, 'personal-oktober.csv');
	log(`  import, first file (all new): ${describeRun(initial)}`);
	const measured = await run(files.second, 'personal-november.csv');
	log(`  import, second file (changes): ${describeRun(measured)}`);
	log(`    ${JSON.stringify(measured.summary)}`);
	const [k] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, kommun.id));
	if (!k) throw new Error('the import kommun is gone');
	return { ...measured, initial: { rows: initial.rows, dryRunSeconds: initial.dryRunSeconds, applySeconds: initial.applySeconds } };
}

const perSecond = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString('en');

/**
 * CPU seconds so far of each PostgreSQL backend of this database, read from /proc (the server is
 * on this machine in the benchmark); null on PGlite, which runs in this process, or when unreadable.
 */
async function serverCpu(db: Db): Promise<Map<number, number> | null> {
	if ((db as unknown as { session: unknown }).session instanceof PgliteSession) return null;
	try {
		const pids = await query<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database()`);
		const ticks = new Map<number, number>();
		for (const { pid } of pids) {
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			ticks.set(pid, (Number(fields[11]) + Number(fields[12])) / 100); // utime + stime, in clock ticks of 1/100 s
		}
		return ticks;
	} catch {
		return null;
	}
}

/** The times, and the CPU time spent: on a busy machine the wall time is that of a share of a core. */
export function describeRun(m: { rows: number; dryRunSeconds: number; applySeconds: number; cpu?: ImportMeasurement['cpu'] }): string {
	const server = m.cpu?.serverDryRun !== undefined ? `, PostgreSQL ${m.cpu.serverDryRun.toFixed(2)} s and ${m.cpu.serverApply!.toFixed(2)} s` : '';
	const cpu = m.cpu ? `; CPU: this process ${m.cpu.dryRun.toFixed(2)} s and ${m.cpu.apply.toFixed(2)} s${server}` : '';
	return `${m.rows.toLocaleString('en')} rows: dry run ${m.dryRunSeconds.toFixed(2)} s (${perSecond(m.rows, m.dryRunSeconds)} rows/s), apply ${m.applySeconds.toFixed(2)} s (${perSecond(m.rows, m.applySeconds)} rows/s)${cpu}`;
}

/** The table cell of bench.ts. */
export function importCell(m: ImportMeasurement): string {
	const size = m.rows === 100_000 ? '' : `, ${m.rows.toLocaleString('en')} rows only`;
	return `${m.dryRunSeconds.toFixed(1)} s, ${m.applySeconds.toFixed(1)} s (${perSecond(m.rows, m.dryRunSeconds)} and ${perSecond(m.rows, m.applySeconds)} rows/s${size})`;
}

/** `node scripts/bench/run.mjs --only=import`: the import alone, on fresh databases, `--repeat` times each. */
export async function runImportOnly(args: Record<string, string>): Promise<void> {
	const rows = Number(args.rows ?? 100_000);
	const repeat = Number(args.repeat ?? 3);
	const which = (args.db ?? 'both') as 'both' | 'pglite' | 'postgres';
	const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const benchDir = path.join(process.cwd(), 'bench-data');
	mkdirSync(benchDir, { recursive: true });
	const targets: Target[] = [];
	if (which !== 'postgres') targets.push({ kind: 'pglite', location: path.join(benchDir, 'pglite-import'), appEnv: {} });
	if (which !== 'pglite') {
		const url = new URL(serverUrl);
		url.pathname = '/lagesbild_bench_import';
		targets.push({ kind: 'postgres', location: url.toString(), appEnv: {} });
	}
	console.log(`HR staff import, ${rows.toLocaleString('en')} rows, ${repeat}× per database; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	for (const target of targets) {
		const results: ImportMeasurement[] = [];
		for (let i = 0; i < repeat; i++) {
			await freshDatabase(target, serverUrl);
			const database = await openDatabase(target.kind === 'postgres' ? { url: target.location, poolSize: 4, migrate: false } : { dataDir: target.location, migrate: false });
			try {
				console.log(`=== ${target.kind}, run ${i + 1}/${repeat} ===`);
				results.push(await measureImport({ db: database.db, rows, log: console.log }));
			} finally {
				await database.close();
			}
		}
		const median = (f: (m: ImportMeasurement) => number) => results.map(f).sort((a, b) => a - b)[Math.floor(results.length / 2)];
		console.log(`${target.kind} median: dry run ${median((m) => m.dryRunSeconds).toFixed(2)} s, apply ${median((m) => m.applySeconds).toFixed(2)} s; first file: dry run ${median((m) => m.initial.dryRunSeconds).toFixed(2)} s, apply ${median((m) => m.initial.applySeconds).toFixed(2)} s`);
		if (args.keep !== 'true') {
			if (target.kind === 'pglite') rmSync(target.location, { recursive: true, force: true });
			else await dropDatabase(serverUrl, target.location);
		}
	}
	console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

async function dropDatabase(serverUrl: string, url: string) {
	const { default: postgres } = await import('postgres');
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
	} finally {
		await admin.end();
	}
}
