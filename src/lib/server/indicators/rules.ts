/**
 * The rules of indicator figures, free of the database: what a figure must be, how splits must
 * add up to the total, when a jump from the previous period deserves a warning, and how the
 * city's figure follows from the förvaltningar's. Tested on their own.
 */
import {
	ACTIVITY_AREAS,
	CASEWORKER_TITLES,
	GENDERS,
	MANAGER_LEVELS,
	activityAreaLabel,
	genderLabel,
	managerLevelLabel,
	titleLabel,
	type IndicatorKind,
	type IndicatorPeriodType,
	type IndicatorSplit
} from '$lib/domain';

export interface IndicatorDef {
	id: string;
	key: string;
	name: string;
	description: string;
	kind: IndicatorKind;
	unit: string;
	numeratorLabel: string | null;
	denominatorLabel: string | null;
	periodType: IndicatorPeriodType;
	higherIsBetter: boolean;
	target: number | null;
	unitTarget: number | null;
	splits: IndicatorSplit[];
	builtin: boolean;
	active: boolean;
	sortOrder: number;
}

export type Dimension = 'total' | IndicatorSplit;

/** The categories of a split, with Swedish names. */
export function categoriesOf(split: IndicatorSplit): { value: string; label: string }[] {
	switch (split) {
		case 'title':
			return CASEWORKER_TITLES.map((v) => ({ value: v, label: titleLabel[v] }));
		case 'gender':
			return GENDERS.map((v) => ({ value: v, label: v === 'annat' ? 'Annat eller ej angivet' : genderLabel[v] }));
		case 'level':
			return MANAGER_LEVELS.map((v) => ({ value: v, label: managerLevelLabel[v] }));
		case 'area':
			return ACTIVITY_AREAS.map((v) => ({ value: v, label: activityAreaLabel[v] }));
	}
}

export const categoryLabel = (dimension: Dimension, category: string) =>
	dimension === 'total' ? 'Totalt' : (categoriesOf(dimension).find((c) => c.value === category)?.label ?? category);

/** A figure as stored: the value (a rate's numerator) and, for a rate, its denominator. */
export interface Figure {
	value: number;
	base: number | null;
}

/** The number shown: a rate as per cent, everything else as entered. Null when it cannot be computed. */
export function shownValue(kind: IndicatorKind, figure: Figure | null | undefined): number | null {
	if (!figure) return null;
	if (kind === 'rate') return figure.base && figure.base > 0 ? (figure.value / figure.base) * 100 : null;
	return figure.value;
}

/** Decimals to show: whole numbers for counts, one decimal for per cent. */
export const decimalsOf = (kind: IndicatorKind) => (kind === 'count' ? 0 : kind === 'decimal' ? 2 : 1);

/** Unit shown after a value: rates are always per cent. */
export const unitOf = (def: Pick<IndicatorDef, 'kind' | 'unit'>) => (def.kind === 'rate' || def.kind === 'percent' ? '%' : def.unit);

/** "1 konsult", not "1 konsulter": the built-in units in the singular. */
const SINGULAR: Record<string, string> = { konsulter: 'konsult', platser: 'plats', studenter: 'student', personer: 'person' };

const numberFormats = new Map<number, Intl.NumberFormat>();
/** Swedish number with the indicator's decimals and unit ("12,5 %", "88 konsulter"). */
export function formatFigure(def: Pick<IndicatorDef, 'kind' | 'unit'>, value: number | null): string {
	if (value === null || !Number.isFinite(value)) return '–';
	const d = decimalsOf(def.kind);
	let f = numberFormats.get(d);
	if (!f) numberFormats.set(d, (f = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: d, minimumFractionDigits: def.kind === 'count' ? 0 : Math.min(d, 1) })));
	const unit = value === 1 ? (SINGULAR[unitOf(def)] ?? unitOf(def)) : unitOf(def);
	return unit ? `${f.format(value)} ${unit}` : f.format(value);
}

// --- What a figure must be ---------------------------------------------------------------

const MAX_VALUE = 1e9;

