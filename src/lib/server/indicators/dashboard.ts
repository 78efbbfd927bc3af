/**
 * Dashboards of indicators: the city or one förvaltning over the years, with targets, the
 * split by title or gender, the comparison between förvaltningar, and the pulse survey's
 * results beside them. The survey figures come only from `buildReport` (reports/service.ts),
 * so they pass the same anonymity rule as every other view.
 */
import { scaleLinear } from 'd3-scale';
import { z } from 'zod';
import { STATEMENTS, statementText, type IndicatorSplit } from '$lib/domain';
import type { Actor } from '../access/actor';
import { aggregateScopes, canEnterIndicators, canReadIndicators, within } from '../access/policy';
import type { Db } from '../db';
import { env } from '../env';
import { DomainError, notFound } from '../errors';
import { buildReport } from '../reports/service';
import { parseInput } from '../validation';
import { comparePeriods, countDayRowLabel, periodOrdinal, periodsBetween, periodYear, periodLabel } from './periods';
import { categoriesOf, categoryLabel, cityFigure, citySourceText, decimalsOf, formatFigure, meetsTarget, partialText, shownValue, unitOf, type CityFigure, type Dimension, type IndicatorDef } from './rules';
import { citySplitMayBeShown, splitMayBeShown } from './small-groups';
import { forvaltningarOf, getIndicator, kommunOf, listIndicators, loadValues, readableUnits, valueHistory, type ReportingUnit, type ValueRow } from './service';

export const dashboardQuery = z.object({
	unit: z.string().uuid('Ogiltig förvaltning.').optional()
});

export interface Series {
	name: string;
	values: (number | null)[];
	/** Per value: why it is incomplete ("7 av 14 förvaltningar har rapporterat"), or null. */
	partial?: (string | null)[];
}

export interface PanelDef {
	key: string;
	name: string;
	description: string;
	unit: string;
	kind: IndicatorDef['kind'];
	decimals: number;
	higherIsBetter: boolean;
	periodType: IndicatorDef['periodType'];
}

export interface Panel {
	def: PanelDef;
	periods: string[];
	categories: string[];
	series: Series[];
	target: number | null;
	yMax: number;
	latest: {
		label: string;
		text: string;
		meets: boolean | null;
		previousText: string | null;
		previousLabel: string | null;
		note: string | null;
		/** The latest figure is a partial sum: how many förvaltningar reported. */
		partial: string | null;
	} | null;
}

/** Everything of one indicator for a set of units: values indexed by unit, period and split. */
class ValueIndex {
	private map = new Map<string, ValueRow>();
	constructor(rows: ValueRow[]) {
		for (const r of rows) this.map.set(`${r.orgUnitId}|${r.period}|${r.dimension}|${r.category}`, r);
	}
	get(unitId: string, period: string, dimension: Dimension = 'total', category = '') {
		return this.map.get(`${unitId}|${period}|${dimension}|${category}`) ?? null;
	}
	periods(): string[] {
		return [...new Set([...this.map.values()].map((r) => r.period))].sort(comparePeriods);
	}
}

interface Context {
	unit: ReportingUnit;
	kommun: ReportingUnit | null;
	forvaltningar: ReportingUnit[];
}

/** The shown figure of a unit (a kommun: its own figure or the one that follows from its förvaltningar). */
function figureOf(def: IndicatorDef, index: ValueIndex, ctx: Context, unit: ReportingUnit, period: string, dimension: Dimension = 'total', category = ''): CityFigure {
	if (unit.kind === 'forvaltning') {
		const own = index.get(unit.id, period, dimension, category);
		return { value: shownValue(def.kind, own), source: own ? 'reported' : 'none', reporting: own ? 1 : 0, of: 1 };
	}
	const forvaltningar = ctx.forvaltningar.filter((f) => f.path.startsWith(unit.path));
	return cityFigure(def.kind, index.get(unit.id, period, dimension, category), forvaltningar.map((f) => index.get(f.id, period, dimension, category)));
}

const panelDef = (def: IndicatorDef): PanelDef => ({
	key: def.key,
	name: def.name,
	description: def.description,
	unit: unitOf(def),
	kind: def.kind,
	decimals: decimalsOf(def.kind),
	higherIsBetter: def.higherIsBetter,
	periodType: def.periodType
});

