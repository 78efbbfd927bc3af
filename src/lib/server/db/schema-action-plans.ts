/**
 * Tables of the action the nearest manager takes with staff: the kommun's library of suggested
 * measures (åtgärdsbank) that individual and group plans pick from, and the group's action plan
 * (gruppens handlingsplan). Individual plans themselves are in schema-core.ts. Re-exported from
 * schema.ts; only lazy references into other schema files (see schema-city-plan.ts).
 */
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { GROUP_PLAN_OUTCOMES, GROUP_PLAN_STATUSES, STATEMENTS } from '../../domain';
import { orgUnits, people, rounds } from './schema-core';
import { cityPlanAreas, cityPlanSubgoals } from './schema-city-plan';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// --- Suggested measures (åtgärdsbank) -----------------------------------------------------

/** A measure a manager may suggest, e.g. "Medhandläggare i tunga ärenden". Seeded by migration 0016. */
export const measures = pgTable('measures', {
	id: id(),
	title: text('title').notNull(),
	description: text('description').notNull().default(''),
	position: integer('position').notNull(),
	/** A retired measure is no longer suggested; plans that used it keep their text. */
	retiredAt: timestamp('retired_at', { withTimezone: true }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** The plan areas a measure belongs to (one or more). */
export const measureAreas = pgTable(
	'measure_areas',
	{
		measureId: uuid('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		areaId: uuid('area_id')
			.notNull()
			.references(() => cityPlanAreas.id)
	},
	(t) => [primaryKey({ columns: [t.measureId, t.areaId] })]
);

// --- The group's action plan (gruppens handlingsplan) -------------------------------------

export const groupPlans = pgTable(
	'group_plans',
	{
		id: id(),
		/** The arbetsgrupp or enhet whose plan it is. */
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		/** The closed round whose results the group went through. */
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id),
		managerId: uuid('manager_id')
			.notNull()
			.references(() => people.id),
		/**
		 * The group's figures as the anonymity module disclosed them when the plan was made (a
		 * DisclosedCell of the report: figures only when shown), so that the members read what the
		 * group discussed without any access to reports of their own.
		 */
		results: jsonb('results').notNull(),
		/** What the group saw in its results (vad vi ser). */
		analysis: text('analysis').notNull().default(''),
		focusStatements: text('focus_statements', { enum: STATEMENTS }).array().notNull().default([]),
		focusAreaIds: uuid('focus_area_ids').array().notNull().default([]),
		followUpOn: date('follow_up_on').notNull(),
		status: text('status', { enum: GROUP_PLAN_STATUSES }).notNull().default('active'),
		outcome: text('outcome', { enum: GROUP_PLAN_OUTCOMES }),
		followUpText: text('follow_up_text').notNull().default(''),
		followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('group_plans_unit_idx').on(t.orgUnitId), index('group_plans_round_idx').on(t.roundId)]
);

/** An agreed action: what, who is responsible, by when; optionally for a delmål of the förvaltning. */
export const groupPlanActions = pgTable(
	'group_plan_actions',
	{
		id: id(),
		groupPlanId: uuid('group_plan_id')
			.notNull()
			.references(() => groupPlans.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** Who is responsible, as the group agreed it ("Alla", "Anna L", "Enhetschefen"). */
		owner: text('owner').notNull(),
		dueOn: date('due_on').notNull(),
		done: boolean('done').notNull().default(false),
		subgoalId: uuid('subgoal_id').references(() => cityPlanSubgoals.id),
		createdAt: createdAt()
	},
	(t) => [index('group_plan_actions_plan_idx').on(t.groupPlanId), index('group_plan_actions_subgoal_idx').on(t.subgoalId)]
);

/** A member's comment: named, visible to the group and its nearest managers, not above. */
export const groupPlanComments = pgTable(
	'group_plan_comments',
	{
		id: id(),
		groupPlanId: uuid('group_plan_id')
			.notNull()
			.references(() => groupPlans.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => people.id),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('group_plan_comments_plan_idx').on(t.groupPlanId)]
);
