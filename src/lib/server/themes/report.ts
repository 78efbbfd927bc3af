/**
 * The themes part of a report: the disclosed counts of this round and the previous one, with
 * each theme's share of the respondents and its change. Works on figures the anonymity module
 * has let out only (discloseThemeCounts); a change needs both rounds shown, as in change.ts.
 */
import type { DisclosedCell } from '../anonymity';
import type { RawThemeCount } from './store';
import { THEME_INFO, THEMES, type Theme } from './themes';

export interface ThemeRow {
	theme: Theme;
	label: string;
	/** Respondents who wrote about the theme in any text. */
	wrote: number;
	/** Of the cell's respondents, in per cent (one decimal). */
	share: number;
	/** By the band of the score on the statement they wrote it under; null where withheld (rule 5). */
	low: number | null;
	middle: number | null;
	high: number | null;
	/** Wrote about it under "Vad fungerar bra?". */
	positive: number;
	/** The same share in the previous closed round, where that round's cell is shown. */
	previousShare: number | null;
	/** Percentage points since then; null when either round is hidden. */
	change: number | null;
}

export type ThemeCounts = Omit<RawThemeCount, 'low' | 'middle' | 'high'> & { low: number | null; middle: number | null; high: number | null };

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);

export function themeRows(
	now: DisclosedCell<ThemeCounts[]>,
	before: DisclosedCell<ThemeCounts[]> | null
): DisclosedCell<ThemeRow[]> {
	if (!now.shown) return now;
	const earlier = before?.shown ? new Map(before.figures.map((c) => [c.theme, percent(c.wrote, before.n)])) : null;
	const rows = now.figures.map((c): ThemeRow => {
		const share = percent(c.wrote, now.n);
		const previousShare = earlier?.get(c.theme) ?? null;
		return {
			theme: c.theme,
			label: THEME_INFO[c.theme].label,
			wrote: c.wrote,
			share,
			low: c.low,
			middle: c.middle,
			high: c.high,
			positive: c.positive,
			previousShare,
			change: previousShare === null ? null : Math.round(10 * (share - previousShare)) / 10
		};
	});
	// Most written about first; the plan's order among equals.
	rows.sort((a, b) => b.wrote - a.wrote || THEMES.indexOf(a.theme) - THEMES.indexOf(b.theme));
	return { ...now, figures: rows };
}
