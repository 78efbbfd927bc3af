/**
 * The indicators' definitions (the catalogue): the built-in ones and the kommun's own, created
 * and changed by those who may define them, every change kept.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { INDICATOR_KINDS, INDICATOR_PERIOD_TYPES, INDICATOR_SPLITS, type IndicatorSplit } from '$lib/domain';
import type { Actor } from '../access/actor';
import { canDefineIndicators } from '../access/policy';
import type { Db } from '../db';
import { indicatorDefinitionHistory, indicators, indicatorValues } from '../db/schema';
import { invalid, notFound } from '../errors';
import { checkbox, isUuid, parseInput } from '../validation';
import { BUILTIN_INDICATORS, builtinDefinition } from './definitions';
import { parseSwedishNumber, type IndicatorDef } from './rules';
import { startsWithPattern } from '../db/paths';
import { now as clockNow } from '../clock';

export type IndicatorRow = typeof indicators.$inferSelect;

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
		active: checkbox.optional().default(true)
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
		const taken = await tx.select({ key: indicators.key }).from(indicators).where(sql`${indicators.key} like ${startsWithPattern(key)}`);
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
