/**
 * The Stockholm calendar of a given instant: its date, its time of day, and the instant of a
 * Stockholm date and time. Safe in the browser (no "now" here: the server's clock.ts is the only
 * place that knows what now and today are). Everything the kommun sees is in Swedish time, so
 * a date is never taken from UTC (toISOString) or from the machine's own time zone.
 */
export const TIME_ZONE = 'Europe/Stockholm';

const dayFmt = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const partsFmt = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** YYYY-MM-DD of the instant in Stockholm. */
export function dateInStockholm(at: Date): string {
	return dayFmt.format(at);
}

/** HH:MM of the instant in Stockholm. */
export function timeInStockholm(at: Date): string {
	const p = wallParts(at);
	return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** The year, month (1–12) and day of the instant in Stockholm. */
export function calendarInStockholm(at: Date): { year: number; month: number; day: number } {
	const { year, month, day } = wallParts(at);
	return { year, month, day };
}

/**
 * The instant when Stockholm's clocks show `day` (YYYY-MM-DD) at `time` (HH:MM, default
 * midnight). In the autumn hour that occurs twice, the first; in the spring hour that does not
 * exist, the time one hour later.
 */
export function stockholmInstant(day: string, time = '00:00'): Date {
	const [y, mo, d] = day.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	// The wall time read as UTC, corrected by Stockholm's offset there (tried twice for the DST edges).
	let guess = wall - offsetAt(new Date(wall));
	guess = wall - offsetAt(new Date(guess));
	return new Date(guess);
}

/** The calendar date `days` after (or before) `day`, both YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

function pad(n: number) {
	return String(n).padStart(2, '0');
}

function wallParts(at: Date) {
	const parts = partsFmt.formatToParts(at);
	const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
	return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Milliseconds Stockholm is ahead of UTC at the instant. */
function offsetAt(at: Date): number {
	const p = wallParts(at);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
