/**
 * The core tables: organisation, people, sessions, rounds, answers, action plans, audit.
 * Feature files (schema-city-plan.ts, …) import from here; schema.ts joins them all.
 */
import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
// The enum values have one source, the domain vocabulary (relative path: drizzle-kit reads this file).
import { INDIVIDUAL_PLAN_STATUSES, ACTIVITY_AREAS, GENDERS, ORG_UNIT_KINDS, ROLES, ROUND_KINDS, ROUND_STATUSES, TITLES } from '../../domain';

const id = () => uuid('id').primaryKey().defaultRandom();
/** A list of the domain's values for a check constraint: `${column} in (${sqlValues(LIST)})`. */
export const sqlValues = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// --- Organisation -----------------------------------------------------------

/** (region →) kommun → förvaltning → avdelning → enhet → arbetsgrupp (optional level). */
export const orgUnitKind = pgEnum('org_unit_kind', ORG_UNIT_KINDS);

/** verksamhetsområde */
export const activityArea = pgEnum('activity_area', ACTIVITY_AREAS);

/** yrkestitel: only socialsekreterare and biståndshandläggare answer rounds. */
export const title = pgEnum('title', TITLES);

export const gender = pgEnum('gender', GENDERS);

export const orgUnits = pgTable(
	'org_units',
	{
		id: id(),
		parentId: uuid('parent_id'),
		kind: orgUnitKind('kind').notNull(),
		name: text('name').notNull(),
		/** Materialised path of ancestor ids, '/root/…/self/', so a subtree is one prefix match. */
		path: text('path').notNull(),
		depth: integer('depth').notNull(),
		/** The verksamhetsområde an enhet works in (informational; people carry their own). */
		activityArea: activityArea('activity_area'),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('org_units_path_idx').on(t.path.op('text_pattern_ops')),
		index('org_units_parent_idx').on(t.parentId)
	]
);

export const people = pgTable(
	'people',
	{
		id: id(),
		/** anställningsnummer from HR; the stable key for imports and single sign-on. */
		employeeId: text('employee_id'),
		email: text('email').notNull(),
		name: text('name').notNull(),
		gender: gender('gender'),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		title: title('title').notNull(),
		activityArea: activityArea('activity_area'),
		passwordHash: text('password_hash'),
		active: boolean('active').notNull().default(true),
		createdAt: createdAt(),
		deactivatedAt: timestamp('deactivated_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('people_email_idx').on(t.email),
		uniqueIndex('people_employee_id_idx').on(t.employeeId),
		index('people_org_unit_idx').on(t.orgUnitId)
	]
);

/** What a person may do where. A manager of two units has two rows; an acting manager has dates. */
export const role = pgEnum('role', ROLES);

export const roleAssignments = pgTable(
	'role_assignments',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		role: role('role').notNull(),
		/** vikarierande chef: an assignment limited to a period. Null means open-ended. */
		validFrom: date('valid_from'),
		validTo: date('valid_to'),
		createdAt: createdAt()
	},
	(t) => [
		index('role_assignments_person_idx').on(t.personId),
		index('role_assignments_unit_idx').on(t.orgUnitId)
	]
);

// --- Sessions -----------------------------------------------------------------

export const sessions = pgTable(
	'sessions',
	{
		/** sha256 of the token in the cookie, so a leaked table does not leak sessions. */
		id: text('id').primaryKey(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_person_idx').on(t.personId)]
);

/** Failed logins, counted per account and per address for rate limiting across instances. */
export const loginAttempts = pgTable(
	'login_attempts',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		email: text('email').notNull(),
		ip: text('ip').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('login_attempts_email_idx').on(t.email, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)]
);

/**
 * Login throttling counters (auth/throttle.ts), one row per key: `pair:<email> <ip>`,
 * `account:<email>`, `address:<ip>`. Checked and incremented in one statement, so the limits
 * hold under concurrency and across instances.
 */
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	/** Password checks reserved in the current window (a successful login gives its back). */
	attempts: integer('attempts').notNull(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	/** No password check for this key before this time (the progressive delay). */
	nextAt: timestamp('next_at', { withTimezone: true }).notNull()
});

// --- Rounds (mätomgångar) --------------------------------------------------------

export const roundKind = pgEnum('round_kind', ROUND_KINDS);
export const roundStatus = pgEnum('round_status', ROUND_STATUSES);

/** round = mätomgång */
export const rounds = pgTable(
	'rounds',
	{
		id: id(),
		kind: roundKind('kind').notNull(),
		year: integer('year').notNull(),
		/** Shown name, e.g. "T2 2026"; free for custom rounds. */
		name: text('name').notNull(),
		opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
		closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
		status: roundStatus('status').notNull().default('draft'),
		openedAt: timestamp('opened_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('rounds_opens_idx').on(t.opensAt)]
);

/** The förvaltningar that take part in a round. */
export const roundUnits = pgTable(
	'round_units',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id)
	},
	(t) => [primaryKey({ columns: [t.roundId, t.orgUnitId] })]
);

