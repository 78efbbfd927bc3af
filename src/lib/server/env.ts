/**
 * All settings, read once from the environment and validated. The app refuses to start
 * with a clear message when a setting is wrong. Read through `env()`, never process.env.
 */
import { z } from 'zod';

const intFrom = (def: number, min: number, max: number) =>
	z.coerce.number().int().min(min).max(max).default(def);

const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	/** PostgreSQL connection string; when unset the embedded PGlite database in DATA_DIR is used. */
	DATABASE_URL: z.string().url().optional(),
	DATA_DIR: z.string().default('./data'),
	/** Connections per app instance when on PostgreSQL. */
	DATABASE_POOL_SIZE: intFrom(10, 1, 200),
	/** 'auto' seeds the demo organisation when the database is empty; 'on' marks demo mode. */
	DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** Smallest group (respondents) for which figures are shown. Never below 3. */
	ANONYMITY_MIN_GROUP: intFrom(5, 3, 100),
	/** Smallest group for which free-text motivations are shown above unit level. */
	ANONYMITY_MIN_TEXT_GROUP: intFrom(10, 3, 1000),
	SESSION_IDLE_MINUTES: intFrom(30, 1, 24 * 60),
	SESSION_MAX_HOURS: intFrom(12, 1, 24 * 14),
	/** smtp://user:pass@host:port — when unset, reminders are only shown in the app. */
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().default('Lägesbild <noreply@lagesbild.invalid>'),
	/** Public address of the app, used in e-mails. */
	ORIGIN: z.string().url().optional(),
	/** Local accounts (email + password) on or off. */
	LOCAL_LOGIN: z.enum(['on', 'off']).default('on')
});

export type Env = z.infer<typeof schema>;

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
