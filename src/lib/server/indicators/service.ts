/**
 * Indicators: definitions, the units figures are reported for, entering a period's figures and
 * the history of every change. Access is asked of the policy module; the rules of a figure live
 * in rules.ts and periods.ts.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { INDICATOR_KINDS, INDICATOR_PERIOD_TYPES, INDICATOR_SPLITS, type IndicatorSplit } from '$lib/domain';
import type { Actor } from '../access/actor';
import { aggregateScopes, canDefineIndicators, canEnterIndicators, canReadIndicators, indicatorEntryScopes } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { indicatorDefinitionHistory, indicators, indicatorValueHistory, indicatorValues, orgUnits, people } from '../db/schema';
import { invalid, notFound } from '../errors';
import { isUuid } from '../rounds/service';
import { parseInput } from '../validation';
import { BUILTIN_INDICATORS, builtinDefinition } from './definitions';
import {
	comparePeriods,
	currentReportPeriod,
	isPeriodOf,
	parseMonth,
	parsePeriod,
	parseReportPeriod,
	periodDueIn,
	periodLabel,
	reportEndOrdinal,
	reportPeriodLabel,
	type ReportPeriod
} from './periods';
import {
	categoriesOf,
	categoryLabel,
	cellKey,
	figureProblem,
	formatFigure,
	jumpWarning,
	parseSwedishNumber,
	shownValue,
	splitProblems,
	type Cells,
	type Dimension,
	type IndicatorDef
} from './rules';
import { now as clockNow } from '../clock';

export type IndicatorRow = typeof indicators.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;
export type ChangeSource = 'form' | 'import' | 'api' | 'seed';

export function toDef(r: IndicatorRow): IndicatorDef {
	return {
		id: r.id,
		key: r.key,
		name: r.name,
		description: r.description,
		kind: r.kind,
		unit: r.unit,
		numeratorLabel: r.numeratorLabel,
		denominatorLabel: r.denominatorLabel,
		periodType: r.periodType,
		higherIsBetter: r.higherIsBetter,
		target: r.target ?? null,
		unitTarget: r.unitTarget ?? null,
		splits: (r.splits ?? []).filter((s): s is IndicatorSplit => (INDICATOR_SPLITS as readonly string[]).includes(s)),
		builtin: r.builtin,
		active: r.active,
		sortOrder: r.sortOrder
	};
}

// --- Definitions ------------------------------------------------------------------------------

const ensured = new WeakSet<object>();

/** Inserts the built-in indicators that are missing (once per database handle; safe in parallel). */
export async function ensureBuiltinIndicators(db: Db): Promise<void> {
	if (ensured.has(db)) return;
	await db
		.insert(indicators)
		.values(
			BUILTIN_INDICATORS.map(builtinDefinition)
		)
		.onConflictDoNothing({ target: indicators.key });
	ensured.add(db);
}

export async function listIndicators(db: Db, options: { includeInactive?: boolean } = {}): Promise<IndicatorDef[]> {
	await ensureBuiltinIndicators(db);
	const rows = await db
		.select()
		.from(indicators)
		.where(options.includeInactive ? undefined : eq(indicators.active, true))
		.orderBy(asc(indicators.sortOrder), asc(indicators.name));
	return rows.map(toDef);
}

/** By key or id; inactive ones too (their history stays readable). */
/** Every indicator, inactive ones too, for the administrators who define them. */
export async function indicatorsToDefine(db: Db, actor: Actor): Promise<IndicatorDef[]> {
	if (!canDefineIndicators(actor)) throw notFound('Sidan');
	return listIndicators(db, { includeInactive: true });
}

export async function getIndicator(db: Db, keyOrId: string): Promise<IndicatorDef> {
	await ensureBuiltinIndicators(db);
	const [row] = await db
		.select()
		.from(indicators)
		.where(isUuid(keyOrId) ? eq(indicators.id, keyOrId) : eq(indicators.key, keyOrId));
	if (!row) throw notFound('Indikatorn');
	return toDef(row);
}

