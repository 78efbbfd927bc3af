/**
 * Local login (email + password). Errors are generic so they do not reveal which accounts
 * exist. Attempts are throttled per account and address, per account and per address in the
 * database (throttle.ts), so the limits hold across app instances and under concurrency.
 * Every failed or refused attempt is audited here, the one place, with the e-mail as parsed.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { anonymousRequest, audit } from '../audit/audit';
import { now as clockNow } from '../clock';
import type { Db } from '../db';
import { loginAttempts, people } from '../db/schema';
import { env } from '../env';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { verifyPassword } from './password';
import { releaseAfterSuccess, reserveAttempt, throttleKeys, throttleMessage, type ThrottleLimits } from './throttle';

export const loginInput = z.object({
	email: z
		.string({ error: 'Fyll i din e-postadress.' })
		.trim()
		.toLowerCase()
		.min(1, 'Fyll i din e-postadress.')
		.max(254, 'E-postadressen är för lång.'),
	password: z.string({ error: 'Fyll i ditt lösenord.' }).min(1, 'Fyll i ditt lösenord.').max(1000)
});

const GENERIC = 'Fel e-postadress eller lösenord.';

export interface LoginOptions {
	/** Which door: the login page's form or the JSON API (recorded in the audit entry). */
	via: 'form' | 'api';
	now?: Date;
	limits?: ThrottleLimits;
	/** For tests that count the password checks. */
	verify?: typeof verifyPassword;
}

export async function login(db: Db, input: unknown, ip: string, options: LoginOptions): Promise<{ personId: string }> {
	if (env().LOCAL_LOGIN === 'off') throw new DomainError('forbidden', 'Inloggning med lösenord är avstängd. Använd kommunens inloggning.');
	const { email, password } = parseInput(loginInput, input);
	const now = options.now ?? clockNow();
	const keys = throttleKeys(email, ip);
	const failed = (detail: Record<string, unknown> = {}) => audit(db, anonymousRequest(ip), { action: 'login.failed', detail: { via: options.via, email, ...detail } });

	const reservation = await reserveAttempt(db, keys, now, options.limits);
	if (!reservation.ok) {
		await failed({ throttled: reservation.limit });
		throw new DomainError('rate_limited', throttleMessage(reservation));
	}
	const [person] = await db
		.select({ id: people.id, passwordHash: people.passwordHash, active: people.active })
		.from(people)
		.where(eq(people.email, email));
	const ok = await (options.verify ?? verifyPassword)(person?.passwordHash ?? null, password);
	if (!person || !ok || !person.active) {
		// Kept for the person's register extract (privacy/extract.ts); the throttle counts in login_throttle.
		await db.insert(loginAttempts).values({ email, ip, at: now });
		await failed();
		throw new DomainError('unauthenticated', GENERIC);
	}
	await releaseAfterSuccess(db, keys);
	return { personId: person.id };
}