/** Periods from the first with a figure to the last (or `until`), without gaps. */
function periodAxis(def: IndicatorDef, index: ValueIndex, until?: number): string[] {
	const have = index.periods().filter((p) => until === undefined || periodOrdinal(p) <= until);
	if (have.length === 0) return [];
	return periodsBetween(def.periodType, periodYear(have[0]), periodYear(have[have.length - 1])).filter(
		(p) => periodOrdinal(p) >= periodOrdinal(have[0]) && periodOrdinal(p) <= periodOrdinal(have[have.length - 1])
	);
}

function niceMax(values: (number | null)[], target: number | null, kind: IndicatorDef['kind']): number {
	const max = Math.max(0, ...values.filter((v): v is number => v !== null), target ?? 0);
	if (kind === 'percent' || kind === 'rate') return Math.max(5, Math.ceil((max * 1.15) / 5) * 5);
	if (max <= 10) return 10;
	return scaleLinear().domain([0, max * 1.08]).nice(6).domain()[1];
}

/** Periods on an overview: the last three years of a yearly figure's worth (12 points at most). */
export const OVERVIEW_PERIODS = 12;

function buildPanel(def: IndicatorDef, index: ValueIndex, ctx: Context, until?: number, maxPeriods?: number): Panel {
	const all = periodAxis(def, index, until);
	const periods = maxPeriods ? all.slice(-maxPeriods) : all;
	const own = periods.map((p) => figureOf(def, index, ctx, ctx.unit, p));
	const series: Series[] = [{ name: ctx.unit.kind === 'kommun' ? `Hela ${ctx.unit.name}` : ctx.unit.name, values: own.map((f) => f.value), partial: own.map(partialText) }];
	if (ctx.unit.kind === 'forvaltning' && ctx.kommun) {
		const city = periods.map((p) => figureOf(def, index, ctx, ctx.kommun!, p));
		if (city.some((f) => f.value !== null)) series.push({ name: `Hela ${ctx.kommun.name}`, values: city.map((f) => f.value), partial: city.map(partialText) });
	}
	const target = ctx.unit.kind === 'kommun' ? def.target : def.unitTarget;
	const lastIndex = own.map((f) => f.value).findLastIndex((v) => v !== null);
	let latest: Panel['latest'] = null;
	if (lastIndex >= 0) {
		const f = own[lastIndex];
		const prevIndex = own
			.slice(0, lastIndex)
			.map((x) => x.value)
			.findLastIndex((v) => v !== null);
		latest = {
			label: periodLabel(periods[lastIndex]),
			text: formatFigure(def, f.value),
			// A partial sum is not measured against the target: it is not the whole figure.
			meets: partialText(f) ? null : meetsTarget(def.higherIsBetter, f.value, target),
			previousText: prevIndex >= 0 ? formatFigure(def, own[prevIndex].value) : null,
			previousLabel: prevIndex >= 0 ? periodLabel(periods[prevIndex]) : null,
			note: ctx.unit.kind === 'kommun' && f.source !== 'reported' ? citySourceText[f.source] : null,
			partial: partialText(f)
		};
	}
	return {
		def: panelDef(def),
		periods,
		categories: periods.map(periodLabel),
		series,
		target,
		yMax: niceMax(series.flatMap((s) => s.values), target, def.kind),
		latest
	};
}

async function contextFor(db: Db, actor: Actor, unitId: string | undefined) {
	const units = await readableUnits(db, actor);
	if (units.length === 0) throw notFound('Sidan');
	// By default the actor's own: the city for the central steering group, the förvaltning for its styrgrupp.
	const scopes = aggregateScopes(actor);
	const unit = unitId ? units.find((u) => u.id === unitId) : (units.find((u) => within(u.path, scopes)) ?? units[units.length - 1]);
	if (!unit) throw notFound('Förvaltningen');
	const kommun = await kommunOf(db, unit);
	const forvaltningar = kommun ? await forvaltningarOf(db, kommun) : unit.kind === 'forvaltning' ? [unit] : [];
	return { units, ctx: { unit, kommun, forvaltningar } satisfies Context };
}

async function valuesFor(db: Db, ctx: Context, indicatorIds: string[], totalsOnly: boolean) {
	const unitIds = [...new Set([ctx.unit.id, ...(ctx.kommun ? [ctx.kommun.id] : []), ...ctx.forvaltningar.map((f) => f.id)])];
	return loadValues(db, { unitIds, indicatorIds, totalsOnly });
}

export interface PulsePanel {
	unitName: string;
	categories: string[];
	series: Series[];
	responseRate: Series[];
	minGroup: number;
	hiddenCount: number;
}

