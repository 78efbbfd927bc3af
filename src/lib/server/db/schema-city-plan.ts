/**
 * Tables of the action plan follow-up (handlingsplanens områden, per förvaltning). Re-exported
 * from schema.ts.
 *
 * The built-in areas (the 13 of the plan and the three added 2019) are inserted by a data
 * migration, so every database has them; a kommun may reword them, add areas and retire them.
 */
import { sql } from 'drizzle-orm';
import { bigserial, check, date, doublePrecision, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PLAN_AREA_STATUSES, PLAN_FOLLOW_UP_PERIODS, PLAN_METRICS, PLAN_SUBGOAL_STATUSES, STATEMENTS } from '../../domain';
// Only lazy references (`() => table.id`) into schema.ts: it re-exports this file, so its values
// are not initialised yet when this file is evaluated first. Enums of schema.ts are therefore
// mirrored as checked text columns here.
import { orgUnits, people } from './schema-core';
import { indicators } from './schema-indicators';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// --- The areas of the plan (utvecklingsområden) -------------------------------------------

export const cityPlanAreas = pgTable(
	'city_plan_areas',
	{
		id: id(),
		/** Stable key of a built-in area (e.g. 'co_handling'); null for areas a kommun added. */
		code: text('code'),
		/** Order in lists; the built-in areas keep the plan's numbering 1–16. */
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** The year the area entered the plan (2016 for the original 13, 2019 for the three added). */
		addedYear: integer('added_year').notNull(),
		/** A retired area keeps its history but takes no new work. */
		retiredAt: timestamp('retired_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('city_plan_areas_code_idx').on(t.code)]
);

// --- Per förvaltning: the local steering group's work on each area ------------------------

/** not started / under analysis / measures under way / established in ordinary work */
export const cityPlanAreaStatus = pgEnum('city_plan_area_status', PLAN_AREA_STATUSES);

/** The current state of one area in one förvaltning. No row means "not started". */
export const cityPlanAreaStates = pgTable(
	'city_plan_area_states',
	{
		id: id(),
		forvaltningId: uuid('forvaltning_id')
			.notNull()
			.references(() => orgUnits.id),
		areaId: uuid('area_id')
			.notNull()
			.references(() => cityPlanAreas.id),
		status: cityPlanAreaStatus('status').notNull().default('not_started'),
		/** The steering group's short assessment of where the förvaltning stands. */
		assessment: text('assessment').notNull().default(''),
		updatedBy: uuid('updated_by').references(() => people.id),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('city_plan_area_states_unit_area_idx').on(t.forvaltningId, t.areaId)]
);

/** What changed in a förvaltning's plan, for "what changed since the last report". Append-only. */
export const cityPlanChangeKind = pgEnum('city_plan_change_kind', [
	'status',
	'assessment',
	'subgoal_added',
	'subgoal_status',
	'activity_added',
	'activity_done',
	'follow_up'
]);

export const cityPlanChanges = pgTable(
	'city_plan_changes',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		forvaltningId: uuid('forvaltning_id')
			.notNull()
			.references(() => orgUnits.id),
		areaId: uuid('area_id')
			.notNull()
			.references(() => cityPlanAreas.id),
		kind: cityPlanChangeKind('kind').notNull(),
		fromStatus: cityPlanAreaStatus('from_status'),
		toStatus: cityPlanAreaStatus('to_status'),
		/** A short Swedish description, e.g. the sub-goal's text. */
		summary: text('summary').notNull().default(''),
		actorId: uuid('actor_id').references(() => people.id),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('city_plan_changes_at_idx').on(t.at), index('city_plan_changes_unit_idx').on(t.forvaltningId, t.areaId)]
);

/** Which survey figure a sub-goal follows. */
export const cityPlanMetric = pgEnum('city_plan_metric', PLAN_METRICS);
export const cityPlanSubgoalStatus = pgEnum('city_plan_subgoal_status', PLAN_SUBGOAL_STATUSES);

/**
 * delmål: a measurable sub-goal with a target date, optionally followed with data: either a
 * survey statement with a metric, or an indicator (personalrörlighet, VFU …) of the förvaltning.
 */
export const cityPlanSubgoals = pgTable(
	'city_plan_subgoals',
	{
		id: id(),
		forvaltningId: uuid('forvaltning_id')
			.notNull()
			.references(() => orgUnits.id),
		areaId: uuid('area_id')
			.notNull()
			.references(() => cityPlanAreas.id),
		title: text('title').notNull(),
		targetDate: date('target_date').notNull(),
		/** A statement of the survey ('situation' | 'quality' | 'recommend'); null when not linked. */
		statement: text('statement', { enum: STATEMENTS }),
		metric: cityPlanMetric('metric'),
		/** Or an indicator (indikator) whose recorded values for the förvaltning show the progress. */
		indicatorId: uuid('indicator_id').references(() => indicators.id),
		/** Mean on the 1–6 scale or a share in per cent (statement), or on the indicator's own scale. */
		targetValue: doublePrecision('target_value'),
		status: cityPlanSubgoalStatus('status').notNull().default('open'),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('city_plan_subgoals_unit_area_idx').on(t.forvaltningId, t.areaId),
		// A statement comes with a metric; a target value exactly when followed by a statement or an indicator, never both.
		check(
			'city_plan_subgoals_link',
			sql`(${t.statement} is null) = (${t.metric} is null) and (${t.statement} is null or ${t.indicatorId} is null) and (${t.statement} is null and ${t.indicatorId} is null) = (${t.targetValue} is null)`
		),
		check('city_plan_subgoals_statement', sql`${t.statement} is null or ${t.statement} in ('situation', 'quality', 'recommend')`)
	]
);

export const cityPlanActivities = pgTable(
	'city_plan_activities',
	{
		id: id(),
		forvaltningId: uuid('forvaltning_id')
			.notNull()
			.references(() => orgUnits.id),
		areaId: uuid('area_id')
			.notNull()
			.references(() => cityPlanAreas.id),
		title: text('title').notNull(),
		/** The responsible person, as the steering group writes it (may be outside Lägesbild). */
		responsible: text('responsible').notNull(),
		dueDate: date('due_date').notNull(),
		doneOn: date('done_on'),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('city_plan_activities_unit_area_idx').on(t.forvaltningId, t.areaId)]
);

/** The steering group's follow-up comment on an area at each T2 and VB. */
export const cityPlanFollowUps = pgTable(
	'city_plan_follow_ups',
	{
		id: id(),
		forvaltningId: uuid('forvaltning_id')
			.notNull()
			.references(() => orgUnits.id),
		areaId: uuid('area_id')
			.notNull()
			.references(() => cityPlanAreas.id),
		/** T2 or VB (the reporting points of the plan). */
		period: text('period', { enum: PLAN_FOLLOW_UP_PERIODS }).notNull(),
		year: integer('year').notNull(),
		comment: text('comment').notNull(),
		/** The area's status when the comment was written. */
		status: cityPlanAreaStatus('status').notNull(),
		writtenBy: uuid('written_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('city_plan_follow_ups_period_idx').on(t.forvaltningId, t.areaId, t.year, t.period),
		check('city_plan_follow_ups_period', sql`${t.period} in ('T2', 'VB')`)
	]
);

/** Staff suggestions on the plan, each answered by the steering group. */
export const cityPlanSuggestions = pgTable(
	'city_plan_suggestions',
	{
		id: id(),
		forvaltningId: uuid('forvaltning_id')
			.notNull()
			.references(() => orgUnits.id),
		/** Null: a suggestion on the plan as a whole. */
		areaId: uuid('area_id').references(() => cityPlanAreas.id),
		authorId: uuid('author_id')
			.notNull()
			.references(() => people.id),
		body: text('body').notNull(),
		answer: text('answer'),
		answeredBy: uuid('answered_by').references(() => people.id),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('city_plan_suggestions_unit_idx').on(t.forvaltningId, t.createdAt)]
);
