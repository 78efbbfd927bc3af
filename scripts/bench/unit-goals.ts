/**
 * The unit's goals and checklists (issue 14, part 1) at the size of a large kommun: how long the
 * compilation takes for the enhet's staff, its enhetschef (per person, audited) and a reader above
 * the enhet — the one that decides every closed tertial of the whole organisation through the
 * anonymity module on each request. Prints a table.
 *
 *   node scripts/bench/run.mjs --only=unit-goals [--db=both|pglite|postgres] [--enheter=200] [--people=12] [--months=16] [--repeat=20]
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLIENT_GENDERS, type ChecklistAnswer } from '$lib/domain';
import { addDays } from '$lib/time';
import { loadActor } from '$lib/server/access/load-actor';
import type { Db } from '$lib/server/db';
import { openDatabase } from '$lib/server/db/client';
import { checklistAnswers, checklistItems, checklists, orgUnits, people, roleAssignments, unitGoals } from '$lib/server/db/schema';
import { orgUnitRow, personRow, roleRow } from '$lib/server/demo/factories';
import { Random } from '$lib/server/demo/random';
import { compilation } from '$lib/server/unit-goals/service';
import { freshDatabase, type Target } from './load';

const NOW = new Date('2026-12-03T11:00:00Z');
const TODAY = '2026-12-03';

async function insertAll<T>(db: Db, table: Parameters<Db['insert']>[0], rows: T[], chunk = 2000) {
	for (let i = 0; i < rows.length; i += chunk) await db.insert(table).values(rows.slice(i, i + chunk) as never);
}

/** A kommun with `enheter` enheter (two arbetsgrupper each) of `people` social workers, each closing an investigation every ten days or so for `months` months. */
async function setUp(db: Db, opts: { enheter: number; people: number; months: number }) {
	const random = new Random(42);
	const kommun = orgUnitRow({ parent: null, kind: 'kommun', name: 'Benchkommunen' });
	const units = [kommun];
	const staff: ReturnType<typeof personRow>[] = [];
	const roles: ReturnType<typeof roleRow>[] = [];
	const goals: (typeof unitGoals.$inferInsert)[] = [];
	const items: (typeof checklistItems.$inferInsert & { id: string })[] = [];
	const forvaltningar = Array.from({ length: Math.max(1, Math.round(opts.enheter / 40)) }, (_, i) => orgUnitRow({ parent: kommun, kind: 'forvaltning', name: `Förvaltning ${i + 1}` }));
	units.push(...forvaltningar);
	const avdelningar = forvaltningar.flatMap((f, i) => Array.from({ length: 4 }, (_, j) => orgUnitRow({ parent: f, kind: 'avdelning', name: `Avdelning ${i + 1}.${j + 1}` })));
	units.push(...avdelningar);
	let chef = null as ReturnType<typeof personRow> | null;
	let reader = null as ReturnType<typeof personRow> | null;
	let firstEnhet = '';
	for (let e = 0; e < opts.enheter; e++) {
		const enhet = orgUnitRow({ parent: avdelningar[e % avdelningar.length], kind: 'enhet', name: `Enhet ${e + 1}` });
		const groups = [1, 2].map((g) => orgUnitRow({ parent: enhet, kind: 'arbetsgrupp', name: `Grupp ${e + 1}.${g}` }));
		units.push(enhet, ...groups);
		for (let p = 0; p < opts.people; p++) staff.push(personRow({ orgUnitId: groups[p % 2].id, name: `Handläggare ${e + 1}.${p + 1}`, email: `h${e + 1}.${p + 1}@bench.invalid` }));
		const manager = personRow({ orgUnitId: enhet.id, name: `Enhetschef ${e + 1}`, email: `chef${e + 1}@bench.invalid`, title: 'chef' });
		staff.push(manager);
		roles.push(roleRow({ personId: manager.id, orgUnitId: enhet.id, role: 'unit_manager' }));
		if (e === 0) {
			chef = manager;
			firstEnhet = enhet.id;
		}
		for (let g = 0; g < 3; g++) {
			const goalId = randomUUID();
			goals.push({ id: goalId, orgUnitId: enhet.id, title: `Mål ${g + 1}`, expectedShare: 80, position: g });
			for (let i = 0; i < (g === 0 ? 1 : 2); i++) items.push({ id: randomUUID(), orgUnitId: enhet.id, goalId, question: `Fråga ${g + 1}.${i + 1}?`, position: items.length });
		}
	}
	reader = personRow({ orgUnitId: kommun.id, name: 'Central styrgrupp', email: 'central@bench.invalid', title: 'chef' });
	staff.push(reader);
	roles.push(roleRow({ personId: reader.id, orgUnitId: kommun.id, role: 'central_steering' }));
	await insertAll(db, orgUnits, units);
	await insertAll(db, people, staff);
	await insertAll(db, roleAssignments, roles);
	await insertAll(db, unitGoals, goals);
	await insertAll(db, checklistItems, items);

	const itemsOf = new Map<string, string[]>();
	for (const i of items) itemsOf.set(i.orgUnitId, [...(itemsOf.get(i.orgUnitId) ?? []), i.id]);
	const enhetOf = new Map(units.filter((u) => u.kind === 'arbetsgrupp').map((g) => [g.id, g.parentId!]));
	const rows: (typeof checklists.$inferInsert)[] = [];
	const answers: (typeof checklistAnswers.$inferInsert)[] = [];
	const first = addDays(TODAY, -opts.months * 30);
	for (const person of staff.filter((p) => p.title === 'socialsekreterare')) {
		const enhetId = enhetOf.get(person.orgUnitId)!;
		for (let day = addDays(first, random.int(0, 9)); day <= TODAY; day = addDays(day, random.int(7, 13))) {
			const id = randomUUID();
			rows.push({ id, personId: person.id, orgUnitId: person.orgUnitId, enhetId, closedOn: day, clientGender: random.pick(CLIENT_GENDERS), ageBand: '7-12' });
			for (const itemId of itemsOf.get(enhetId)!) answers.push({ checklistId: id, itemId, answer: (random.chance(0.1) ? 'ej_aktuellt' : random.chance(0.75) ? 'ja' : 'nej') as ChecklistAnswer });
		}
	}
	await insertAll(db, checklists, rows);
	await insertAll(db, checklistAnswers, answers, 5000);
	const worker = staff.find((p) => p.title === 'socialsekreterare')!;
	return { firstEnhet, chef: chef!.id, reader: reader.id, worker: worker.id, checklists: rows.length, answers: answers.length, caseworkers: staff.filter((p) => p.title === 'socialsekreterare').length };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

export async function runUnitGoalsOnly(args: Record<string, string>): Promise<void> {
	const opts = { enheter: Number(args.enheter ?? 200), people: Number(args.people ?? 12), months: Number(args.months ?? 16) };
	const repeat = Number(args.repeat ?? 20);
	const which = (args.db ?? 'both') as 'both' | 'pglite' | 'postgres';
	const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const benchDir = path.join(process.cwd(), 'bench-data');
	mkdirSync(benchDir, { recursive: true });
	const targets: Target[] = [];
	if (which !== 'postgres') targets.push({ kind: 'pglite', location: path.join(benchDir, 'pglite-unit-goals'), appEnv: {} });
	if (which !== 'pglite') {
		const url = new URL(serverUrl);
		url.pathname = '/lagesbild_bench_unit_goals';
		targets.push({ kind: 'postgres', location: url.toString(), appEnv: {} });
	}
	console.log(`The unit's goals and checklists: ${opts.enheter} enheter × ${opts.people} social workers, ${opts.months} months; ${repeat} requests per reader; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	const table: string[] = ['| reader | database | p50 ms | p95 ms | max ms |', '|---|---|---|---|---|'];
	for (const target of targets) {
		await freshDatabase(target, serverUrl);
		const database = await openDatabase(target.kind === 'postgres' ? { url: target.location, poolSize: 4, migrate: false } : { dataDir: target.location, migrate: false });
		try {
			const started = performance.now();
			const data = await setUp(database.db, opts);
			console.log(`${target.kind}: ${data.caseworkers} social workers, ${data.checklists.toLocaleString('en')} checklists, ${data.answers.toLocaleString('en')} answers, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
			const readers: [string, string, { unit?: string; period?: string }][] = [
				['social worker: own group, this year', data.worker, {}],
				['enhetschef: enhet with per person (audited)', data.chef, { unit: data.firstEnhet }],
				['above the enhet: an enhet, latest closed tertial', data.reader, { unit: data.firstEnhet }],
				['above the enhet: an enhet, last year (bokslut)', data.reader, { unit: data.firstEnhet, period: '2025' }]
			];
			for (const [label, personId, input] of readers) {
				const actor = (await loadActor(database.db, personId))!;
				const times: number[] = [];
				for (let i = 0; i < repeat; i++) {
					const t = performance.now();
					await compilation(database.db, actor, input, NOW);
					times.push(performance.now() - t);
				}
				times.sort((a, b) => a - b);
				table.push(`| ${label} | ${target.kind} | ${percentile(times, 0.5).toFixed(0)} | ${percentile(times, 0.95).toFixed(0)} | ${times[times.length - 1].toFixed(0)} |`);
			}
		} finally {
			await database.close();
			if (target.kind === 'pglite' && args.keep !== 'true') rmSync(target.location, { recursive: true, force: true });
		}
	}
	console.log(table.join('\n'));
}
