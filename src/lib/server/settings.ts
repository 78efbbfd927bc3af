/** Key–value settings stored in the database (shared by every app instance). */
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { settings } from './db/schema';
import { now as clockNow } from './clock';

export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
	const [row] = await db.select().from(settings).where(eq(settings.key, key));
	return row ? (row.value as T) : null;
}

export async function setSetting(db: Db, key: string, value: unknown): Promise<void> {
	await db
		.insert(settings)
		.values({ key, value })
		.onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: clockNow() } });
}