const optionalNumber = (message: string) =>
	z.preprocess((v) => {
		if (v === '' || v === undefined || v === null) return null;
		const n = parseSwedishNumber(v as string | number);
		return n === null ? null : n;
	}, z.number({ error: message }).refine(Number.isFinite, message).nullable());

const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/** What an administrator may set of an indicator (the built-ins: texts, targets and whether shown). */
export const indicatorInput = z
	.object({
		name: z.string({ error: 'Ge indikatorn ett namn.' }).trim().min(2, 'Ge indikatorn ett namn.').max(120, 'Namnet får vara högst 120 tecken.'),
		description: z.string().trim().max(1000, 'Beskrivningen får vara högst 1 000 tecken.').optional().default(''),
		kind: z.enum(INDICATOR_KINDS, { error: 'Välj vad som mäts.' }),
		unit: z.string().trim().max(30, 'Enheten får vara högst 30 tecken.').optional().default(''),
		numeratorLabel: z.string().trim().max(80, 'Högst 80 tecken.').optional().default(''),
		denominatorLabel: z.string().trim().max(80, 'Högst 80 tecken.').optional().default(''),
		periodType: z.enum(INDICATOR_PERIOD_TYPES, { error: 'Välj hur ofta indikatorn rapporteras.' }),
		higherIsBetter: z.enum(['yes', 'no'], { error: 'Välj om ett högre värde är bättre eller sämre.' }),
		target: optionalNumber('Målet ska vara ett tal, till exempel 100 eller 4,5.').optional().default(null),
		unitTarget: optionalNumber('Målet ska vara ett tal, till exempel 10 eller 4,5.').optional().default(null),
		splits: z.array(z.enum(INDICATOR_SPLITS, { error: 'Okänd fördelning.' })).optional().default([]),
		active: flag.optional().default(true)
	})
	.refine((d) => d.kind !== 'rate' || (d.numeratorLabel && d.denominatorLabel), {
		message: 'En andel behöver namn på täljaren och nämnaren, till exempel ”Antal som slutat” och ”Genomsnittligt antal anställda”.',
		path: ['numeratorLabel']
	})
	.refine((d) => d.kind !== 'percent' || d.target === null || (d.target >= 0 && d.target <= 100), { message: 'Ett mål i procent ska vara mellan 0 och 100.', path: ['target'] });

const slugify = (name: string) =>
	name
		.toLowerCase()
		.replace(/[åä]/g, 'a')
		.replace(/ö/g, 'o')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, 40) || 'indikator';

export async function createIndicator(db: Db, actor: Actor, input: unknown): Promise<IndicatorDef> {
	if (!canDefineIndicators(actor)) throw notFound('Sidan');
	const d = parseInput(indicatorInput, input);
	await ensureBuiltinIndicators(db);
	return db.transaction(async (tx) => {
		let key = `custom_${slugify(d.name)}`;
		const taken = await tx.select({ key: indicators.key }).from(indicators).where(sql`${indicators.key} like ${key + '%'}`);
		for (let n = 2; taken.some((t) => t.key === key); n++) key = `custom_${slugify(d.name)}_${n}`;
		const [row] = await tx
			.insert(indicators)
			.values({
				key,
				builtin: false,
				name: d.name,
				description: d.description,
				kind: d.kind,
				unit: d.kind === 'rate' || d.kind === 'percent' ? '%' : d.unit,
				numeratorLabel: d.kind === 'rate' ? d.numeratorLabel : null,
				denominatorLabel: d.kind === 'rate' ? d.denominatorLabel : null,
				periodType: d.periodType,
				higherIsBetter: d.higherIsBetter === 'yes',
				target: d.target,
				unitTarget: d.unitTarget,
				splits: d.splits,
				sortOrder: 500,
				active: d.active,
				updatedBy: actor.personId
			})
			.returning();
		await tx.insert(indicatorDefinitionHistory).values({ indicatorId: row.id, action: 'create', before: null, after: definitionSnapshot(row), changedBy: actor.personId });
		return toDef(row);
	});
}

