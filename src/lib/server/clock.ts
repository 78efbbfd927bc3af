/**
 * The app's clock: the only place that knows what "now" and "today" are. Today is the date in
 * Stockholm (the kommun's day), never the UTC date. Services take `now` as a parameter that
 * defaults to `now()` here, so a test passes its own instant; `fixClock` fixes it for a whole
 * test file.
 *
 * CLOCK_AT (demonstrations and tests only, see env.ts and decision 0011) sets where the clock
 * starts: `HH:MM` is today at that time in Stockholm, an ISO date-time is that instant; from
 * there it runs on. Every process started by one that read the setting agrees on the same
 * moment, because the first one records the real start in CLOCK_AT_SINCE, which its children
 * (the app started by the browser tests, the test workers) inherit.
 */
import { calendarInStockholm, dateInStockholm, stockholmInstant } from '../time';
import { env } from './env';

let fixed: (() => Date) | null = null;
let resolved: { setting: string; since: number; offset: number } | undefined;

/** The current instant. */
export function now(): Date {
	if (fixed) return fixed();
	return new Date(Date.now() + settingOffset());
}

/** Today's date in Stockholm, YYYY-MM-DD. */
export function todayInStockholm(at: Date = now()): string {
	return dateInStockholm(at);
}

/** The year in Stockholm. */
export function yearInStockholm(at: Date = now()): number {
	return calendarInStockholm(at).year;
}

/** The month (1–12) in Stockholm. */
export function monthInStockholm(at: Date = now()): number {
	return calendarInStockholm(at).month;
}

/** The tertial (1: January–April, 2: May–August, 3: September–December) in Stockholm. */
export function tertialOf(at: Date = now()): { year: number; tertial: 1 | 2 | 3 } {
	const { year, month } = calendarInStockholm(at);
	return { year, tertial: (Math.floor((month - 1) / 4) + 1) as 1 | 2 | 3 };
}

/** The half-year (1: January–June, 2: July–December) in Stockholm. */
export function halfYearOf(at: Date = now()): { year: number; half: 1 | 2 } {
	const { year, month } = calendarInStockholm(at);
	return { year, half: month <= 6 ? 1 : 2 };
}

/**
 * For tests: the clock answers `at` (an instant, or a function for a clock that moves) until
 * called with null.
 */
export function fixClock(at: Date | (() => Date) | null): void {
	fixed = at === null ? null : typeof at === 'function' ? at : () => new Date(at.getTime());
}

/** Milliseconds CLOCK_AT moves the clock from real time (0 when unset). */
function settingOffset(): number {
	const setting = env().CLOCK_AT;
	if (!setting) return 0;
	const since = clockSince();
	if (resolved?.setting !== setting || resolved.since !== since) {
		resolved = { setting, since, offset: clockStart(setting, new Date(since)).getTime() - since };
	}
	return resolved.offset;
}

/** The real moment the clock showed CLOCK_AT, shared with every process started from here. */
function clockSince(): number {
	const recorded = Number(process.env.CLOCK_AT_SINCE);
	if (Number.isFinite(recorded) && recorded > 0) return recorded;
	const since = Date.now();
	process.env.CLOCK_AT_SINCE = String(since);
	return since;
}

/** Where the clock starts: `HH:MM` on the Stockholm date of `realStart`, or an ISO instant. */
export function clockStart(setting: string, realStart: Date): Date {
	if (/^\d{2}:\d{2}$/.test(setting)) return stockholmInstant(dateInStockholm(realStart), setting);
	return new Date(setting);
}
