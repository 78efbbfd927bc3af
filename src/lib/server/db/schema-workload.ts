/**
 * Workload between the rounds (issue 14): a social worker's own rating of their current workload
 * on a five-point scale, any time and prompted weekly, and the weeks they put the prompt away.
 * Re-exported from schema.ts; lazy references only (see schema-city-plan.ts).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, people } from './schema-core';

export const workloadRatings = pgTable(
	'workload_ratings',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** Where the person worked when rating: the monthly aggregates count them there. */
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		/** 1 = mycket låg … 5 = mycket hög. */
		level: smallint('level').notNull(),
		/** Own open cases, when given. */
		openCases: integer('open_cases'),
		note: text('note'),
		/** The day in Stockholm. */
		ratedOn: date('rated_on', { mode: 'string' }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('workload_ratings_person_idx').on(t.personId, t.ratedOn), index('workload_ratings_day_idx').on(t.ratedOn), check('workload_level_range', sql`${t.level} between 1 and 5`)]
);

/** "Inte nu": the ISO week (e.g. 2026-W49) in which the person put the weekly prompt away. */
export const workloadPromptDismissals = pgTable(
	'workload_prompt_dismissals',
	{
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		week: text('week').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.personId, t.week] })]
);