/** Built-ins keep what they measure (kind, period, splits); their texts, targets and visibility may change. */
export async function updateIndicator(db: Db, actor: Actor, keyOrId: string, input: unknown): Promise<IndicatorDef> {
	if (!canDefineIndicators(actor)) throw notFound('Sidan');
	const current = await getIndicator(db, keyOrId);
	const d = parseInput(indicatorInput, input);
	const [before] = await db.select().from(indicators).where(eq(indicators.id, current.id));
	if (!current.builtin) {
		const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(indicatorValues).where(eq(indicatorValues.indicatorId, current.id));
		if (n > 0 && (d.kind !== current.kind || d.periodType !== current.periodType)) {
			throw invalid('Ett fält behöver rättas.', {
				[d.kind !== current.kind ? 'kind' : 'periodType']: 'Det finns redan värden för indikatorn, så vad som mäts och hur ofta kan inte ändras. Skapa en ny indikator i stället.'
			});
		}
	}
	const measure = current.builtin
		? {}
		: {
				kind: d.kind,
				unit: d.kind === 'rate' || d.kind === 'percent' ? '%' : d.unit,
				numeratorLabel: d.kind === 'rate' ? d.numeratorLabel : null,
				denominatorLabel: d.kind === 'rate' ? d.denominatorLabel : null,
				periodType: d.periodType,
				higherIsBetter: d.higherIsBetter === 'yes',
				splits: d.splits
			};
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(indicators)
			.set({ name: d.name, description: d.description, target: d.target, unitTarget: d.unitTarget, active: d.active, ...measure, updatedAt: clockNow(), updatedBy: actor.personId })
			.where(eq(indicators.id, current.id))
			.returning();
		await tx.insert(indicatorDefinitionHistory).values({ indicatorId: row.id, action: 'update', before: definitionSnapshot(before), after: definitionSnapshot(row), changedBy: actor.personId });
		return toDef(row);
	});
}

function definitionSnapshot(r: IndicatorRow) {
	const { createdAt: _c, updatedAt: _u, updatedBy: _b, ...rest } = r;
	return rest;
}

// --- The units figures are reported for ----------------------------------------------------

export interface ReportingUnit {
	id: string;
	name: string;
	kind: 'kommun' | 'forvaltning';
	path: string;
	depth: number;
}

