/**
 * Local login (email + password). Errors are generic so they do not reveal which accounts
 * exist; failed attempts are counted per account and per address in the database, so the
 * limits hold across app instances (a whole municipality may sit behind one address).
 */
import { and, count, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { loginAttempts, people } from '../db/schema';
import { env } from '../env';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { verifyPassword } from './password';
import { now as clockNow } from '../clock';

export const loginInput = z.object({
	email: z
		.string({ error: 'Fyll i din e-postadress.' })
		.trim()
		.toLowerCase()
		.min(1, 'Fyll i din e-postadress.')
		.max(254, 'E-postadressen är för lång.'),
	password: z.string({ error: 'Fyll i ditt lösenord.' }).min(1, 'Fyll i ditt lösenord.').max(1000)
});

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 100;

const GENERIC = 'Fel e-postadress eller lösenord.';

export async function login(db: Db, input: unknown, ip: string, now = clockNow()): Promise<{ personId: string }> {
	if (env().LOCAL_LOGIN === 'off') throw new DomainError('forbidden', 'Inloggning med lösenord är avstängd. Använd kommunens inloggning.');
	const { email, password } = parseInput(loginInput, input);
	const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
	const [byAccount] = await db
		.select({ n: count() })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, since)));
	const [byAddress] = await db
		.select({ n: count() })
		.from(loginAttempts)
		.where(and(eq(loginAttempts.ip, ip), gt(loginAttempts.at, since)));
	if (byAccount.n >= MAX_FAILURES_PER_ACCOUNT || byAddress.n >= MAX_FAILURES_PER_ADDRESS) {
		throw new DomainError(
			'rate_limited',
			`För många misslyckade inloggningsförsök. Vänta ${LOGIN_WINDOW_MINUTES} minuter och försök igen.`
		);
	}
	const [person] = await db
		.select({ id: people.id, passwordHash: people.passwordHash, active: people.active })
		.from(people)
		.where(eq(people.email, email));
	const ok = await verifyPassword(person?.passwordHash ?? null, password);
	if (!person || !ok || !person.active) {
		await db.insert(loginAttempts).values({ email, ip, at: now });
		throw new DomainError('unauthenticated', GENERIC);
	}
	return { personId: person.id };
}
