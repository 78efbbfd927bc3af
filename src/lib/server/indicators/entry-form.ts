/**
 * The entry form: for one unit and report period, every indicator due, last period's figure
 * beside each field.
 */
import { z } from 'zod';
import type { Actor } from '../access/actor';
import type { Db } from '../db';
import { notFound } from '../errors';
import { parseInput } from '../validation';
import { comparePeriods, currentReportPeriod, parseReportPeriod, periodDueIn, periodLabel, reportEndOrdinal, reportPeriodLabel, type ReportPeriod } from './periods';
import { categoriesOf, formatFigure, shownValue, type Dimension, type IndicatorDef } from './rules';
import { listIndicators } from './catalogue';
import { valueHistory } from './history';
import { enterableUnits } from './units';
import { fieldName, loadValues } from './values';
import { now as clockNow } from '../clock';

// --- The entry form ---------------------------------------------------------------------------

export const entryQuery = z.object({
	unit: z.string().uuid('Ogiltig förvaltning.').optional(),
	period: z.string().max(20).optional()
});

export interface EntryField {
	dimension: Dimension;
	category: string;
	label: string;
	name: string;
	value: number | null;
	base: number | null;
}

export interface EntryItem {
	def: IndicatorDef;
	period: string;
	periodLabel: string;
	fields: { dimension: Dimension; label: string; cells: EntryField[] }[];
	countMonth: number | null;
	note: string;
	previous: { label: string; value: number | null; period: string; text: string } | null;
}

/** The form of one unit and report period: every indicator due then, with the figures so far and the previous period's. */
export async function entryForm(db: Db, actor: Actor, input: unknown, now = clockNow()) {
	const q = parseInput(entryQuery, input);
	const units = await enterableUnits(db, actor);
	if (units.length === 0) throw notFound('Sidan');
	const unit = q.unit ? units.find((u) => u.id === q.unit) : (units.find((u) => u.kind === 'forvaltning') ?? units[0]);
	if (!unit) throw notFound('Förvaltningen');
	const report: ReportPeriod = (q.period ? parseReportPeriod(q.period) : null) ?? currentReportPeriod(now);
	const defs = await listIndicators(db);
	const due = defs.map((def) => ({ def, period: periodDueIn(def.periodType, report) }));
	const values = await loadValues(db, { unitIds: [unit.id], indicatorIds: defs.map((d) => d.id) });

	const items: EntryItem[] = [];
	for (const { def, period } of due) {
		if (!period) continue;
		const mine = values.filter((v) => v.indicatorId === def.id && v.period === period);
		const cell = (dimension: Dimension, category: string, label: string): EntryField => {
			const v = mine.find((x) => x.dimension === dimension && x.category === category);
			return { dimension, category, label, name: fieldName(def.key, dimension, category), value: v?.value ?? null, base: v?.base ?? null };
		};
		const total = mine.find((x) => x.dimension === 'total');
		const earlier = values
			.filter((v) => v.indicatorId === def.id && v.dimension === 'total' && comparePeriods(v.period, period) < 0)
			.sort((a, b) => comparePeriods(b.period, a.period))[0];
		items.push({
			def,
			period,
			periodLabel: periodLabel(period),
			fields: [
				{ dimension: 'total', label: 'Totalt', cells: [cell('total', '', 'Totalt')] },
				...def.splits.map((s) => ({ dimension: s as Dimension, label: s, cells: categoriesOf(s).map((c) => cell(s, c.value, c.label)) }))
			],
			countMonth: total?.countMonth ?? null,
			note: total?.note ?? '',
			previous: earlier ? { label: periodLabel(earlier.period), value: shownValue(def.kind, earlier), period: earlier.period, text: formatFigure(def, shownValue(def.kind, earlier)) } : null
		});
	}
	const current = currentReportPeriod(now);
	const reportOptions: string[] = [];
	for (let y = current.year; y >= 2015; y--) for (const kind of ['VB', 'T2'] as const) if (reportEndOrdinal({ kind, year: y }) <= reportEndOrdinal(current)) reportOptions.push(`${kind} ${y}`);
	if (!reportOptions.includes(reportPeriodLabel(report))) reportOptions.unshift(reportPeriodLabel(report));
	return {
		unit,
		units,
		report,
		reportLabel: reportPeriodLabel(report),
		reportOptions,
		items,
		notDue: due.filter((d) => !d.period).map((d) => d.def.name),
		history: await valueHistory(db, actor, { unitId: unit.id, limit: 15 })
	};
}
