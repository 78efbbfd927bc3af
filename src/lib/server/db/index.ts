/** The app's one database, opened at start-up from the settings. */
import { env } from '../env';
import { openDatabase, type Database, type Db } from './client';

let opening: Promise<Database> | undefined;

export function database(): Promise<Database> {
	opening ??= openDatabase({
		url: env().DATABASE_URL,
		dataDir: env().DATA_DIR,
		poolSize: env().DATABASE_POOL_SIZE
	});
	return opening;
}

export async function getDb(): Promise<Db> {
	return (await database()).db;
}

export type { Db };
