/**
 * Published incident statistics (decision 0005): a year's figures, as decided by the anonymity
 * module at publication, written once and then only read, so a later report or a later answer
 * on support never moves a published figure. Re-exported from schema.ts.
 */
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per published year; inserted in the same transaction as the year's cells. */
export const incidentPublications = pgTable('incident_publications', {
	year: integer('year').primaryKey(),
	/** Incidents reported and support answers given before this instant are counted. */
	cutoff: timestamp('cutoff', { withTimezone: true }).notNull(),
	publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * The published cells of one unit (and verksamhetsområde, '*' for all) in one year: the total and
 * each BRÅ form, exactly as discloseCell returned them (hidden cells without figures). Only units
 * with at least one affected employee have a row; any other unit's cells are empty groups. No
 * foreign key to org_units: a published figure outlives a unit removed later.
 */
export const incidentPublishedCells = pgTable(
	'incident_published_cells',
	{
		year: integer('year')
			.notNull()
			.references(() => incidentPublications.year),
		unitId: uuid('unit_id').notNull(),
		area: text('area').notNull(),
		cells: jsonb('cells').notNull()
	},
	(t) => [primaryKey({ columns: [t.year, t.unitId, t.area] })]
);
