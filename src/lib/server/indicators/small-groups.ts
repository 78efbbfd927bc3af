/**
 * Splits of indicator figures by title, gender, manager level or verksamhetsområde are about
 * small groups of people: personalrörlighet for gender "annat" with an average headcount of 1 says
 * whether that one person left, and sjukfrånvaro for them is health data. A split is therefore
 * shown (upward, on the indicator page and its API) only when every group in it is empty or has at
 * least ANONYMITY_MIN_GROUP people — the same limit as the survey (decision 0006).
 *
 * Why not the anonymity module: it decides over sets of people (who is in which cell, round after
 * round). These figures are entered as numbers, with no people behind them in the database, so
 * there is nothing for it to reason about; giving it invented people would promise a protection
 * it cannot check. The rule here is the module's minimum group with its block argument for
 * the one way these numbers combine: a total and its categories.
 *
 * - The group of a figure: a rate's denominator (headcount), a count's value (people, places or
 *   assignments: the app cannot tell, so all counts are treated as people). A per cent or decimal
 *   figure (sjukfrånvaro) does not say how many people it is about, so its splits are not shown.
 * - Hidden together: one category hidden beside a total and the other categories could be
 *   computed from them, so a split is shown whole or not at all, and the part of the total no
 *   category covers (a partial split) is a group too.
 * - The city: its split is shown only when every förvaltning's split of that period may be shown,
 *   and, where the city's own figure is entered, what it has beyond the förvaltningar is a group
 *   too. Otherwise the city minus the förvaltningar shown would give the one hidden.
 * Totals are not split figures: a förvaltning's or the city's total is about all its social
 * workers and is reported to the nämnd as it is.
 */
import type { IndicatorKind } from '$lib/domain';

export interface SplitFigure {
	value: number;
	base: number | null;
}

/** How many people a figure is about, or null when it does not say. */
export function groupSize(kind: IndicatorKind, figure: SplitFigure): number | null {
	switch (kind) {
		case 'rate':
			return figure.base;
		case 'count':
			return figure.value;
		case 'percent':
		case 'decimal':
			return null;
	}
}

const safe = (size: number, minGroup: number) => size <= 0 || size >= minGroup;

/**
 * Whether one unit's split of one period may be shown: every category entered, and the rest of
 * the total, is empty or a group of at least `minGroup`.
 */
export function splitMayBeShown(kind: IndicatorKind, total: SplitFigure | null, categories: (SplitFigure | null)[], minGroup: number): boolean {
	const entered = categories.filter((c): c is SplitFigure => c !== null);
	if (entered.length === 0) return true;
	const sizes = entered.map((c) => groupSize(kind, c));
	if (sizes.some((s) => s === null)) return false;
	const known = sizes as number[];
	if (!known.every((s) => safe(s, minGroup))) return false;
	if (total === null) return true;
	const totalSize = groupSize(kind, total);
	if (totalSize === null) return false;
	return safe(totalSize - known.reduce((a, b) => a + b, 0), minGroup);
}

/**
 * Whether the city's split of one period may be shown: its own figures (entered for the city, or
 * pooled from the förvaltningar) pass, every förvaltning with figures of the split passes, and the
 * city's own entry leaves no small group beyond the förvaltningar in any category.
 */
export function citySplitMayBeShown(
	kind: IndicatorKind,
	city: { total: SplitFigure | null; categories: (SplitFigure | null)[]; own: boolean },
	forvaltningar: { total: SplitFigure | null; categories: (SplitFigure | null)[] }[],
	minGroup: number
): boolean {
	if (!splitMayBeShown(kind, city.total, city.categories, minGroup)) return false;
	if (!forvaltningar.every((f) => splitMayBeShown(kind, f.total, f.categories, minGroup))) return false;
	if (!city.own) return true;
	return city.categories.every((c, i) => {
		if (c === null) return true;
		const own = groupSize(kind, c);
		if (own === null) return false;
		const covered = forvaltningar.reduce((sum, f) => sum + (f.categories[i] ? (groupSize(kind, f.categories[i]!) ?? 0) : 0), 0);
		return safe(own - covered, minGroup);
	});
}
