/**
 * A period's figures: reading them, saving what a person entered (checked, with warnings for
 * implausible jumps) and writing imported ones, every change kept in the history.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { indicatorValueHistory, indicatorValues } from '../db/schema';
import { INDICATOR_SPLITS } from '$lib/domain';
import { invalid, notFound } from '../errors';
import { checkbox, parseInput } from '../validation';
import { comparePeriods, isPeriodOf, parseMonth, parsePeriod, parseReportPeriod, periodDueIn, periodLabel, reportPeriodLabel } from './periods';
import { categoriesOf, cellKey, figureProblem, jumpWarning, parseSwedishNumber, shownValue, splitProblems, type Cells, type Dimension, type IndicatorDef } from './rules';
import { listIndicators } from './catalogue';
import { enterableUnits } from './units';
import { now as clockNow } from '../clock';

export type ValueRow = typeof indicatorValues.$inferSelect;
/** Where a change came from, kept in the history. */
/** 'computed': counted from the enheter's own registrations (introductions, placements; decision 0020). */
export type ChangeSource = 'form' | 'import' | 'api' | 'seed' | 'computed';

// --- Values -----------------------------------------------------------------------------------

export async function loadValues(db: Db, filter: { indicatorIds?: string[]; unitIds: string[]; periods?: string[]; totalsOnly?: boolean }): Promise<ValueRow[]> {
	if (filter.unitIds.length === 0 || filter.indicatorIds?.length === 0 || filter.periods?.length === 0) return [];
	return db
		.select()
		.from(indicatorValues)
		.where(
			and(
				inArray(indicatorValues.orgUnitId, filter.unitIds),
				filter.indicatorIds ? inArray(indicatorValues.indicatorId, filter.indicatorIds) : undefined,
				filter.periods ? inArray(indicatorValues.period, filter.periods) : undefined,
				filter.totalsOnly ? eq(indicatorValues.dimension, 'total') : undefined
			)
		);
}

/** Name of a form field of a figure: "turnover.total", "turnover.title.socialsekreterare". */
export const fieldName = (key: string, dimension: Dimension, category = '') => [key, dimension, category].filter(Boolean).join('.');

export interface Entry {
	indicator: string;
	period?: string;
	dimension: Dimension;
	category: string;
	value: string | number | null;
	base?: string | number | null;
	countMonth?: string | number | null;
	note?: string | null;
}

const entryInput = z.object({
	indicator: z.string().min(1).max(80),
	period: z.string().max(40).optional(),
	dimension: z.enum(['total', ...INDICATOR_SPLITS]).default('total'),
	category: z.string().max(60).default(''),
	value: z.union([z.string().max(40), z.number(), z.null()]).default(null),
	base: z.union([z.string().max(40), z.number(), z.null()]).optional(),
	countMonth: z.union([z.string().max(20), z.number(), z.null()]).optional(),
	note: z.string().max(500, 'Kommentaren får vara högst 500 tecken.').nullable().optional()
});

export const entriesInput = z.object({
	unit: z.string({ error: 'Välj förvaltning.' }).uuid('Välj förvaltning.'),
	period: z.string({ error: 'Välj period.' }).min(1, 'Välj period.'),
	confirm: checkbox.optional().default(false),
	entries: z.array(entryInput).max(2000, 'För många värden på en gång.')
});

export interface SaveResult {
	saved: number;
	/** Warnings about implausible jumps, per field name. */
	warnings: Record<string, string>;
	/** True when nothing was saved because warnings need confirming first. */
	needsConfirmation: boolean;
}

interface Planned {
	def: IndicatorDef;
	period: string;
	dimension: Dimension;
	category: string;
	value: number | null;
	base: number | null;
	countMonth: number | null;
	note: string | null;
	field: string;
}

/**
 * Saves figures for one unit and report period (the form, or the API). An entry with an empty
 * value removes that figure. Splits must agree with their total; implausible jumps from the
 * previous period are returned as warnings and nothing is saved until `confirm` is set.
 */
