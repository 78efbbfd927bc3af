/**
 * Tables of identity and personal data: staff imports from HR, single sign-on login flows, and
 * retention (gallring) of named answers. Re-exported from schema.ts.
 */
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
// Only lazy references (`() => table.id`) into schema-core: see schema.ts.
import { orgUnits, people, rounds } from './schema-core';

/**
 * A staff import: the rows of the HR file are kept between the dry run and "apply" (so the
 * administrator does not upload twice), then dropped. `fingerprint` is the hash of the planned
 * changes: apply refuses when the database changed in between and the plan would differ.
 */
export const staffImports = pgTable(
	'staff_imports',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => people.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		fileName: text('file_name').notNull(),
		/** 'csv' | 'xlsx' | 'json' */
		format: text('format').notNull(),
		/** The kommun the file belongs to. */
		kommunId: uuid('kommun_id')
			.notNull()
			.references(() => orgUnits.id),
		/** 'all' (the whole kommun), 'listed' (the förvaltningar named in the file) or a förvaltning id. */
		scope: text('scope').notNull(),
		/** 'preview' | 'applied' */
		status: text('status').notNull().default('preview'),
		fingerprint: text('fingerprint').notNull(),
		/** The parsed rows with their line numbers; null once applied or expired. */
		rows: jsonb('rows'),
		/** Counts per kind of change. */
		summary: jsonb('summary').notNull(),
		appliedAt: timestamp('applied_at', { withTimezone: true })
	},
	(t) => [index('staff_imports_created_idx').on(t.createdAt), check('staff_imports_status', sql`${t.status} in ('preview', 'applied')`)]
);

/**
 * An external login under way (OpenID Connect now, SAML later): the browser holds `state` in a
 * cookie, the table its sha256 with the PKCE verifier and nonce. Single use, short-lived.
 */
export const loginFlows = pgTable(
	'login_flows',
	{
		id: text('id').primaryKey(),
		method: text('method').notNull(),
		codeVerifier: text('code_verifier').notNull(),
		nonce: text('nonce').notNull(),
		/** Where to go after login (a local path). */
		next: text('next').notNull().default('/'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('login_flows_expires_idx').on(t.expiresAt)]
);

/** Rounds whose named answers have been cut from the people who gave them (retention). */
export const retainedRounds = pgTable('retained_rounds', {
	roundId: uuid('round_id')
		.primaryKey()
		.references(() => rounds.id, { onDelete: 'cascade' }),
	retainedAt: timestamp('retained_at', { withTimezone: true }).notNull().defaultNow(),
	/** The setting in force when it ran. */
	retentionYears: integer('retention_years').notNull(),
	/** How many answers and memberships were moved to pseudonyms. */
	pseudonymised: integer('pseudonymised').notNull()
});

/**
 * The stand-in people of retained rounds: one per round member, with no name, no e-mail that
 * leads anywhere and no link to the real person. They exist because answers and memberships
 * must point at a person row; they are never shown, never log in and are skipped everywhere.
 */
export const retentionPseudonyms = pgTable(
	'retention_pseudonyms',
	{
		personId: uuid('person_id')
			.primaryKey()
			.references(() => people.id),
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' })
	},
	(t) => [index('retention_pseudonyms_round_idx').on(t.roundId)]
);

/**
 * The cells that the anonymity rule 3 ("changed slightly since an earlier round") held back,
 * frozen when retention cut the link between rounds: rule 3 needs to know that two answers in
 * different rounds came from the same person, which retention removes on purpose. Decided once
 * with everyone's identity, kept here, so the reports of every round show the same figures
 * after retention as before. See docs/decisions/0008-retention.md.
 */
export const disclosureGuards = pgTable(
	'disclosure_guards',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		/** 'figures' or 'text': the two thresholds are decided separately. */
		kind: text('kind').notNull(),
		/** The threshold (ANONYMITY_MIN_GROUP or ANONYMITY_MIN_TEXT_GROUP) it was decided with. */
		k: integer('k').notNull(),
		unitId: uuid('unit_id').notNull(),
		/** null = all verksamhetsområden / all titles. */
		area: text('area'),
		title: text('title')
	},
	(t) => [index('disclosure_guards_round_idx').on(t.roundId), check('disclosure_guards_kind', sql`${t.kind} in ('figures', 'text')`)]
);
