/**
 * Puts the synthetic organisation into a fresh database with COPY (PostgreSQL's bulk path, on
 * both drivers), then VACUUM ANALYZE so the planner has statistics as autovacuum would give it.
 */
import { PGlite } from '@electric-sql/pglite';
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDatabase } from '$lib/server/db/client';
import { hashPassword } from '$lib/server/auth/password';
import { BENCH_PASSWORD, type Plan, type Row, type Table } from './generate';

export interface Target {
	kind: 'pglite' | 'postgres';
	/** PostgreSQL: the bench database's URL. PGlite: the data folder. */
	location: string;
	/** Environment for the app server. */
	appEnv: Record<string, string>;
}

export interface LoadResult {
	rows: number;
	seconds: number;
	/** Rows per table, for the summary. */
	perTable: Record<string, number>;
}

interface Copier {
	copy(table: Table): Promise<void>;
	exec(sql: string): Promise<void>;
	close(): Promise<void>;
}

const cell = (v: Row[number]): string => {
	if (v === null) return '';
	if (typeof v !== 'string') return String(v);
	return v === '' || /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

function* csvChunks(rows: Row[], perChunk = 20_000): Generator<string> {
	for (let i = 0; i < rows.length; i += perChunk) {
		yield rows
			.slice(i, i + perChunk)
			.map((r) => r.map(cell).join(','))
			.join('\n') + '\n';
	}
}

const copySql = (t: Table, source: string) => `copy ${t.name} (${t.columns.join(', ')}) from ${source} with (format csv)`;

async function postgresCopier(url: string): Promise<Copier> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	return {
		async copy(t) {
			if (t.rows.length === 0) return;
			const writable = await sql.unsafe(copySql(t, 'stdin')).writable();
			await pipeline(Readable.from(csvChunks(t.rows)), writable);
		},
		async exec(statement) {
			await sql.unsafe(statement);
		},
		close: () => sql.end({ timeout: 5 })
	};
}

async function pgliteCopier(dir: string): Promise<Copier> {
	const pg = new PGlite(dir);
	return {
		async copy(t) {
			for (const chunk of csvChunks(t.rows)) await pg.query(copySql(t, `'/dev/blob'`), [], { blob: new Blob([chunk]) });
		},
		async exec(statement) {
			await pg.exec(statement);
		},
		close: () => pg.close()
	};
}

/** A fresh, migrated, empty database. */
export async function freshDatabase(target: Target, serverUrl: string): Promise<void> {
	if (target.kind === 'postgres') {
		const name = new URL(target.location).pathname.slice(1);
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		try {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.unsafe(`create database ${name}`);
		} finally {
			await admin.end();
		}
		const migrated = await openDatabase({ url: target.location, poolSize: 1 });
		await migrated.close();
	} else {
		rmSync(target.location, { recursive: true, force: true });
		const migrated = await openDatabase({ dataDir: target.location });
		await migrated.close();
	}
}

export async function loadPlan(target: Target, plan: Plan, progress: (line: string) => void): Promise<LoadResult> {
	const started = performance.now();
	const hash = await hashPassword(BENCH_PASSWORD);
	for (const row of plan.people.rows) row[8] = hash;
	const copier = target.kind === 'postgres' ? await postgresCopier(target.location) : await pgliteCopier(target.location);
	const perTable: Record<string, number> = {};
	const count = (t: Table) => (perTable[t.name] = (perTable[t.name] ?? 0) + t.rows.length);
	try {
		for (const t of [plan.units, plan.people, plan.roles, plan.rounds, plan.roundUnits]) {
			await copier.copy(t);
			count(t);
		}
		const roundCount = plan.closedRoundIds.length + 1;
		for (let k = 0; k < roundCount; k++) {
			const { members, responses } = plan.roundRows(k);
			await copier.copy(members);
			await copier.copy(responses);
			count(members);
			count(responses);
			progress(`  round ${k + 1}/${roundCount}: ${members.rows.length} members, ${responses.rows.length} answers (${((performance.now() - started) / 1000).toFixed(0)} s)`);
		}
		await copier.exec('vacuum analyze');
	} finally {
		await copier.close();
	}
	const rows = Object.values(perTable).reduce((a, b) => a + b, 0);
	return { rows, seconds: (performance.now() - started) / 1000, perTable };
}