export async function saveEntries(db: Db, actor: Actor, input: unknown, source: ChangeSource = 'form'): Promise<SaveResult> {
	const q = parseInput(entriesInput, input);
	const unit = (await enterableUnits(db, actor)).find((u) => u.id === q.unit);
	if (!unit) throw notFound('Förvaltningen');
	const report = parseReportPeriod(q.period);
	if (!report) throw invalid('Ett fält behöver rättas.', { period: 'Välj en period, till exempel T2 2025.' });
	const defs = new Map((await listIndicators(db, { includeInactive: true })).map((d) => [d.key, d]));

	const errors: Record<string, string> = {};
	const planned: Planned[] = [];
	for (const e of q.entries) {
		const def = defs.get(e.indicator);
		const field = def ? fieldName(def.key, e.dimension, e.category) : e.indicator;
		if (!def || !def.active) {
			errors[field] = 'Okänd indikator.';
			continue;
		}
		if (e.dimension !== 'total' && (!def.splits.includes(e.dimension) || !categoriesOf(e.dimension).some((c) => c.value === e.category))) {
			errors[field] = 'Den fördelningen finns inte för indikatorn.';
			continue;
		}
		const period = e.period ? (isPeriodOf(def.periodType, e.period) ? e.period : parsePeriod(def.periodType, e.period)) : periodDueIn(def.periodType, report);
		if (!period) {
			errors[field] = e.period ? `Perioden ”${e.period}” passar inte indikatorn.` : `${def.name} rapporteras inte vid ${reportPeriodLabel(report)}.`;
			continue;
		}
		const value = parseSwedishNumber(e.value);
		const base = def.kind === 'rate' ? parseSwedishNumber(e.base ?? null) : null;
		if (Number.isNaN(value)) {
			errors[field] = 'Skriv ett tal, till exempel 12 eller 4,5.';
			continue;
		}
		if (Number.isNaN(base)) {
			errors[`${field}.base`] = 'Skriv ett tal, till exempel 45 eller 45,5.';
			continue;
		}
		const problem = figureProblem(def, { value, base });
		if (problem) {
			errors[value === null || def.kind !== 'rate' || base !== null ? field : `${field}.base`] = problem;
			continue;
		}
		let countMonth: number | null = null;
		if (e.dimension === 'total' && def.periodType === 'count_day' && e.countMonth !== undefined && e.countMonth !== null && e.countMonth !== '') {
			countMonth = parseMonth(String(e.countMonth));
			if (countMonth === null) {
				errors[`${def.key}.countMonth`] = 'Välj en månad.';
				continue;
			}
		}
		planned.push({ def, period, dimension: e.dimension, category: e.dimension === 'total' ? '' : e.category, value, base: value === null ? null : base, countMonth, note: e.note?.trim() || null, field });
	}

	// The cells after saving, per indicator and period: existing figures with the entries on top.
	const groups = groupBy(planned, (p) => `${p.def.id}|${p.period}`);
	const existing = await loadValues(db, { unitIds: [unit.id], indicatorIds: [...new Set(planned.map((p) => p.def.id))], periods: [...new Set(planned.map((p) => p.period))] });
	const warnings: Record<string, string> = {};
	for (const list of groups.values()) {
		const { def, period } = list[0];
		const cells: Cells = new Map();
		for (const v of existing.filter((v) => v.indicatorId === def.id && v.period === period)) cells.set(cellKey(v.dimension, v.category), { value: v.value, base: v.base });
		for (const p of list) cells.set(cellKey(p.dimension, p.category), { value: p.value, base: p.base });
		for (const [key, message] of Object.entries(splitProblems(def, cells))) {
			const [dimension, category] = key.split(':') as [Dimension, string];
			errors[fieldName(def.key, dimension, category)] ??= message;
		}
		const total = list.find((p) => p.dimension === 'total');
		const before = existing.find((v) => v.indicatorId === def.id && v.period === period && v.dimension === 'total');
		if (total && total.value !== null && (!before || before.value !== total.value || before.base !== total.base)) {
			const previous = await previousTotal(db, def, unit.id, period);
			const warning = jumpWarning(def, previous, shownValue(def.kind, { value: total.value, base: total.base }));
			if (warning) warnings[total.field] = warning;
		}
	}
	if (Object.keys(errors).length > 0) {
		const n = Object.keys(errors).length;
		throw invalid(n === 1 ? 'Ett värde behöver rättas.' : `${n} värden behöver rättas.`, errors);
	}
	if (Object.keys(warnings).length > 0 && !q.confirm) return { saved: 0, warnings, needsConfirmation: true };

	const saved = await db.transaction(async (tx) =>
		writeFigures(
			tx,
			actor.personId,
			unit.id,
			planned.map((p) => ({ indicatorId: p.def.id, period: p.period, dimension: p.dimension, category: p.category, value: p.value, base: p.base, countMonth: p.countMonth, note: p.note })),
			{ source, importId: null }
		)
	);
	if (saved > 0) await audit(db, actor, { action: 'indicators.save', subjectType: 'org_unit', subjectId: unit.id, detail: { period: reportPeriodLabel(report), changed: saved, source } });
	return { saved, warnings, needsConfirmation: false };
}

