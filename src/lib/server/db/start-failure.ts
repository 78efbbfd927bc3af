/**
 * When the database cannot be reached at start, the operator gets one line saying what was
 * tried (host, port, database, user — never the password) and what to check, instead of a
 * driver's stack trace; the process then exits non-zero (startup.ts).
 */

const hints: Record<string, string> = {
	ECONNREFUSED: 'nothing answers there: is PostgreSQL running, and are the host and port in DATABASE_URL right?',
	ENOTFOUND: 'the host name does not resolve: check the host in DATABASE_URL and the DNS',
	EAI_AGAIN: 'the host name does not resolve: check the host in DATABASE_URL and the DNS',
	ETIMEDOUT: 'no answer in time: check the host and port in DATABASE_URL and any firewall between',
	CONNECT_TIMEOUT: 'no answer in time: check the host and port in DATABASE_URL and any firewall between',
	EHOSTUNREACH: 'the host cannot be reached: check the host in DATABASE_URL and the network',
	'28P01': 'the server refused the user or password: check the credentials in DATABASE_URL',
	'28000': 'the server refused this user from this address: check the user in DATABASE_URL and pg_hba.conf',
	'3D000': 'the database does not exist: create it, or correct its name in DATABASE_URL',
	'57P03': 'the server is starting up or shutting down: try again in a moment'
};

/** What DATABASE_URL points at, without the password. */
export function describeTarget(url: string): string {
	try {
		const u = new URL(url);
		const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default)';
		const user = decodeURIComponent(u.username) || '(default)';
		return `host ${u.hostname || 'localhost'}, port ${u.port || '5432'}, database ${database}, user ${user}`;
	} catch {
		return 'DATABASE_URL (not a valid URL)';
	}
}

function codeOf(err: unknown): string | undefined {
	if (typeof err !== 'object' || err === null) return undefined;
	const e = err as { code?: unknown; errors?: unknown[]; cause?: unknown };
	if (typeof e.code === 'string') return e.code;
	// Node reports a refused localhost (::1 and 127.0.0.1) as an AggregateError.
	if (Array.isArray(e.errors)) return e.errors.map(codeOf).find(Boolean);
	return e.cause ? codeOf(e.cause) : undefined;
}

/** One line for the log: what was tried and what to check. */
export function databaseStartFailure(url: string, err: unknown): string {
	const code = codeOf(err);
	const hint = (code && hints[code]) ?? `${err instanceof Error ? err.message.replaceAll(url, 'DATABASE_URL') : String(err)} — check DATABASE_URL (host, port, database, user, password)`;
	return `Lägesbild cannot start: the database at ${describeTarget(url)} could not be opened${code ? ` (${code})` : ''}: ${hint}.`;
}
