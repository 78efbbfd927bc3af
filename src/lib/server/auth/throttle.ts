/**
 * Login throttling (ASVS 5.0 V6.3), kept in the database so it holds across instances:
 *
 * - per account *and* address: a progressive delay between failed attempts (0, 1, 2, 4 … s),
 *   then a limit (LOGIN_MAX_FAILURES per window) on that pair only — so someone failing from
 *   elsewhere never locks the owner out of their own usual address;
 * - per account from all addresses: above a ceiling (LOGIN_ACCOUNT_CEILING) the account is
 *   slowed to one password check per LOGIN_ACCOUNT_SLOW_SECONDS, never locked;
 * - per address: a much higher limit (LOGIN_MAX_PER_ADDRESS), since a whole municipality may
 *   sit behind one address.
 *
 * A password is checked only after `reserveAttempt` has taken a slot on all three counters in
 * ONE statement (an upsert whose update is conditional), so concurrent attempts can never
 * check more passwords than the limits allow. A successful login gives its slots back.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { query } from '../db/client';
import { env } from '../env';

export interface ThrottleLimits {
	windowMinutes: number;
	/** Failures of one account from one address per window. */
	perPair: number;
	/** Failures of one account from all addresses before it is slowed. */
	accountCeiling: number;
	accountSlowSeconds: number;
	/** Failures from one address, all accounts, per window. */
	perAddress: number;
}

export function throttleLimits(): ThrottleLimits {
	const e = env();
	return {
		windowMinutes: e.LOGIN_WINDOW_MINUTES,
		perPair: e.LOGIN_MAX_FAILURES,
		accountCeiling: e.LOGIN_ACCOUNT_CEILING,
		accountSlowSeconds: e.LOGIN_ACCOUNT_SLOW_SECONDS,
		perAddress: e.LOGIN_MAX_PER_ADDRESS
	};
}

/** The wait after the n-th failed attempt of an account from one address: 0, 1, 2, 4 … 60 s. */
export function pairDelaySeconds(n: number): number {
	return n <= 1 ? 0 : Math.min(60, 2 ** (n - 2));
}

export interface ThrottleKeys {
	pair: string;
	account: string;
	address: string;
}

export const throttleKeys = (email: string, ip: string): ThrottleKeys => ({ pair: `pair:${email} ${ip}`, account: `account:${email}`, address: `address:${ip}` });

export type Reservation = { ok: true } | { ok: false; waitSeconds: number; limit: 'pair' | 'account' | 'address' };

/**
 * Takes a slot for one password check on the pair, the account and the address, or none: the
 * check-and-increment is one statement, so it is atomic under any concurrency.
 */
export async function reserveAttempt(db: Db, keys: ThrottleKeys, now: Date, limits = throttleLimits()): Promise<Reservation> {
	const since = new Date(now.getTime() - limits.windowMinutes * 60_000).toISOString();
	const at = now.toISOString();
	const taken = await query<{ key: string }>(
		db,
		sql`insert into login_throttle as t (key, attempts, window_start, next_at)
		    values (${keys.pair}, 1, ${at}::timestamptz, ${at}::timestamptz),
		           (${keys.account}, 1, ${at}::timestamptz, ${at}::timestamptz),
		           (${keys.address}, 1, ${at}::timestamptz, ${at}::timestamptz)
		    on conflict (key) do update set
		      attempts = case when t.window_start <= ${since}::timestamptz then 1 else t.attempts + 1 end,
		      window_start = case when t.window_start <= ${since}::timestamptz then ${at}::timestamptz else t.window_start end,
		      next_at = case
		        when t.window_start <= ${since}::timestamptz then ${at}::timestamptz
		        -- the pair: wait 2^(n-2) s (at most 60) after the n-th attempt
		        when left(t.key, 5) = 'pair:' then ${at}::timestamptz + least(60, power(2, t.attempts - 1)) * interval '1 second'
		        when left(t.key, 8) = 'account:' and t.attempts + 1 >= ${limits.accountCeiling}::int then ${at}::timestamptz + ${limits.accountSlowSeconds}::int * interval '1 second'
		        else ${at}::timestamptz end
		    where t.window_start <= ${since}::timestamptz
		       or (left(t.key, 5) = 'pair:' and t.attempts < ${limits.perPair}::int and t.next_at <= ${at}::timestamptz)
		       or (left(t.key, 8) = 'account:' and (t.attempts < ${limits.accountCeiling}::int or t.next_at <= ${at}::timestamptz))
		       or (left(t.key, 8) = 'address:' and t.attempts < ${limits.perAddress}::int)
		    returning t.key`
	);
	const got = new Set(taken.map((r) => r.key));
	if (got.size === 3) return { ok: true };
	// Refused: give back the slots this attempt did take, and say how long to wait.
	await giveBack(db, [...got]);
	const rows = await query<{ key: string; attempts: number; next_at: Date | string }>(db, sql`select key, attempts, next_at from login_throttle where key in (${keys.pair}, ${keys.account}, ${keys.address})`);
	const byKey = new Map(rows.map((r) => [r.key, r]));
	const windowSeconds = limits.windowMinutes * 60;
	const waitFor = (key: string) => Math.max(1, Math.ceil((new Date(byKey.get(key)?.next_at ?? at).getTime() - now.getTime()) / 1000));
	if (!got.has(keys.address)) return { ok: false, limit: 'address', waitSeconds: windowSeconds };
	if (!got.has(keys.pair)) {
		const full = (byKey.get(keys.pair)?.attempts ?? 0) >= limits.perPair;
		return { ok: false, limit: 'pair', waitSeconds: full ? windowSeconds : waitFor(keys.pair) };
	}
	return { ok: false, limit: 'account', waitSeconds: waitFor(keys.account) };
}

/** A successful login: the pair starts afresh, the account and address get their slot back. */
export async function releaseAfterSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
	await db.execute(sql`delete from login_throttle where key = ${keys.pair}`);
	await giveBack(db, [keys.account, keys.address]);
}

async function giveBack(db: Db, keys: string[]) {
	if (keys.length === 0) return;
	await db.execute(sql`update login_throttle set attempts = greatest(attempts - 1, 0) where key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
}

/** Counters whose window has passed (the clean-up job). */
export async function deleteStaleThrottles(db: Db, now: Date, windowMinutes = throttleLimits().windowMinutes): Promise<void> {
	const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
	await db.execute(sql`delete from login_throttle where window_start <= ${since}::timestamptz and next_at <= ${now.toISOString()}::timestamptz`);
}

/** The Swedish answer to a refused attempt: what happened and how long to wait. */
export function throttleMessage(r: Extract<Reservation, { ok: false }>): string {
	const wait = r.waitSeconds < 90 ? `${r.waitSeconds} sekunder` : `${Math.ceil(r.waitSeconds / 60)} minuter`;
	return `För många misslyckade inloggningsförsök. Vänta ${wait} och försök igen.`;
}