/** The latest total before `period` with a figure, for the previous-value column and jump warnings. */
export async function previousTotal(db: Db, def: IndicatorDef, unitId: string, period: string): Promise<{ value: number | null; label: string; period: string } | null> {
	const rows = await db
		.select({ period: indicatorValues.period, value: indicatorValues.value, base: indicatorValues.base })
		.from(indicatorValues)
		.where(and(eq(indicatorValues.indicatorId, def.id), eq(indicatorValues.orgUnitId, unitId), eq(indicatorValues.dimension, 'total')));
	const earlier = rows.filter((r) => comparePeriods(r.period, period) < 0).sort((a, b) => comparePeriods(b.period, a.period))[0];
	return earlier ? { value: shownValue(def.kind, earlier), label: periodLabel(earlier.period), period: earlier.period } : null;
}

export interface FigureWrite {
	indicatorId: string;
	period: string;
	dimension: Dimension;
	category: string;
	/** null removes the figure. */
	value: number | null;
	base: number | null;
	countMonth: number | null;
	note: string | null;
	/** Only for imports: several units in one go. */
	orgUnitId?: string;
}

/**
 * Upserts or removes figures and appends one history row per real change. Run inside a
 * transaction. Returns how many figures changed.
 */
export async function writeFigures(
	tx: Db,
	actorId: string | null,
	defaultUnitId: string,
	writes: FigureWrite[],
	meta: { source: ChangeSource; importId: string | null; at?: Date }
): Promise<number> {
	if (writes.length === 0) return 0;
	const unitIds = [...new Set(writes.map((w) => w.orgUnitId ?? defaultUnitId))];
	const existing = await loadValues(tx, { unitIds, indicatorIds: [...new Set(writes.map((w) => w.indicatorId))], periods: [...new Set(writes.map((w) => w.period))] });
	const byKey = new Map(existing.map((v) => [`${v.indicatorId}|${v.orgUnitId}|${v.period}|${v.dimension}|${v.category}`, v]));
	const at = meta.at ?? clockNow();
	let changed = 0;
	const history: (typeof indicatorValueHistory.$inferInsert)[] = [];
	for (const w of writes) {
		const orgUnitId = w.orgUnitId ?? defaultUnitId;
		const before = byKey.get(`${w.indicatorId}|${orgUnitId}|${w.period}|${w.dimension}|${w.category}`);
		const common = { indicatorId: w.indicatorId, orgUnitId, period: w.period, dimension: w.dimension, category: w.category };
		if (w.value === null) {
			if (!before) continue;
			await tx.delete(indicatorValues).where(eq(indicatorValues.id, before.id));
			history.push({ ...common, action: 'delete', oldValue: before.value, oldBase: before.base, newValue: null, newBase: null, source: meta.source, importId: meta.importId, changedBy: actorId, changedAt: at });
			changed++;
			continue;
		}
		if (before && before.value === w.value && before.base === w.base && before.countMonth === w.countMonth && (before.note ?? null) === w.note) continue;
		if (before) {
			await tx
				.update(indicatorValues)
				.set({ value: w.value, base: w.base, countMonth: w.countMonth, note: w.note, updatedBy: actorId, updatedAt: at })
				.where(eq(indicatorValues.id, before.id));
		} else {
			await tx.insert(indicatorValues).values({ ...common, value: w.value, base: w.base, countMonth: w.countMonth, note: w.note, updatedBy: actorId, updatedAt: at });
		}
		history.push({ ...common, action: before ? 'update' : 'create', oldValue: before?.value ?? null, oldBase: before?.base ?? null, newValue: w.value, newBase: w.base, source: meta.source, importId: meta.importId, changedBy: actorId, changedAt: at });
		changed++;
	}
	for (let i = 0; i < history.length; i += 500) await tx.insert(indicatorValueHistory).values(history.slice(i, i + 500));
	return changed;
}

function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of list) {
		const k = key(item);
		let group = map.get(k);
		if (!group) map.set(k, (group = []));
		group.push(item);
	}
	return map;
}