/** Problems with one figure, in Swedish, or null. `what` names the field ("Totalt", "Kvinna"). */
export function figureProblem(def: Pick<IndicatorDef, 'kind' | 'numeratorLabel' | 'denominatorLabel'>, figure: { value: number | null; base: number | null }): string | null {
	const { value, base } = figure;
	if (value === null) return def.kind === 'rate' && base !== null ? `Fyll i ${lower(def.numeratorLabel ?? 'täljaren')} också.` : null;
	if (!Number.isFinite(value) || Math.abs(value) > MAX_VALUE) return 'Talet är för stort.';
	switch (def.kind) {
		case 'count':
			if (value < 0) return 'Ett antal kan inte vara negativt.';
			if (!Number.isInteger(value)) return 'Ett antal ska vara ett heltal, till exempel 12.';
			return null;
		case 'percent':
			if (value < 0 || value > 100) return 'Procent ska vara mellan 0 och 100.';
			return null;
		case 'rate':
			if (value < 0) return `${def.numeratorLabel ?? 'Täljaren'} kan inte vara negativ.`;
			if (base === null) return `Fyll i ${lower(def.denominatorLabel ?? 'nämnaren')} också.`;
			if (!Number.isFinite(base) || base > MAX_VALUE) return 'Talet är för stort.';
			if (base <= 0) return `${def.denominatorLabel ?? 'Nämnaren'} måste vara större än 0.`;
			return null;
		case 'decimal':
			return null;
	}
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The cells of one indicator for one unit and period, as entered: key "dimension:category". */
export type Cells = Map<string, { value: number | null; base: number | null }>;
export const cellKey = (dimension: Dimension, category = '') => `${dimension}:${category}`;

/**
 * Splits must agree with the total (counts and rates, where parts add up): a split with every
 * category filled in must sum to the total, a partly filled split must not exceed it, and no
 * split may be filled in without the total. Returns Swedish messages per cell key.
 */
export function splitProblems(def: Pick<IndicatorDef, 'kind' | 'splits' | 'numeratorLabel' | 'denominatorLabel'>, cells: Cells): Record<string, string> {
	const problems: Record<string, string> = {};
	const total = cells.get(cellKey('total'));
	for (const dimension of def.splits) {
		const parts = categoriesOf(dimension).map((c) => ({ key: cellKey(dimension, c.value), cell: cells.get(cellKey(dimension, c.value)) }));
		const filled = parts.filter((p) => p.cell && p.cell.value !== null);
		if (filled.length === 0) continue;
		const first = filled[0].key;
		if (!total || total.value === null) {
			problems[cellKey('total')] ??= 'Fyll i totalen när du fyller i en fördelning.';
			continue;
		}
		if (def.kind !== 'count' && def.kind !== 'rate') continue;
		const complete = filled.length === parts.length;
		const label = dimensionNoun[dimension];
		const sum = filled.reduce((s, p) => s + (p.cell!.value ?? 0), 0);
		const numberWord = def.kind === 'rate' ? lower(def.numeratorLabel ?? 'täljaren') : 'summan';
		if (complete && !near(sum, total.value)) {
			problems[first] ??= `Fördelningen per ${label} blir ${fmt(sum)} men totalen är ${fmt(total.value)}: ${numberWord} måste stämma.`;
		} else if (!complete && sum > total.value + 1e-9) {
			problems[first] ??= `Fördelningen per ${label} blir ${fmt(sum)}, mer än totalen ${fmt(total.value)}.`;
		}
		if (def.kind === 'rate' && total.base !== null) {
			const baseSum = filled.reduce((s, p) => s + (p.cell!.base ?? 0), 0);
			const denominator = lower(def.denominatorLabel ?? 'nämnaren');
			if (complete && !near(baseSum, total.base)) {
				problems[first] ??= `Fördelningen per ${label} ger ${denominator} ${fmt(baseSum)} men totalen är ${fmt(total.base)}.`;
			} else if (!complete && baseSum > total.base + 1e-9) {
				problems[first] ??= `Fördelningen per ${label} ger ${denominator} ${fmt(baseSum)}, mer än totalen ${fmt(total.base)}.`;
			}
		}
	}
	return problems;
}

const dimensionNoun: Record<IndicatorSplit, string> = { title: 'yrkestitel', gender: 'kön', level: 'chefsnivå', area: 'verksamhetsområde' };
const near = (a: number, b: number) => Math.abs(a - b) < 0.0005;
const fmt = (v: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3 }).format(v);

// --- Implausible jumps ----------------------------------------------------------------------

/**
 * A warning when a figure moves implausibly far from the previous period's: at least half
 * again or half down, and more than a small absolute change (5 for counts, 5 percentage
 * points for per cent), so small numbers moving by one or two do not warn. Also when a figure
 * that was above zero drops to exactly zero. Shown values (a rate in per cent) are compared.
 */