/**
 * Who was asked to answer, snapshotted when the round opens (and when someone joins while it
 * is open), so response rates and group sizes do not move when people later change unit.
 */
export const roundMembers = pgTable(
	'round_members',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		title: title('title').notNull(),
		activityArea: activityArea('activity_area').notNull(),
		gender: gender('gender')
	},
	(t) => [
		primaryKey({ columns: [t.roundId, t.personId] }),
		index('round_members_unit_idx').on(t.roundId, t.orgUnitId)
	]
);

/**
 * A person's answer in a round. The unit, title and area are copied from round_members so a
 * move during the round does not carry the answer to the new manager.
 */
export const responses = pgTable(
	'responses',
	{
		id: id(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		orgUnitId: uuid('org_unit_id')
			.notNull()
			.references(() => orgUnits.id),
		title: title('title').notNull(),
		activityArea: activityArea('activity_area').notNull(),
		/** antal egna öppna ärenden */
		caseCount: integer('case_count').notNull(),
		/** "Jag har en bra arbetssituation." 1–6 */
		situationScore: smallint('situation_score').notNull(),
		situationComment: text('situation_comment'),
		/** "Jag känner att jag kan göra ett gott arbete." 1–6 */
		qualityScore: smallint('quality_score').notNull(),
		qualityComment: text('quality_comment'),
		/** "Jag kan rekommendera min arbetsplats till andra." 1–6 */
		recommendScore: smallint('recommend_score').notNull(),
		recommendComment: text('recommend_comment'),
		/** "Vad är positivt i min arbetssituation?" — goes with the name to the nearest manager. */
		positiveText: text('positive_text'),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('responses_round_person_idx').on(t.roundId, t.personId),
		index('responses_round_unit_idx').on(t.roundId, t.orgUnitId),
		check('responses_scores_range', sql`${t.situationScore} between 1 and 6 and ${t.qualityScore} between 1 and 6 and ${t.recommendScore} between 1 and 6`),
		check('responses_case_count_range', sql`${t.caseCount} between 0 and 500`)
	]
);

/** Reminders sent to people who had not answered. */
/**
 * A nearest manager's reminder to own staff who have not answered a round, with the text sent.
 * At most one per manager, round and Stockholm day: the unique index is the rule, so two app
 * instances cannot both send one.
 */
export const managerReminders = pgTable(
	'manager_reminders',
	{
		id: id(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		managerId: uuid('manager_id')
			.notNull()
			.references(() => people.id),
		/** The Stockholm day it was sent. */
		sentOn: date('sent_on').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
		message: text('message').notNull(),
		reminded: integer('reminded').notNull(),
		emailed: integer('emailed').notNull()
	},
	(t) => [uniqueIndex('manager_reminders_once_a_day').on(t.roundId, t.managerId, t.sentOn)]
);

export const reminders = pgTable(
	'reminders',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		channel: text('channel').notNull(), // 'email' | 'page'
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
		/** Set when the nearest manager sent it (its text is shown on the start page). */
		managerReminderId: uuid('manager_reminder_id').references(() => managerReminders.id, { onDelete: 'cascade' })
	},
	(t) => [index('reminders_round_person_idx').on(t.roundId, t.personId)]
);

// --- Individual action plans (individuella handlingsplaner) ----------------------

export const individualPlanStatus = pgEnum('individual_plan_status', INDIVIDUAL_PLAN_STATUSES);

export const individualPlans = pgTable(
	'individual_plans',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		managerId: uuid('manager_id')
			.notNull()
			.references(() => people.id),
		/** The round whose answer led to the offer, when there is one. */
		roundId: uuid('round_id').references(() => rounds.id),
		status: individualPlanStatus('status').notNull().default('offered'),
		offeredAt: timestamp('offered_at', { withTimezone: true }).notNull().defaultNow(),
		followUpOn: date('follow_up_on').notNull(),
		goals: text('goals').notNull().default(''),
		measures: text('measures').notNull().default(''),
		outcome: text('outcome'),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('individual_plans_person_idx').on(t.personId), index('individual_plans_manager_idx').on(t.managerId)]
);

export const individualPlanNotes = pgTable(
	'individual_plan_notes',
	{
		id: id(),
		individualPlanId: uuid('individual_plan_id')
			.notNull()
			.references(() => individualPlans.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id')
			.notNull()
			.references(() => people.id),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('individual_plan_notes_plan_idx').on(t.individualPlanId)]
);

// --- Audit and settings ---------------------------------------------------------------

/** Append-only: the app never updates or deletes rows here. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: uuid('actor_id'),
		action: text('action').notNull(),
		subjectType: text('subject_type'),
		subjectId: text('subject_id'),
		detail: jsonb('detail'),
		ip: text('ip')
	},
	(t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_idx').on(t.actorId)]
);

export const settings = pgTable('settings', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