/**
 * The pulse survey's trend for the unit, through buildReport and so through the anonymity rule:
 * only disclosed cells give a value. Null when the actor may not see the unit's survey results.
 */
export async function pulseFor(db: Db, actor: Actor, unitId: string, untilOrdinal?: number): Promise<PulsePanel | null> {
	let report;
	try {
		report = await buildReport(db, actor, { unit: unitId });
	} catch (e) {
		if (e instanceof DomainError && e.kind === 'not_found') return null;
		throw e;
	}
	const trend = untilOrdinal === undefined ? report.trend : report.trend.filter((t) => roundOrdinal(t.roundName) <= untilOrdinal);
	return {
		unitName: report.unit.name,
		categories: trend.map((t) => t.roundName),
		series: STATEMENTS.map((s) => ({ name: statementText[s], values: trend.map((t) => (t.cell.shown ? t.cell.figures.statements[s].mean : null)) })),
		responseRate: [{ name: 'Svarsfrekvens', values: trend.map((t) => (t.cell.shown && t.cell.figures.responseRate !== null ? Math.round(t.cell.figures.responseRate * 100) : null)) }],
		minGroup: report.rules.minGroup,
		hiddenCount: trend.filter((t) => !t.cell.shown).length
	};
}

/** "T2 2019" → its place in time, to keep the survey trend to a report's period. */
function roundOrdinal(name: string): number {
	const m = /^(T1|T2|VB)\s+(\d{4})$/.exec(name);
	if (!m) return 0;
	return Number(m[2]) * 100 + (m[1] === 'T1' ? 4 : m[1] === 'T2' ? 8 : 12);
}

/** The dashboard of a unit (default: the first the actor may read, the city for the central steering group). */
export async function indicatorDashboard(db: Db, actor: Actor, input: unknown) {
	const q = parseInput(dashboardQuery, input);
	const { units, ctx } = await contextFor(db, actor, q.unit);
	const defs = await listIndicators(db);
	const values = await valuesFor(db, ctx, defs.map((d) => d.id), true);
	const panels = defs.map((def) => buildPanel(def, new ValueIndex(values.filter((v) => v.indicatorId === def.id)), ctx, undefined, OVERVIEW_PERIODS));
	return {
		unit: ctx.unit,
		kommun: ctx.kommun,
		units,
		panels,
		pulse: await pulseFor(db, actor, ctx.unit.id)
	};
}

export interface ComparisonRow {
	unit: { id: string; name: string };
	values: (number | null)[];
	texts: string[];
	meets: boolean | null;
}

export interface CountDayRow {
	year: number;
	label: string;
	april: string;
	november: string;
}

