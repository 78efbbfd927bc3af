/** Password hashing with Argon2id (OWASP's first choice), from @node-rs/argon2. */
import { hash, verify } from '@node-rs/argon2';

const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
	// Verify against a fixed hash when there is none, so timing does not reveal unknown accounts.
	const target = passwordHash ?? (await dummyHash());
	try {
		return (await verify(target, password)) && passwordHash !== null;
	} catch {
		return false;
	}
}

let dummy: Promise<string> | undefined;
function dummyHash() {
	dummy ??= hash('not-a-password', options);
	return dummy;
}
