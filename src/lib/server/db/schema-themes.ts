/**
 * Themes in what staff write (issue 15): the terms the kommun's administrators added to the
 * built-in lexicon, and the themes each answer's texts speak about. The tags are derived data,
 * recomputed per closed round whenever the lexicon or the round's texts change (themes/store.ts);
 * they go with the answer (cascade) and are deleted with its texts by retention.
 * Re-exported from schema.ts; lazy references only (see schema-city-plan.ts).
 */
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people, responses, rounds } from './schema-core';

export const themeTerms = pgTable(
	'theme_terms',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** A key of THEMES (themes/themes.ts). */
		theme: text('theme').notNull(),
		/** Lower case, in the lexicon's syntax (themes/lexicon.ts). */
		term: text('term').notNull(),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('theme_terms_theme_term_idx').on(t.theme, t.term)]
);

export const responseThemes = pgTable(
	'response_themes',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		/** Which text: 'situation' | 'quality' | 'recommend' | 'positive'. */
		statement: text('statement').notNull(),
		theme: text('theme').notNull()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.statement, t.theme] }), index('response_themes_theme_idx').on(t.theme)]
);

/** Per closed round: with which lexicon version and over which texts its tags were computed. */
export const themeTagState = pgTable('theme_tag_state', {
	roundId: uuid('round_id')
		.primaryKey()
		.references(() => rounds.id, { onDelete: 'cascade' }),
	lexiconVersion: text('lexicon_version').notNull(),
	/** Number of answers and of texts in the round when tagged: retention or a late change shows. */
	textSignature: text('text_signature').notNull(),
	taggedAt: timestamp('tagged_at', { withTimezone: true }).notNull().defaultNow()
});