export function jumpWarning(
	def: Pick<IndicatorDef, 'kind' | 'unit'>,
	previous: { value: number | null; label: string } | null,
	current: number | null
): string | null {
	if (!previous || previous.value === null || current === null) return null;
	const prev = previous.value;
	const change = current - prev;
	if (prev > 0 && current === 0) {
		return `Värdet har gått från ${formatFigure(def, prev)} (${previous.label}) till 0. Stämmer det?`;
	}
	const minAbsolute = def.kind === 'decimal' ? 0 : 5;
	if (Math.abs(change) < minAbsolute) return null;
	const relative = prev === 0 ? Infinity : Math.abs(change) / Math.abs(prev);
	if (relative < 0.5) return null;
	const direction = change > 0 ? 'högre' : 'lägre';
	const howMuch = prev === 0 ? '' : ` ${Math.round(relative * 100)} %`;
	return `Värdet är${howMuch} ${direction} än förra perioden (${previous.label}: ${formatFigure(def, prev)}). Stämmer det?`;
}

// --- The city's figure ---------------------------------------------------------------------

export interface CityFigure {
	/** The shown value (per cent for rates), or null. */
	value: number | null;
	/**
	 * reported: entered for the whole city · sum: the förvaltningar's counts added up · pooled: a
	 * rate from the added numerators and denominators · mean: the unweighted mean of the
	 * förvaltningar's per cent (nothing to weight with) · none.
	 */
	source: 'reported' | 'sum' | 'pooled' | 'mean' | 'none';
	/** How many förvaltningar have a figure, of how many. */
	reporting: number;
	of: number;
}

/**
 * The city's figure: a figure entered for the kommun itself wins (the city's own statistics,
 * e.g. Tabell 1 of the 2021 report); otherwise it follows from the förvaltningar's figures.
 */
export function cityFigure(kind: IndicatorKind, cityEntry: Figure | null, forvaltningar: (Figure | null)[]): CityFigure {
	const present = forvaltningar.filter((f): f is Figure => f !== null);
	const base = { reporting: present.length, of: forvaltningar.length };
	if (cityEntry) return { value: shownValue(kind, cityEntry), source: 'reported', ...base };
	if (present.length === 0) return { value: null, source: 'none', ...base };
	switch (kind) {
		case 'count':
			return { value: present.reduce((s, f) => s + f.value, 0), source: 'sum', ...base };
		case 'rate': {
			const num = present.reduce((s, f) => s + f.value, 0);
			const den = present.reduce((s, f) => s + (f.base ?? 0), 0);
			return { value: den > 0 ? (num / den) * 100 : null, source: 'pooled', ...base };
		}
		case 'percent':
		case 'decimal':
			return { value: present.reduce((s, f) => s + f.value, 0) / present.length, source: 'mean', ...base };
	}
}

/**
 * When a city figure is built from only some förvaltningar (not entered for the whole city), the
 * words that say so: "7 av 14 förvaltningar har rapporterat"; null when it is whole. A partial
 * sum is never presented as the total.
 */
export function partialText(figure: CityFigure): string | null {
	if (figure.source === 'reported' || figure.value === null || figure.reporting >= figure.of) return null;
	return `${figure.reporting} av ${figure.of} förvaltningar har rapporterat`;
}

export const citySourceText: Record<CityFigure['source'], string> = {
	reported: 'rapporterat för hela staden',
	sum: 'summan av förvaltningarna',
	pooled: 'beräknat på förvaltningarnas sammanlagda antal',
	mean: 'oviktat medelvärde av förvaltningarna',
	none: 'uppgift saknas'
};

/** Whether a value meets the target, given which direction is better. */
export function meetsTarget(higherIsBetter: boolean, value: number | null, target: number | null): boolean | null {
	if (value === null || target === null) return null;
	return higherIsBetter ? value >= target : value <= target;
}

// --- Reading numbers ---------------------------------------------------------------------

/**
 * A number as Swedes write it: decimal comma or point, spaces (also non-breaking) as thousands
 * separators, an optional trailing "%". Empty → null; unreadable → NaN.
 */
export function parseSwedishNumber(text: string | number | null | undefined): number | null {
	if (text === null || text === undefined) return null;
	if (typeof text === 'number') return Number.isFinite(text) ? text : NaN;
	const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(/\u2212/g, '-');
	if (t === '') return null;
	if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(t)) return NaN;
	return Number(t.replace(',', '.'));
}
