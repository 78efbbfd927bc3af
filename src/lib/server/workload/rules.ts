/**
 * Workload between the rounds (issue 14): the scale, what a rating may hold, the weekly prompt's
 * week, the nearest manager's signal, and which months are over. Pure: no database.
 */
import { z } from 'zod';
import { addDays, calendarInStockholm } from '$lib/time';
import { looksLikePersonnummer } from '../validation';

/** The five steps, 1 … 5, as the social worker sees them. */
export const workloadLevelLabel: Record<number, string> = { 1: 'Mycket låg', 2: 'Låg', 3: 'Lagom', 4: 'Hög', 5: 'Mycket hög' };
/** A rating at or above this is "high load" in the signal and in the monthly share. */
export const HIGH_LOAD = 4;
export const WORKLOAD_QUESTION = 'Hur upplever du din arbetsbelastning just nu?';

export const ratingInput = z.object({
	level: z.coerce
		.number({ error: 'Välj hur hög din arbetsbelastning är, 1–5.' })
		.int('Välj hur hög din arbetsbelastning är, 1–5.')
		.min(1, 'Välj hur hög din arbetsbelastning är, 1–5.')
		.max(5, 'Välj hur hög din arbetsbelastning är, 1–5.'),
	openCases: z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z.coerce
			.number({ error: 'Antal öppna ärenden ska vara ett heltal.' })
			.int('Antal öppna ärenden ska vara ett heltal.')
			.min(0, 'Antal öppna ärenden kan inte vara negativt.')
			.max(500, 'Antal öppna ärenden får vara högst 500.')
			.optional()
	),
	note: z
		.string()
		.trim()
		.max(500, 'Anteckningen får vara högst 500 tecken.')
		.refine((t) => !looksLikePersonnummer(t), 'Skriv inga personnummer eller andra uppgifter om klienter i anteckningen.')
		.optional()
		.transform((t) => (t ? t : null))
});
export type RatingInput = z.infer<typeof ratingInput>;

/** The ISO week of a day, as "2026-W49": the weekly prompt's period. */
export function isoWeek(day: string): string {
	const d = new Date(`${day}T12:00:00Z`);
	const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
	const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
	const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
	const week = 1 + Math.floor((thursday.getTime() - yearStart.getTime()) / (7 * 86_400_000));
	return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of a day's week. */
export function weekStart(day: string): string {
	const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
	return addDays(day, -weekday);
}

export type WorkloadSignal = 'high_three_times' | 'jumped';
export const workloadSignalLabel: Record<WorkloadSignal, string> = {
	high_three_times: 'Hög belastning tre gånger i rad',
	jumped: 'Upp två steg eller mer sedan förra gången'
};

/**
 * Why a person's series needs the manager's attention, from their ratings oldest first: the last
 * three all high (4–5), or the latest two or more steps above the one before.
 */
export function workloadSignals(levels: readonly number[]): WorkloadSignal[] {
	const signals: WorkloadSignal[] = [];
	const last = levels.slice(-3);
	if (last.length === 3 && last.every((l) => l >= HIGH_LOAD)) signals.push('high_three_times');
	if (levels.length >= 2 && levels[levels.length - 1] - levels[levels.length - 2] >= 2) signals.push('jumped');
	return signals;
}

/** A calendar month, "2026-11". */
export type Month = string;

/**
 * The months that are over at `now` (in Stockholm), from `first` up to last month, oldest first.
 * Only they are shown above the nearest manager: a month still running would change with every
 * rating, and a reader watching could see one person's rating arrive.
 */
export function closedMonths(first: Month | null, now: Date): Month[] {
	if (!first) return [];
	const { year, month } = calendarInStockholm(now);
	const current = `${year}-${String(month).padStart(2, '0')}`;
	const months: Month[] = [];
	let [y, m] = first.split('-').map(Number);
	for (let guard = 0; guard < 600; guard++) {
		const key = `${y}-${String(m).padStart(2, '0')}`;
		if (key >= current) break;
		months.push(key);
		m++;
		if (m === 13) {
			m = 1;
			y++;
		}
	}
	return months;
}

const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
export const monthLabel = (month: Month) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
