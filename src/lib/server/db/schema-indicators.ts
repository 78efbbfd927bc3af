/**
 * Tables of the city's indicators (personalrörlighet, konsulter, VFU, …) and of the twice-yearly
 * report to the nämnd (T2/VB). The vocabulary (kinds, period types, splits) is in
 * src/lib/domain.ts; the rules in src/lib/server/indicators/.
 */
import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	index,
	integer,
	jsonb,
	numeric,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { INDICATOR_KINDS, INDICATOR_PERIOD_TYPES, INDICATOR_SPLITS } from '../../domain';
// Only lazy references (`() => table.id`) into schema-core.ts (see schema.ts).
import { orgUnits, people } from './schema-core';

/**
 * count: whole numbers, summed for the city · rate: numerator / denominator shown as per cent
 * (personalrörlighet) · percent: entered as per cent · decimal: any other number.
 */
export const indicatorKind = pgEnum('indicator_kind', INDICATOR_KINDS);
/** year "2016" · count_day "2016-04"/"2016-11" · semester "2016-VT"/"2016-HT" · tertial "2016-T1"/"-T2"/"-VB". */
export const indicatorPeriodType = pgEnum('indicator_period_type', INDICATOR_PERIOD_TYPES);
/** How a value is split: the total, or one category of title, gender, manager level or activity area. */
export const indicatorDimension = pgEnum('indicator_dimension', ['total', ...INDICATOR_SPLITS]);

export const indicators = pgTable(
	'indicators',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Stable key: the built-ins' fixed names ('turnover', …), 'custom-…' for administrators' own. */
		key: text('key').notNull(),
		builtin: boolean('builtin').notNull().default(false),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		kind: indicatorKind('kind').notNull(),
		/** Shown after a value: "st", "%", "kr" … */
		unit: text('unit').notNull().default(''),
		/** For rates: what the two numbers are ("Antal som slutat" / "Genomsnittligt antal anställda"). */
		numeratorLabel: text('numerator_label'),
		denominatorLabel: text('denominator_label'),
		periodType: indicatorPeriodType('period_type').notNull(),
		higherIsBetter: boolean('higher_is_better').notNull(),
		/** Target for the whole city, and for each förvaltning (either may be missing). */
		target: numeric('target', { precision: 14, scale: 3, mode: 'number' }),
		unitTarget: numeric('unit_target', { precision: 14, scale: 3, mode: 'number' }),
		/** Which splits besides the total may be entered: 'title', 'gender', 'level', 'area'. */
		splits: text('splits').array().notNull().default(sql`'{}'::text[]`),
		sortOrder: integer('sort_order').notNull().default(100),
		active: boolean('active').notNull().default(true),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedBy: uuid('updated_by').references(() => people.id)
	},
	(t) => [uniqueIndex('indicators_key_idx').on(t.key)]
);

/**
 * One figure: an indicator for a förvaltning (or the kommun itself, for figures only known for
 * the whole city) in a period, for the total or one category of a split.
 */
export const indicatorValues = pgTable(
	'indicator_values',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		period: text('period').notNull(),
		dimension: indicatorDimension('dimension').notNull().default('total'),
		/** '' for the total, else the category ('socialsekreterare', 'kvinna', …). */
		category: text('category').notNull().default(''),
		/** The figure; for a rate its numerator. */
		value: numeric('value', { precision: 14, scale: 3, mode: 'number' }).notNull(),
		/** For a rate: the denominator. */
		base: numeric('base', { precision: 14, scale: 3, mode: 'number' }),
		/** For a count day: the month the count was actually made when it was not the usual one (1–12). */
		countMonth: smallint('count_month'),
		note: text('note'),
		updatedBy: uuid('updated_by').references(() => people.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('indicator_values_key_idx').on(t.indicatorId, t.orgUnitId, t.period, t.dimension, t.category),
		index('indicator_values_unit_idx').on(t.orgUnitId, t.period),
		check('indicator_values_count_month', sql`${t.countMonth} is null or ${t.countMonth} between 1 and 12`)
	]
);

/** Append-only: every change of a value, with who, when and from where (form, import, API). */
export const indicatorValueHistory = pgTable(
	'indicator_value_history',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		indicatorId: uuid('indicator_id').notNull(),
		orgUnitId: uuid('org_unit_id').notNull(),
		period: text('period').notNull(),
		dimension: indicatorDimension('dimension').notNull(),
		category: text('category').notNull(),
		/** 'create' | 'update' | 'delete' */
		action: text('action').notNull(),
		oldValue: numeric('old_value', { precision: 14, scale: 3, mode: 'number' }),
		newValue: numeric('new_value', { precision: 14, scale: 3, mode: 'number' }),
		oldBase: numeric('old_base', { precision: 14, scale: 3, mode: 'number' }),
		newBase: numeric('new_base', { precision: 14, scale: 3, mode: 'number' }),
		/** 'form' | 'import' | 'api' | 'seed' */
		source: text('source').notNull(),
		/** The import it came from, when it did. */
		importId: uuid('import_id'),
		changedBy: uuid('changed_by'),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('indicator_value_history_unit_idx').on(t.orgUnitId, t.period),
		index('indicator_value_history_at_idx').on(t.changedAt)
	]
);

/** Append-only: every change of an indicator's definition (before and after). */
export const indicatorDefinitionHistory = pgTable(
	'indicator_definition_history',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		indicatorId: uuid('indicator_id').notNull(),
		action: text('action').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		changedBy: uuid('changed_by'),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('indicator_definition_history_indicator_idx').on(t.indicatorId)]
);

/**
 * An uploaded file, parsed and checked (the dry run), kept until it is applied so the app stays
 * stateless between the preview and the confirmation. Only valid files are stored.
 */
export const indicatorImports = pgTable('indicator_imports', {
	id: uuid('id').primaryKey().defaultRandom(),
	createdBy: uuid('created_by')
		.notNull()
		.references(() => people.id),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	fileName: text('file_name').notNull(),
	/** The parsed rows, ready to save. */
	rows: jsonb('rows').notNull(),
	appliedAt: timestamp('applied_at', { withTimezone: true }),
	appliedCount: integer('applied_count')
});

/** The report to the nämnd: the texts the steering group writes for one period and unit. */
export const boardReports = pgTable(
	'board_reports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** A förvaltning, or the kommun for the city-wide report. */
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		year: integer('year').notNull(),
		/** 'T2' | 'VB' */
		kind: text('kind').notNull(),
		summary: text('summary').notNull().default(''),
		work: text('work').notNull().default(''),
		analysis: text('analysis').notNull().default(''),
		nextSteps: text('next_steps').notNull().default(''),
		updatedBy: uuid('updated_by').references(() => people.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('board_reports_unit_period_idx').on(t.orgUnitId, t.year, t.kind),
		check('board_reports_kind', sql`${t.kind} in ('T2', 'VB')`)
	]
);
