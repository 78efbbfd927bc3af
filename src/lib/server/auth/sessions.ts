/**
 * Sessions live in the database (the app stays stateless). The cookie holds a random token;
 * the table holds its sha256. Idle and absolute time-outs come from the settings.
 */
import { eq, lt, or } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { loadSessionActor } from '../access/load-actor';
import type { PersonActor } from '../access/actor';
import type { Db } from '../db';
import { sessions } from '../db/schema';
import { now as clockNow } from '../clock';
import { env } from '../env';

export interface SessionInfo {
	sessionId: string;
	personId: string;
	/** Null when the person has been deactivated: the session then grants nothing. */
	/** The request adds its address (hooks.server.ts) to make it an Actor. */
	actor: PersonActor | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, personId: string, now = clockNow()): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + env().SESSION_MAX_HOURS * 3600_000);
	await db.insert(sessions).values({ id: hashToken(token), personId, createdAt: now, lastSeenAt: now, expiresAt });
	return token;
}

/** The session behind a token with its actor (one query on the hot path), or null when expired. */
export async function validateSession(db: Db, token: string, now = clockNow()): Promise<SessionInfo | null> {
	const id = hashToken(token);
	const row = await loadSessionActor(db, id);
	if (!row) return null;
	const idleLimit = now.getTime() - env().SESSION_IDLE_MINUTES * 60_000;
	if (row.expiresAt.getTime() <= now.getTime() || row.lastSeenAt.getTime() <= idleLimit) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	// Touch at most every touchIntervalMs: a write per request would cost more than it buys.
	if (now.getTime() - row.lastSeenAt.getTime() >= touchIntervalMs(env().SESSION_IDLE_MINUTES)) {
		await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
	}
	return { sessionId: id, personId: row.personId, actor: row.actor };
}

/**
 * How stale last_seen_at may get before a request writes it: a tenth of the idle limit, at
 * most a minute. A session in use then never looks idle for longer than 10 % of the limit,
 * even at SESSION_IDLE_MINUTES=1 (a write at most every 6 s per session).
 */
export function touchIntervalMs(idleMinutes: number): number {
	return Math.min(60_000, (idleMinutes * 60_000) / 10);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function deleteExpiredSessions(db: Db, now = clockNow()): Promise<void> {
	const idleLimit = new Date(now.getTime() - env().SESSION_IDLE_MINUTES * 60_000);
	await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleLimit)));
}
