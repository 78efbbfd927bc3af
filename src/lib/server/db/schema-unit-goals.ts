/**
 * The unit's own goals followed with a checklist at every closed investigation (issue 14, part 1;
 * enhetens mål och checklista). An enhet sets goals with an expected result; each goal is measured
 * by checklist items the social worker answers ja / nej / ej aktuellt when an investigation
 * closes. A filled-in checklist carries the closing date, the child's or client's gender and age
 * band, and never the client's identity. Re-exported from schema.ts; lazy references only.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CHECKLIST_ANSWERS, CLIENT_AGE_BANDS, CLIENT_GENDERS } from '../../domain';
import { orgUnits, people, sqlValues } from './schema-core';
import { cityPlanSubgoals } from './schema-city-plan';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** mål: e.g. "80 % av barnen som behöver samordnade insatser har en SIP". */
export const unitGoals = pgTable(
	'unit_goals',
	{
		id: id(),
		/** The enhet whose goal it is. */
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		title: text('title').notNull(),
		/** Förväntat resultat: the share "ja" (per cent) the unit aims for. */
		expectedShare: smallint('expected_share').notNull(),
		/** A delmål of the förvaltning's plan the goal contributes to (the lokal styrgrupp sees it there). */
		subgoalId: uuid('subgoal_id').references(() => cityPlanSubgoals.id),
		position: integer('position').notNull().default(0),
		/** An archived goal keeps its history but is no longer followed. */
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('unit_goals_unit_idx').on(t.orgUnitId), check('unit_goals_expected_share', sql`${t.expectedShare} between 0 and 100`)]
);

/** A question of the enhet's checklist, e.g. "Har du använt mappning under utredningen?". */
export const checklistItems = pgTable(
	'checklist_items',
	{
		id: id(),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		/** The goal the item measures; null for an item the unit follows without a goal. */
		goalId: uuid('goal_id').references(() => unitGoals.id),
		question: text('question').notNull(),
		position: integer('position').notNull().default(0),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('checklist_items_unit_idx').on(t.orgUnitId)]
);

/** One filled-in checklist: one closed investigation (avslutad utredning). No client identity. */
export const checklists = pgTable(
	'checklists',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** Where the social worker worked when filling it in (arbetsgrupp or enhet): the group compilation counts it there. */
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		/** The enhet whose checklist it is. */
		enhetId: uuid('enhet_id')
			.notNull()
			.references(() => orgUnits.id),
		/** The day the investigation closed (the periods count by it). */
		closedOn: date('closed_on', { mode: 'string' }).notNull(),
		clientGender: text('client_gender').notNull(),
		ageBand: text('age_band').notNull(),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('checklists_enhet_idx').on(t.enhetId, t.closedOn),
		index('checklists_person_idx').on(t.personId, t.closedOn),
		check('checklists_client_gender', sql`${t.clientGender} in (${sqlValues(CLIENT_GENDERS)})`),
		check('checklists_age_band', sql`${t.ageBand} in (${sqlValues(CLIENT_AGE_BANDS)})`)
	]
);

export const checklistAnswers = pgTable(
	'checklist_answers',
	{
		checklistId: uuid('checklist_id')
			.notNull()
			.references(() => checklists.id, { onDelete: 'cascade' }),
		itemId: uuid('item_id')
			.notNull()
			.references(() => checklistItems.id),
		answer: text('answer').notNull()
	},
	(t) => [primaryKey({ columns: [t.checklistId, t.itemId] }), index('checklist_answers_item_idx').on(t.itemId), check('checklist_answers_answer', sql`${t.answer} in (${sqlValues(CHECKLIST_ANSWERS)})`)]
);