/** Units within the scopes, or containing one of them, of kind kommun or förvaltning. */
async function reportingUnitsFor(db: Db, scopes: string[], withAncestors: boolean): Promise<ReportingUnit[]> {
	if (scopes.length === 0) return [];
	const conditions: SQL[] = scopes.map((s) => sql`${orgUnits.path} like ${escapeLike(s) + '%'}`);
	if (withAncestors) conditions.push(...scopes.map((s) => sql`${s} like ${orgUnits.path} || '%'`));
	const rows = await db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
		.from(orgUnits)
		.where(and(eq(orgUnits.active, true), inArray(orgUnits.kind, ['kommun', 'forvaltning']), sql`(${sql.join(conditions, sql` or `)})`))
		.orderBy(asc(orgUnits.depth), asc(orgUnits.name));
	return rows as ReportingUnit[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** Kommuner and förvaltningar whose figures the actor reads (dashboards). */
export async function readableUnits(db: Db, actor: Actor): Promise<ReportingUnit[]> {
	return (await reportingUnitsFor(db, aggregateScopes(actor), true)).filter((u) => canReadIndicators(actor, u.path));
}

/** Kommuner and förvaltningar whose figures the actor enters. */
export async function enterableUnits(db: Db, actor: Actor): Promise<ReportingUnit[]> {
	return (await reportingUnitsFor(db, indicatorEntryScopes(actor), false)).filter((u) => canEnterIndicators(actor, u.path));
}

/** The förvaltningar of a kommun (for the city figure and comparisons). */
export async function forvaltningarOf(db: Db, kommun: Pick<ReportingUnit, 'path'>): Promise<ReportingUnit[]> {
	const rows = await db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
		.from(orgUnits)
		.where(and(eq(orgUnits.active, true), eq(orgUnits.kind, 'forvaltning'), sql`${orgUnits.path} like ${escapeLike(kommun.path) + '%'}`))
		.orderBy(asc(orgUnits.name));
	return rows as ReportingUnit[];
}

/** The kommun a unit lies in (itself for a kommun). */
export async function kommunOf(db: Db, unit: Pick<ReportingUnit, 'path' | 'kind' | 'id' | 'name' | 'depth'>): Promise<ReportingUnit | null> {
	if (unit.kind === 'kommun') return unit as ReportingUnit;
	const [row] = await db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
		.from(orgUnits)
		.where(and(eq(orgUnits.kind, 'kommun'), sql`${unit.path} like ${orgUnits.path} || '%'`))
		.orderBy(desc(orgUnits.depth))
		.limit(1);
	return (row as ReportingUnit | undefined) ?? null;
}

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
	confirm: flag.optional().default(false),
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

// --- History ----------------------------------------------------------------------------------

export interface HistoryEntry {
	at: Date;
	by: string | null;
	indicator: string;
	indicatorKey: string;
	period: string;
	periodLabel: string;
	dimension: Dimension;
	category: string;
	/** "Totalt", "Socialsekreterare", … */
	split: string;
	action: string;
	oldValue: number | null;
	newValue: number | null;
	oldBase: number | null;
	newBase: number | null;
	source: string;
}

/** Who changed what and when, newest first, for a unit the actor may read. */
export async function valueHistory(db: Db, actor: Actor, filter: { unitId: string; indicatorId?: string; limit?: number; totalsOnly?: boolean }): Promise<HistoryEntry[]> {
	const [unit] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, filter.unitId));
	if (!unit || !canReadIndicators(actor, unit.path)) throw notFound('Förvaltningen');
	const rows = await db
		.select({ h: indicatorValueHistory, by: people.name, indicator: indicators.name, indicatorKey: indicators.key })
		.from(indicatorValueHistory)
		.innerJoin(indicators, eq(indicators.id, indicatorValueHistory.indicatorId))
		.leftJoin(people, eq(people.id, indicatorValueHistory.changedBy))
		.where(
			and(
				eq(indicatorValueHistory.orgUnitId, filter.unitId),
				filter.indicatorId ? eq(indicatorValueHistory.indicatorId, filter.indicatorId) : undefined,
				filter.totalsOnly ? eq(indicatorValueHistory.dimension, 'total') : undefined
			)
		)
		.orderBy(desc(indicatorValueHistory.changedAt), desc(indicatorValueHistory.id))
		.limit(filter.limit ?? 50);
	return rows.map(({ h, by, indicator, indicatorKey }) => ({
		at: h.changedAt,
		by,
		indicator,
		indicatorKey,
		period: h.period,
		periodLabel: periodLabel(h.period),
		dimension: h.dimension,
		category: h.category,
		split: categoryLabel(h.dimension, h.category),
		action: h.action,
		oldValue: h.oldValue,
		newValue: h.newValue,
		oldBase: h.oldBase,
		newBase: h.newBase,
		source: h.source
	}));
}

export async function definitionHistory(db: Db, actor: Actor, keyOrId: string) {
	if (!canDefineIndicators(actor)) throw notFound('Sidan');
	const def = await getIndicator(db, keyOrId);
	return db
		.select({ at: indicatorDefinitionHistory.changedAt, action: indicatorDefinitionHistory.action, by: people.name })
		.from(indicatorDefinitionHistory)
		.leftJoin(people, eq(people.id, indicatorDefinitionHistory.changedBy))
		.where(eq(indicatorDefinitionHistory.indicatorId, def.id))
		.orderBy(desc(indicatorDefinitionHistory.changedAt));
}
