/**
 * Shared helpers for the chart components: Swedish number formatting, colour palettes and
 * percentage arithmetic. Pure functions, safe on server and client.
 */
import { SCALE } from '$lib/domain';

/** One line of a TrendChart. */
export interface TrendSeries {
	name: string;
	/** One value per category, in category order; null = suppressed or missing (breaks the line). */
	values: (number | null)[];
	/**
	 * Per value: why it is incomplete (e.g. "7 av 14 förvaltningar har rapporterat"), or null. An
	 * incomplete point is drawn hollow, the line to and from it dotted, and the table says why.
	 */
	partial?: (string | null)[];
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** Swedish decimal comma, at most `maxDecimals` decimals ("4,25", "−1,5"). */
export function formatNumber(value: number, maxDecimals = 2): string {
	let f = numberFormats.get(maxDecimals);
	if (!f) {
		f = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: maxDecimals });
		numberFormats.set(maxDecimals, f);
	}
	return f.format(value);
}

const percentFormat = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });

/** A share in percentage points (0–100) as Swedish text, e.g. 23 → "23 %" (non-breaking space). */
export function formatPercentPoints(points: number): string {
	return percentFormat.format(points / 100);
}

/**
 * Line colours for series. All have at least 3:1 contrast against white (WCAG 1.4.11);
 * they are always combined with a distinct marker and dash pattern, so colour is never the
 * only cue (the palette is based on Okabe–Ito, darkened for contrast).
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#007A5A', '#A6417E', '#1A1A1A', '#8A6100', '#5B4BA8', '#6B6B6B'];

/** Stroke dash patterns per series ('' = solid). */
export const SERIES_DASHES = ['', '8 4', '2 3', '10 3 2 3', '5 5', '12 3 3 3 3 3', '1 2', '6 2'];

/**
 * Fill colours for scores 1–6: red (1) via light neutrals to dark teal-green (6). The two ends
 * differ in hue also for deuteranopia/protanopia (warm olive versus cool grey-blue) and the
 * lightness steps mirror each other; the score is always also given in text.
 */
export const SCORE_COLOURS: Record<number, string> = {
	1: '#B2182B',
	2: '#E8825A',
	3: '#F6D2B8',
	4: '#C5E8E0',
	5: '#5DB3A1',
	6: '#01665E'
};

/** Text colour on each score colour; each pair has at least 4.5:1 contrast. */
export const SCORE_TEXT_COLOURS: Record<number, string> = {
	1: '#FFFFFF',
	2: '#1A1A1A',
	3: '#1A1A1A',
	4: '#1A1A1A',
	5: '#1A1A1A',
	6: '#FFFFFF'
};

/** Counts per score 1–6, from an array (index 0 = score 1) or a record keyed by score. */
export type ScoreCounts = readonly number[] | Readonly<Partial<Record<number, number>>>;

/** Normalise to an array of six non-negative finite counts, index 0 = score 1. */
export function normaliseCounts(counts: ScoreCounts): number[] {
	return SCALE.map((score, i) => {
		const raw = Array.isArray(counts) ? counts[i] : (counts as Partial<Record<number, number>>)[score];
		return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : 0;
	});
}

/**
 * Whole percentages that add up to exactly 100 (largest-remainder method), so that a table of
 * shares never sums to 99 or 101. All zeros when the total is zero.
 */
export function roundedPercentages(counts: readonly number[]): number[] {
	const total = counts.reduce((a, b) => a + b, 0);
	if (total <= 0) return counts.map(() => 0);
	const exact = counts.map((c) => (c / total) * 100);
	const floors = exact.map(Math.floor);
	let missing = 100 - floors.reduce((a, b) => a + b, 0);
	const order = exact
		.map((e, i) => ({ i, rest: e - Math.floor(e) }))
		.sort((a, b) => b.rest - a.rest || a.i - b.i);
	for (const { i } of order) {
		if (missing <= 0) break;
		floors[i] += 1;
		missing -= 1;
	}
	return floors;
}
