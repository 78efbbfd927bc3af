/**
 * Opens the database: PostgreSQL when a connection string is given, otherwise the embedded
 * PGlite (Postgres compiled to WASM) stored in a folder. Both run the same Drizzle code.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, PgliteSession } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

export const migrationsFolder = path.resolve(process.cwd(), 'drizzle');

export interface OpenOptions {
	/** PostgreSQL connection string. */
	url?: string;
	/** PGlite data folder; 'memory://' for a throw-away database. */
	dataDir?: string;
	poolSize?: number;
	/** Apply pending migrations before returning (default true). */
	migrate?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
	const runMigrations = options.migrate ?? true;
	if (options.url) {
		if (runMigrations) await migrateServer(options.url);
		const client = postgres(options.url, {
			max: options.poolSize ?? 10,
			onnotice: () => {},
			connection: { application_name: 'lagesbild' }
		});
		const db = drizzlePostgres(client, { schema }) as unknown as Db;
		return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
	}
	const dataDir = options.dataDir ?? './data';
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const client = new PGlite(dataDir);
	const db = drizzlePglite(client, { schema }) as unknown as Db;
	if (runMigrations) await migratePglite(drizzlePglite(client), { migrationsFolder });
	return { db, kind: 'pglite', close: () => client.close() };
}

/** Several instances may start at once: only one migrates, the others wait on the lock. */
async function migrateServer(url: string) {
	const client = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await client`select pg_advisory_lock(727101)`;
		await migratePostgres(drizzlePostgres(client), { migrationsFolder });
		await client`select pg_advisory_unlock(727101)`;
	} finally {
		await client.end({ timeout: 5 });
	}
}

/**
 * A statement prepared once per database (parsed and planned once per connection), for the few
 * queries that run on every request. Only for those: the cache lives as long as the database.
 */
export function preparedPerDb<T>(prepare: (db: Db) => T): (db: Db) => T {
	const cache = new WeakMap<Db, T>();
	return (db) => {
		let statement = cache.get(db);
		if (!statement) {
			statement = prepare(db);
			cache.set(db, statement);
		}
		return statement;
	};
}

/** Runs raw SQL and returns its rows on either driver. */
export async function query<T>(db: Db, q: SQL): Promise<T[]> {
	const result = (await db.execute(q)) as unknown;
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Like `query`, for results of many thousand rows. PGlite's wire protocol is read in JavaScript
 * field by field, so there the rows come as one JSON array instead (at 100 000 rows of ten
 * columns about 2.5× faster); postgres.js reads rows faster than it parses the JSON the server
 * would build, so PostgreSQL sends rows. Same result either way for text, uuid, enum, boolean
 * and integer columns (cast anything else to text in the query).
 */
export async function queryMany<T>(db: Db, q: SQL): Promise<T[]> {
	if (!((db as unknown as { session: unknown }).session instanceof PgliteSession)) return query<T>(db, q);
	const [row] = await query<{ rows: string }>(db, sql`select coalesce(json_agg(t), '[]')::text as rows from (${q}) t`);
	return JSON.parse(row.rows) as T[];
}

export { sql };
