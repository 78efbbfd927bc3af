/**
 * The följeforskare's own coding of the motivations (issue 15): codes they define, and which
 * texts they gave which codes. A text is known only by a hash of its round, its statement and its
 * words, never by the answer it came from, so the coding cannot tie a person's texts together;
 * the texts themselves are not copied here (they come from the report, through the anonymity
 * module, each time). Re-exported from schema.ts; lazy references only (see schema-city-plan.ts).
 */
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { people, rounds } from './schema-core';

export const researchCodes = pgTable(
	'research_codes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		researcherId: uuid('researcher_id')
			.notNull()
			.references(() => people.id),
		name: text('name').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('research_codes_name_idx').on(t.researcherId, sql`lower(${t.name})`)]
);

export const researchCodings = pgTable(
	'research_codings',
	{
		codeId: uuid('code_id')
			.notNull()
			.references(() => researchCodes.id, { onDelete: 'cascade' }),
		roundId: uuid('round_id')
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		/** 'situation' | 'quality' | 'recommend' | 'positive'. */
		statement: text('statement').notNull(),
		/** sha256 of round, statement and the text's words (research/service.ts). */
		textHash: text('text_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.codeId, t.roundId, t.statement, t.textHash] }), index('research_codings_text_idx').on(t.roundId, t.statement, t.textHash)]
);
