/**
 * Derived tables of the reports: the anonymity decisions and the figures of every cell of every
 * closed round, computed once (when a round has closed, or the organisation tree changed) instead
 * of on every request. Everything here can be deleted and is rebuilt from responses, round
 * members and the tree (see src/lib/server/reports/disclosure-store.ts and decision 0007).
 * Re-exported from schema.ts.
 */
import { bigint, boolean, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// Lazy references only (`() => rounds.id`): see the note in schema-city-plan.ts.
import { rounds } from './schema-core';

/** Which closed rounds have their cells stored, and what they were computed from. */
export const disclosureRounds = pgTable('disclosure_rounds', {
	roundId: uuid('round_id')
		.primaryKey()
		.references(() => rounds.id, { onDelete: 'cascade' }),
	/**
	 * Hash of everything the round's decisions depend on: the algorithm version, the rules
	 * (minimum group sizes), the version of the organisation tree and the closed rounds up to
	 * this one in order. A stored round whose basis differs from the current one is stale.
	 */
	basis: text('basis').notNull(),
	computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * One cell (round × unit × verksamhetsområde|alla × titel|alla) with respondents: its decision,
 * and for a shown cell its figures. '*' stands for "all" in area and title. Hidden cells carry no
 * figures at all, so nothing can read them by mistake.
 */
export const disclosureCells = pgTable(
	'disclosure_cells',
	{
		unitId: uuid('unit_id').notNull(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		area: text('area').notNull(),
		title: text('title').notNull(),
		shown: boolean('shown').notNull(),
		textShown: boolean('text_shown').notNull(),
		/** Respondents; never show it for a hidden cell (discloseCell does not). */
		n: integer('n').notNull(),
		reason: text('reason'),
		textReason: text('text_reason'),
		/** Shown cells only: members asked, the 18 counts (situation, quality, recommend × 1–6), cases. */
		members: integer('members'),
		hist: integer('hist').array(),
		casesSum: bigint('cases_sum', { mode: 'number' }),
		casesMedian: doublePrecision('cases_median')
	},
	// Unit first: a report reads one round's unit and children, or one unit over all rounds.
	(t) => [primaryKey({ columns: [t.unitId, t.roundId, t.area, t.title] })]
);

/**
 * Version counters of data that derived tables depend on. 'org_tree' is bumped by a trigger on
 * org_units (any insert, delete, or change of parent or path), whoever makes the change.
 */
export const dataVersions = pgTable('data_versions', {
	name: text('name').primaryKey(),
	version: bigint('version', { mode: 'number' }).notNull().default(0),
	changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
});
