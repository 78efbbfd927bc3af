/**
 * All settings, read once from the environment and validated. The app refuses to start
 * with a clear message when a setting is wrong. Read through `env()`, never process.env.
 */
import { z } from 'zod';
import { parseTrustedProxies } from './client-address';

const intFrom = (def: number, min: number, max: number) =>
	z.coerce.number().int().min(min).max(max).default(def);

const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	/** PostgreSQL connection string; when unset the embedded PGlite database in DATA_DIR is used. */
	DATABASE_URL: z.string().url().optional(),
	DATA_DIR: z.string().default('./data'),
	/** Connections per app instance when on PostgreSQL. */
	DATABASE_POOL_SIZE: intFrom(10, 1, 200),
	/** Seconds a stopping instance lets requests in flight finish (read by adapter-node too). */
	SHUTDOWN_TIMEOUT: intFrom(30, 1, 3600),
	/** 'auto' seeds the demo organisation when the database is empty; 'on' marks demo mode. */
	DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
	/**
	 * Demonstrations and tests only: where the app's clock starts — `HH:MM` (today at that time,
	 * Stockholm) or an ISO date-time with offset — and runs on from there. See clock.ts, decision 0011.
	 */
	CLOCK_AT: z
		.string()
		.refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, 'must be HH:MM (today at that time in Stockholm) or an ISO date-time such as 2027-02-01T08:00:00+01:00')
		.optional(),
	/** The former name of CLOCK_AT: refused with a message, so an old setting is not silently ignored. */
	DEMO_TODAY: z.string().optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** Smallest group (respondents) for which figures are shown. Never below 3. */
	ANONYMITY_MIN_GROUP: intFrom(5, 3, 100),
	/** Smallest group for which free-text motivations are shown above unit level. */
	ANONYMITY_MIN_TEXT_GROUP: intFrom(10, 3, 1000),
	SESSION_IDLE_MINUTES: intFrom(30, 1, 24 * 60),
	// --- Excel uploads (.xlsx is a ZIP archive): limits checked before parsing (zip-limits.ts, docs/security.md).
	/** Unpacked size of all parts of one file together, in MB. */
	XLSX_MAX_UNPACKED_MB: intFrom(100, 1, 4000),
	/** Unpacked size of one part (e.g. a worksheet), in MB. */
	XLSX_MAX_ENTRY_MB: intFrom(80, 1, 4000),
	/** How many times larger a part (over 1 MB) may become unpacked. */
	XLSX_MAX_RATIO: intFrom(100, 10, 10_000),
	/** Parts (files inside the archive). */
	XLSX_MAX_ENTRIES: intFrom(1000, 10, 65_535),
	/**
	 * Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated),
	 * e.g. 10.0.0.5,10.1.0.0/16. Unset: the connection's address is the client's. See docs/security.md.
	 */
	TRUSTED_PROXIES: z.string().optional(),
	/** adapter-node's own: trust this header from every connection. Not together with TRUSTED_PROXIES. */
	ADDRESS_HEADER: z.string().optional(),
	// --- Login throttling (auth/throttle.ts, docs/security.md).
	/** The window the login limits count failures in. */
	LOGIN_WINDOW_MINUTES: intFrom(15, 1, 24 * 60),
	/** Failed logins of one account from one address per window (with a growing wait between them). */
	LOGIN_MAX_FAILURES: intFrom(10, 3, 1000),
	/** Failed logins of one account from all addresses per window before it is slowed (never locked). */
	LOGIN_ACCOUNT_CEILING: intFrom(50, 5, 100_000),
	/** Above the ceiling: at most one password check of that account per this many seconds. */
	LOGIN_ACCOUNT_SLOW_SECONDS: intFrom(10, 1, 600),
	/** Failed logins from one address (all accounts) per window: high, a municipality may share one address. */
	LOGIN_MAX_PER_ADDRESS: intFrom(1000, 10, 1_000_000),
	SESSION_MAX_HOURS: intFrom(12, 1, 24 * 14),
	/** smtp://user:pass@host:port — when unset, reminders are only shown in the app. */
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().default('Lägesbild <noreply@lagesbild.invalid>'),
	/** Public address of the app, used in e-mails. */
	ORIGIN: z.string().url().optional(),
	/** Local accounts (email + password) on or off. */
	LOCAL_LOGIN: z.enum(['on', 'off']).default('on'),
	/** Scheduled work (closing rounds, reminders, clean-up) in this instance; see decision 0007. */
	JOBS: z.enum(['on', 'off']).default('on'),
	/** Days before a round closes that non-respondents get an automatic reminder; 0: none. */
	REMINDER_DAYS_BEFORE_CLOSE: intFrom(3, 0, 60),
	/** Close a round automatically when its closing time has passed. */
	ROUNDS_AUTO_CLOSE: z.enum(['on', 'off']).default('on'),
	/** An HR import that deactivates more than this percentage of the active people in its scope needs a typed confirmation. */
	IMPORT_CONFIRM_LEAVERS_PERCENT: intFrom(10, 0, 100),
	// --- Identity: single sign-on (OpenID Connect) and retention; see README and decisions 0008, 0009.
	/** The identity provider, e.g. https://login.kommun.se/realms/personal. Unset: no single sign-on. */
	OIDC_ISSUER: z.string().url().optional(),
	OIDC_CLIENT_ID: z.string().optional(),
	/** Unset for a public client (PKCE only). */
	OIDC_CLIENT_SECRET: z.string().optional(),
	/** The claim (ID token or userinfo) that holds the anställningsnummer, matched to people.employee_id. */
	OIDC_CLAIM: z.string().regex(/^[A-Za-z0-9_:.\-/]+$/).default('employee_id'),
	OIDC_SCOPE: z.string().default('openid profile'),
	/** The text of the button on the login page. */
	OIDC_LABEL: z.string().max(80).default('Logga in med kommunens konto'),
	/** Where the provider sends people back; default ORIGIN (or the request's origin) + /login/oidc/callback. */
	OIDC_REDIRECT_URI: z.string().url().optional(),
	/** Years that named answers are kept after their round closed; older rounds keep only aggregates. Unset: kept. */
	RETENTION_YEARS: z.coerce.number().int().min(1).max(50).optional()
}).superRefine((e, ctx) => {
	if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'is required when OIDC_ISSUER is set' });
	if (e.OIDC_ISSUER && !/^https:|^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(e.OIDC_ISSUER)) {
		ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'must be an https address (plain http only on localhost, for tests)' });
	}
	if (e.CLOCK_AT && !demoWanted(e) && e.NODE_ENV !== 'test') {
		ctx.addIssue({ code: 'custom', path: ['CLOCK_AT'], message: 'is only for demonstrations and tests (DEMO=on, DEMO=auto with the embedded database, or NODE_ENV=test) — CLOCK_AT får aldrig användas i produktion' });
	}
	if (e.DEMO_TODAY) ctx.addIssue({ code: 'custom', path: ['DEMO_TODAY'], message: 'has been renamed CLOCK_AT (the same ISO date-time; the clock now runs on from it) — byt namn på inställningen' });
	if (e.TRUSTED_PROXIES) {
		try {
			parseTrustedProxies(e.TRUSTED_PROXIES);
		} catch (err) {
			ctx.addIssue({ code: 'custom', path: ['TRUSTED_PROXIES'], message: (err as Error).message });
		}
		if (e.ADDRESS_HEADER) ctx.addIssue({ code: 'custom', path: ['ADDRESS_HEADER'], message: 'trusts the header from every connection; with TRUSTED_PROXIES set, leave ADDRESS_HEADER (and XFF_DEPTH) unset' });
	}
	if (e.LOCAL_LOGIN === 'off' && !e.OIDC_ISSUER) ctx.addIssue({ code: 'custom', path: ['LOCAL_LOGIN'], message: 'is off, but no single sign-on is configured (OIDC_ISSUER): nobody could log in' });
});

export type Env = z.infer<typeof schema>;

/** Whether the demo organisation is wanted: DEMO=on, or DEMO=auto with the embedded database. */
export function demoWanted(e: Pick<Env, 'DEMO' | 'DATABASE_URL'>): boolean {
	return e.DEMO === 'on' || (e.DEMO === 'auto' && !e.DATABASE_URL);
}

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
	const result = schema.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid settings in the environment:\n${lines.join('\n')}`);
	}
	return result.data;
}

export function env(): Env {
	cached ??= parseEnv(process.env);
	return cached;
}

/** For tests that change a setting. */
export function resetEnvCache() {
	cached = undefined;
}
