/**
 * Tables of otillåten påverkan, hot och våld (incidents): the reports, the people designated to
 * read them, and the published statistics (decision 0005: a year's figures, as decided by the
 * anonymity module at publication, written once and then only read, so a later report or a later
 * answer on support never moves a published figure). Re-exported from schema.ts.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACTIVITY_AREAS, INCIDENT_FORMS, INCIDENT_SUPPORT } from '../../domain';
import { orgUnits, people } from './schema-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// --- Otillåten påverkan, hot och våld (incidents) ----------------------------------------------

/** BRÅ's five forms of otillåten påverkan. */
export const incidentForm = pgEnum('incident_form', INCIDENT_FORMS);
export const incidentSupport = pgEnum('incident_support', INCIDENT_SUPPORT);

export const incidents = pgTable(
	'incidents',
	{
		id: id(),
		/** The employee it happened to. */
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** Who filled in the report: the employee, or their manager on their behalf. */
		reportedBy: uuid('reported_by')
			.notNull()
			.references(() => people.id),
		/** The employee's unit when it happened, so a later move does not carry it along. */
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		form: incidentForm('form').notNull(),
		occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
		/** False when the report gave no time: occurred_at is then the start of the day (Stockholm). */
		occurredTimeKnown: boolean('occurred_time_known').notNull().default(true),
		/** The verksamhetsområde of the work in which it happened. */
		activityArea: text('activity_area', { enum: ACTIVITY_AREAS }).notNull(),
		/** Where or in what situation (hembesök, besöksrum, telefon, …). */
		setting: text('setting').notNull().default(''),
		description: text('description').notNull(),
		policeReported: boolean('police_reported').notNull(),
		/** For a threat: the employee takes it seriously (makes it a serious incident). */
		threatTakenSeriously: boolean('threat_taken_seriously').notNull().default(false),
		/** Later, by the employee: was the support enough? */
		supportEnough: incidentSupport('support_enough'),
		supportComment: text('support_comment'),
		supportAnsweredAt: timestamp('support_answered_at', { withTimezone: true }),
		/** The manager's measures. */
		measures: text('measures').notNull().default(''),
		measuresUpdatedAt: timestamp('measures_updated_at', { withTimezone: true }),
		/** Serious incidents: when reported to Arbetsmiljöverket, and the work-injury report. */
		authorityReportedOn: date('authority_reported_on'),
		workInjuryReportedOn: date('work_injury_reported_on'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('incidents_person_idx').on(t.personId),
		index('incidents_unit_idx').on(t.orgUnitId),
		index('incidents_occurred_idx').on(t.occurredAt),
		check('incidents_activity_area', sql.raw(`activity_area in (${ACTIVITY_AREAS.map((a) => `'${a}'`).join(', ')})`))
	]
);

/**
 * People the kommun designates to read incident details (e.g. the HR or safety function) within
 * a part of the organisation. Kept here, not as a role, so it grants nothing else.
 */
export const incidentReaders = pgTable(
	'incident_readers',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('incident_readers_person_unit_idx').on(t.personId, t.orgUnitId)]
);

// --- Published statistics ---------------------------------------------------------------------

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
