/**
 * Introduction and mentors for new social workers (issue 14, part 3; introduktionsprogram och
 * mentorskap), and the students and trainees an enhet receives (VFU). An enhet keeps a template
 * of steps with a due week; a person who starts gets a programme copied from it, a named mentor
 * and a six-month end. Re-exported from schema.ts; lazy references only.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { GENDERS, PLACEMENT_KINDS } from '../../domain';
import { orgUnits, people, sqlValues } from './schema-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A step of the enhet's template, e.g. "Stadens introduktionskurs", due in week 3. */
export const introductionTemplateSteps = pgTable(
	'introduction_template_steps',
	{
		id: id(),
		/** The enhet whose template it is. */
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		title: text('title').notNull(),
		/** Week of the programme (1 = the first week) the step should be done by. */
		dueWeek: smallint('due_week').notNull(),
		position: integer('position').notNull().default(0),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('introduction_template_steps_unit_idx').on(t.orgUnitId), check('introduction_template_steps_week', sql`${t.dueWeek} between 1 and 26`)]
);

/** introduktionsprogram: one new employee's programme. */
export const introductions = pgTable(
	'introductions',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** The enhet the person started in. */
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		startDate: date('start_date', { mode: 'string' }).notNull(),
		/** Six months after the start. */
		endDate: date('end_date', { mode: 'string' }).notNull(),
		mentorId: uuid('mentor_id').references(() => people.id),
		/** The day the last step was ticked off; null while steps remain. */
		completedOn: date('completed_on', { mode: 'string' }),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('introductions_person_idx').on(t.personId), index('introductions_unit_idx').on(t.orgUnitId, t.startDate)]
);

export const introductionSteps = pgTable(
	'introduction_steps',
	{
		id: id(),
		introductionId: uuid('introduction_id')
			.notNull()
			.references(() => introductions.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		dueWeek: smallint('due_week').notNull(),
		position: integer('position').notNull().default(0),
		doneOn: date('done_on', { mode: 'string' }),
		doneBy: uuid('done_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('introduction_steps_intro_idx').on(t.introductionId)]
);

/** Short notes by the new employee, the mentor or the manager, on the programme or one step. */
export const introductionNotes = pgTable(
	'introduction_notes',
	{
		id: id(),
		introductionId: uuid('introduction_id')
			.notNull()
			.references(() => introductions.id, { onDelete: 'cascade' }),
		stepId: uuid('step_id').references(() => introductionSteps.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => people.id),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('introduction_notes_intro_idx').on(t.introductionId)]
);

/** A student (VFU) or trainee an enhet received in a semester; no name, only what the indicators count. */
export const placements = pgTable(
	'placements',
	{
		id: id(),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		/** e.g. '2026-HT' (the indicators' semester period key). */
		semester: text('semester').notNull(),
		kind: text('kind').notNull(),
		gender: text('gender'),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [
		index('placements_unit_idx').on(t.orgUnitId, t.semester),
		check('placements_kind', sql`${t.kind} in (${sqlValues(PLACEMENT_KINDS)})`),
		check('placements_gender', sql`${t.gender} is null or ${t.gender} in (${sqlValues(GENDERS)})`)
	]
);
