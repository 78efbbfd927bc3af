/**
 * The app's clock: real time, or DEMO_TODAY in a demonstration (env.ts refuses DEMO_TODAY
 * outside the demo). Used only where the date decides what is published — the incident
 * statistics (decision 0005) — so a demonstration or browser test can show a year as published.
 */
import { env } from './env';

export function appNow(): Date {
	return env().DEMO_TODAY ?? new Date();
}
