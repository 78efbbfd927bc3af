import pino from 'pino';
import { env } from './env';

/** The one logger. Never log answers, motivations or other personal data. */
export const log = pino({
	level: process.env.VITEST ? 'silent' : env().LOG_LEVEL,
	base: { app: 'lagesbild' },
	redact: ['password', '*.password', 'passwordHash', '*.passwordHash', 'token', '*.token']
});
