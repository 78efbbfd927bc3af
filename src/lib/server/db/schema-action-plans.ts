/**
 * The kommun's library of suggested measures (åtgärdsbank) that individual action plans pick
 * from, and the groups' action plans (gruppens handlingsplan). Individual plans themselves are in
 * schema-core.ts. Re-exported from schema.ts; only lazy references into other schema files (see
 * schema-city-plan.ts).
 */
import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { GROUP_PLAN_OUTCOMES, GROUP_PLAN_STATUSES, STATEMENTS, type Statement } from '../../domain';
import type { DisclosedCell } from '../anonymity/disclosure';
import type { CellFigures } from '../reports/figures';
import { cityPlanAreas, cityPlanSubgoals } from './schema-city-plan';
import { orgUnits, people, rounds } from './schema-core';

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

// --- The group's action plan (gruppens handlingsplan) ---------------------------------------

export const groupPlanStatus = pgEnum('group_plan_status', GROUP_PLAN_STATUSES);
export const groupPlanOutcome = pgEnum('group_plan_outcome', GROUP_PLAN_OUTCOMES);

/**
 * A plan an arbetsgrupp or enhet makes together after a closed round, led by its nearest manager.
 * `results` is the group's own total for the round exactly as the anonymity module disclosed it
 * when the plan was made (decision 0014): the group reads what it discussed, never per person.
 */
export const groupPlans = pgTable(
	'group_plans',
	{
		id: id(),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id),
		/** The nearest manager who started it. */
		managerId: uuid('manager_id')
			.notNull()
			.references(() => people.id),
		results: jsonb('results').$type<DisclosedCell<CellFigures>>().notNull(),
		/** The statements the group chose to work on. */
		focusStatements: text('focus_statements', { enum: STATEMENTS }).array().$type<Statement[]>().notNull().default([]),
		/** What the group agreed on at the meeting. */
		summary: text('summary').notNull().default(''),
		status: groupPlanStatus('status').notNull().default('active'),
		followUpOn: date('follow_up_on').notNull(),
		outcome: groupPlanOutcome('outcome'),
		followUpText: text('follow_up_text').notNull().default(''),
		followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	// One plan per group and round: the group's plan is made once, then worked on.
	(t) => [uniqueIndex('group_plans_unit_round_idx').on(t.orgUnitId, t.roundId)]
);

/** The areas of the action plan (handlingsplanens områden) the group chose to work on. */
export const groupPlanAreas = pgTable(
	'group_plan_areas',
	{
		groupPlanId: uuid('group_plan_id')
			.notNull()
			.references(() => groupPlans.id, { onDelete: 'cascade' }),
		areaId: uuid('area_id')
			.notNull()
			.references(() => cityPlanAreas.id)
	},
	(t) => [primaryKey({ columns: [t.groupPlanId, t.areaId] })]
);

/** An agreed action: what, who (a member, or nobody named), by when, and the delmål it serves. */
export const groupPlanActions = pgTable(
	'group_plan_actions',
	{
		id: id(),
		groupPlanId: uuid('group_plan_id')
			.notNull()
			.references(() => groupPlans.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		ownerId: uuid('owner_id').references(() => people.id),
		dueOn: date('due_on').notNull(),
		/** A delmål of the förvaltning's plan, so Planens områden shows what the units do about it. */
		subgoalId: uuid('subgoal_id').references(() => cityPlanSubgoals.id, { onDelete: 'set null' }),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('group_plan_actions_plan_idx').on(t.groupPlanId), index('group_plan_actions_subgoal_idx').on(t.subgoalId)]
);

/** Named comments from the group's members and its manager; read only within the group. */
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