/** One indicator for a unit: the total, its splits, the förvaltningar side by side, the history. */
export async function indicatorDetail(db: Db, actor: Actor, key: string, input: unknown) {
	const q = parseInput(dashboardQuery, input);
	const def = await getIndicator(db, key);
	const { units, ctx } = await contextFor(db, actor, q.unit);
	const values = await valuesFor(db, ctx, [def.id], false);
	const index = new ValueIndex(values);
	const panel = buildPanel(def, index, ctx);

	// A split is shown whole or not at all, and only when no group in it is small (small-groups.ts).
	const minGroup = env().ANONYMITY_MIN_GROUP;
	const splits = def.splits.map((split) => {
		const categories = categoriesOf(split);
		const shown = panel.periods.map((p) => splitShown(def, index, ctx, ctx.unit, p, split, minGroup));
		const series = categories.map((c) => ({ name: c.label, values: panel.periods.map((p, i) => (shown[i] ? figureOf(def, index, ctx, ctx.unit, p, split, c.value).value : null)) }));
		const hiddenPeriods = panel.periods.filter((p, i) => !shown[i] && categories.some((c) => figureOf(def, index, ctx, ctx.unit, p, split, c.value).value !== null)).map(periodLabel);
		return { split, series: series.filter((s) => s.values.some((v) => v !== null)), yMax: niceMax(series.flatMap((s) => s.values), null, def.kind), hiddenPeriods };
	});

	// Förvaltningar side by side: those in the actor's scopes (the central steering group sees all).
	let comparison: { periods: string[]; labels: string[]; rows: ComparisonRow[]; latestLabel: string | null } | null = null;
	if (ctx.unit.kind === 'kommun') {
		const scopes = aggregateScopes(actor);
		const visible = ctx.forvaltningar.filter((f) => f.path.startsWith(ctx.unit.path) && within(f.path, scopes) && canReadIndicators(actor, f.path));
		const recent = panel.periods.filter((p) => visible.some((f) => index.get(f.id, p))).slice(-4);
		if (visible.length > 1 && recent.length > 0) {
			comparison = {
				periods: recent,
				labels: recent.map(periodLabel),
				latestLabel: periodLabel(recent[recent.length - 1]),
				rows: visible.map((f) => {
					const vs = recent.map((p) => shownValue(def.kind, index.get(f.id, p)));
					return { unit: { id: f.id, name: f.name }, values: vs, texts: vs.map((v) => formatFigure(def, v)), meets: meetsTarget(def.higherIsBetter, vs[vs.length - 1], def.unitTarget) };
				})
			};
		}
	}

	let countDays: CountDayRow[] | null = null;
	if (def.periodType === 'count_day' && panel.periods.length > 0) {
		const years = [...new Set(panel.periods.map(periodYear))];
		countDays = years.map((year) => {
			const cell = (suffix: '04' | '11') => {
				const period = `${year}-${suffix}`;
				const figure = figureOf(def, index, ctx, ctx.unit, period);
				return { text: figure.value === null ? '' : formatFigure({ kind: def.kind, unit: '' }, figure.value), month: countMonthOf(index, ctx, ctx.unit, period) };
			};
			const april = cell('04');
			const november = cell('11');
			return { year, label: countDayRowLabel(year, { april: april.month, november: november.month }), april: april.text, november: november.text };
		});
	}

	return {
		def: panelDef(def),
		target: panel.target,
		unitTarget: def.unitTarget,
		unit: ctx.unit,
		units,
		panel,
		splits: splits.map((s) => ({ ...s, label: s.split })),
		comparison,
		countDays,
		minGroup,
		// Changes of split figures only for those who enter them (they have the figures anyway): the
		// old and new values of a small group would show what the split hides.
		history: (await valueHistory(db, actor, { unitId: ctx.unit.id, indicatorId: def.id, limit: 20, totalsOnly: !canEnterIndicators(actor, ctx.unit.path) })).map((h) => ({
			...h,
			split: categoryLabel(h.dimension, h.category),
			oldText: h.oldValue === null ? '–' : formatFigure(def, shownValue(def.kind, { value: h.oldValue, base: h.oldBase })),
			newText: h.newValue === null ? 'borttaget' : formatFigure(def, shownValue(def.kind, { value: h.newValue, base: h.newBase }))
		}))
	};
}

/** Whether a unit's split of one period may be shown (see small-groups.ts). */
function splitShown(def: IndicatorDef, index: ValueIndex, ctx: Context, unit: ReportingUnit, period: string, split: IndicatorSplit, minGroup: number): boolean {
	const categories = categoriesOf(split);
	const of = (u: ReportingUnit) => ({ total: index.get(u.id, period), categories: categories.map((c) => index.get(u.id, period, split, c.value)) });
	if (unit.kind !== 'kommun') {
		const own = of(unit);
		return splitMayBeShown(def.kind, own.total, own.categories, minGroup);
	}
	const forvaltningar = ctx.forvaltningar.filter((f) => f.path.startsWith(unit.path)).map(of);
	const own = of(unit);
	const ownEntered = own.categories.some((c) => c !== null);
	// Without its own entry the city's split is the förvaltningar's added up (as figureOf does).
	const pooled = (i: number) => {
		const present = forvaltningar.map((f) => f.categories[i]).filter((c): c is ValueRow => c !== null);
		return present.length === 0 ? null : { value: present.reduce((a, c) => a + c.value, 0), base: present.reduce((a, c) => a + (c.base ?? 0), 0) };
	};
	const city = ownEntered ? { ...own, own: true } : { total: null, categories: categories.map((_, i) => pooled(i)), own: false };
	return citySplitMayBeShown(def.kind, city, forvaltningar, minGroup);
}

/** The month a count was made when it was moved: the unit's own, or the one all its förvaltningar share. */
function countMonthOf(index: ValueIndex, ctx: Context, unit: ReportingUnit, period: string): number | null {
	const own = index.get(unit.id, period);
	if (own) return own.countMonth ?? null;
	if (unit.kind !== 'kommun') return null;
	const months = ctx.forvaltningar.map((f) => index.get(f.id, period)).filter((v): v is ValueRow => v !== null).map((v) => v.countMonth ?? null);
	return months.length > 0 && months.every((m) => m !== null && m === months[0]) ? months[0] : null;
}

export { buildPanel, ValueIndex, figureOf, type Context as DashboardContext };
