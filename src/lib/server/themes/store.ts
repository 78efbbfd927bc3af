/**
 * The themes of each closed round's texts, kept in response_themes. They are derived data:
 * computed when a round is first read after closing, and again whenever the lexicon changes
 * (a new version) — the next report after an administrator's change sees the new tags.
 * Answers of a closed round do not change; retention deletes the tags with the texts.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { TEXT_GROUPS, type TextGroup } from '$lib/domain';
import type { Db } from '../db';
import { query } from '../db/client';
import { responseThemes, rounds, themeTagState, themeTerms } from '../db/schema';
import { BUILT_IN_LEXICON } from './lexicon';
import { createTagger, type Lexicon, type Tagger } from './tagger';
import { THEMES, type Theme } from './themes';

/** Serialises tagging across app instances (PostgreSQL advisory lock id). */
const TAG_LOCK = 727115;

export type AddedTerm = typeof themeTerms.$inferSelect;

/** The built-in lexicon with the kommun's own terms added. */
export async function lexiconOf(db: Db): Promise<{ lexicon: Lexicon; added: AddedTerm[] }> {
	const added = await db.select().from(themeTerms).orderBy(asc(themeTerms.theme), asc(themeTerms.term));
	const lexicon = {} as Record<Theme, string[]>;
	for (const theme of THEMES) lexicon[theme] = [...BUILT_IN_LEXICON[theme], ...added.filter((a) => a.theme === theme).map((a) => a.term)];
	return { lexicon, added };
}

let cached: { key: string; tagger: Tagger } | null = null;

/** The tagger of the current lexicon (compiled once per lexicon, per process). */
export async function currentTagger(db: Db): Promise<Tagger> {
	const { lexicon } = await lexiconOf(db);
	const key = JSON.stringify(lexicon);
	if (cached?.key !== key) cached = { key, tagger: createTagger(lexicon) };
	return cached.tagger;
}

/**
 * Makes sure every closed round is tagged with the current lexicon. Cheap when nothing changed:
 * two small reads. Returns the lexicon version the tags now have.
 */
export async function ensureThemeTags(db: Db): Promise<string> {
	const tagger = await currentTagger(db);
	const stale = await staleRounds(db, tagger.version);
	for (const roundId of stale) {
		await db.transaction(async (tx) => {
			await tx.execute(sql`select pg_advisory_xact_lock(${TAG_LOCK})`);
			// Another instance may have tagged it while this one waited.
			if (!(await staleRounds(tx, tagger.version, roundId)).length) return;
			await tagRound(tx, tagger, roundId);
		});
	}
	return tagger.version;
}

/** The closed rounds (or the one given) not tagged with this lexicon version. */
async function staleRounds(db: Db, version: string, roundId?: string): Promise<string[]> {
	const closed = await db
		.select({ id: rounds.id, version: themeTagState.lexiconVersion })
		.from(rounds)
		.leftJoin(themeTagState, eq(themeTagState.roundId, rounds.id))
		.where(and(eq(rounds.status, 'closed'), roundId ? eq(rounds.id, roundId) : undefined));
	return closed.filter((r) => r.version !== version).map((r) => r.id);
}

async function tagRound(tx: Db, tagger: Tagger, roundId: string): Promise<void> {
	const answers = await query<Record<TextGroup, string | null> & { id: string }>(
		tx,
		sql`select id, situation_comment as situation, quality_comment as quality, recommend_comment as recommend, positive_text as positive
		    from responses where round_id = ${roundId}`
	);
	await tx.execute(sql`delete from response_themes t using responses r where t.response_id = r.id and r.round_id = ${roundId}`);
	const rows: (typeof responseThemes.$inferInsert)[] = [];
	let texts = 0;
	for (const answer of answers) {
		for (const field of TEXT_GROUPS) {
			const text = answer[field];
			if (!text) continue;
			texts++;
			for (const theme of tagger.tag(text)) rows.push({ responseId: answer.id, statement: field, theme });
		}
	}
	for (let i = 0; i < rows.length; i += 2000) await tx.insert(responseThemes).values(rows.slice(i, i + 2000));
	const state = { lexiconVersion: tagger.version, textSignature: `${answers.length}:${texts}` };
	await tx
		.insert(themeTagState)
		.values({ roundId, ...state })
		.onConflictDoUpdate({ target: themeTagState.roundId, set: { ...state, taggedAt: sql`now()` } });
}

/**
 * Per theme: how many respondents of a unit (and below, with the report's filters) wrote about
 * it, and split by the band of their score on the statement they wrote it under. Raw figures:
 * only ever shown through the anonymity module (discloseThemeCounts).
 */
export interface RawThemeCount {
	theme: Theme;
	wrote: number;
	low: number;
	middle: number;
	high: number;
	positive: number;
}

export async function loadThemeCounts(db: Db, roundId: string, unitPattern: string, filter: ReturnType<typeof sql>): Promise<RawThemeCount[]> {
	const rows = await query<RawThemeCount>(
		db,
		sql`select t.theme,
		      count(distinct r.id)::int as wrote,
		      (count(distinct r.id) filter (where s.score between 1 and 2))::int as low,
		      (count(distinct r.id) filter (where s.score between 3 and 4))::int as middle,
		      (count(distinct r.id) filter (where s.score between 5 and 6))::int as high,
		      (count(distinct r.id) filter (where t.statement = 'positive'))::int as positive
		    from response_themes t
		    join responses r on r.id = t.response_id
		    join org_units u on u.id = r.org_unit_id
		    cross join lateral (select case t.statement when 'situation' then r.situation_score when 'quality' then r.quality_score
		                                               when 'recommend' then r.recommend_score end as score) s
		    where r.round_id = ${roundId} and u.path like ${unitPattern} ${filter}
		    group by t.theme`
	);
	const byTheme = new Map(rows.map((r) => [r.theme, r]));
	// Every theme, in order, with zeros where nobody wrote about it.
	return THEMES.map((theme) => byTheme.get(theme) ?? { theme, wrote: 0, low: 0, middle: 0, high: 0, positive: 0 });
}
