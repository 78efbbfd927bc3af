/**
 * The kommun's administrators extend the lexicon per theme (issue 15). Built-in terms stay; the
 * kommun's own are added and removed here, audited, and every closed round is tagged again with
 * the new lexicon before the change is reported back.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { isAdmin } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { themeTerms } from '../db/schema';
import { conflict, notFound } from '../errors';
import { isUuid, parseInput } from '../validation';
import { BUILT_IN_LEXICON } from './lexicon';
import { ensureThemeTags, lexiconOf, currentTagger } from './store';
import { termInput } from './tagger';
import { THEME_INFO, THEMES, type Theme } from './themes';

function requireAdmin(actor: Actor) {
	// The page is not shown to others; the service answers as if it did not exist.
	if (!isAdmin(actor)) throw notFound('Sidan');
}

export interface ThemeLexicon {
	theme: Theme;
	label: string;
	covers: string;
	builtIn: readonly string[];
	added: { id: string; term: string }[];
}

export async function lexiconToAdminister(db: Db, actor: Actor): Promise<ThemeLexicon[]> {
	requireAdmin(actor);
	const { added } = await lexiconOf(db);
	return THEMES.map((theme) => ({
		theme,
		label: THEME_INFO[theme].label,
		covers: THEME_INFO[theme].covers,
		builtIn: BUILT_IN_LEXICON[theme],
		added: added.filter((a) => a.theme === theme).map((a) => ({ id: a.id, term: a.term }))
	}));
}

const addInput = z.object({
	theme: z.enum(THEMES, { error: 'Välj ett tema.' }),
	term: termInput
});

export async function addTerm(db: Db, actor: Actor, input: unknown): Promise<{ id: string; theme: Theme; term: string }> {
	requireAdmin(actor);
	const data = parseInput(addInput, input);
	if (BUILT_IN_LEXICON[data.theme].includes(data.term)) throw conflict(`”${data.term}” finns redan i temat ${THEME_INFO[data.theme].label}.`);
	const [row] = await db.insert(themeTerms).values({ theme: data.theme, term: data.term, createdBy: actor.personId }).onConflictDoNothing().returning();
	if (!row) throw conflict(`”${data.term}” finns redan i temat ${THEME_INFO[data.theme].label}.`);
	await audit(db, actor, { action: 'theme_term.add', subjectType: 'theme_term', subjectId: row.id, detail: { theme: data.theme, term: data.term } });
	await ensureThemeTags(db);
	return { id: row.id, theme: data.theme, term: data.term };
}

export async function removeTerm(db: Db, actor: Actor, termId: string): Promise<void> {
	requireAdmin(actor);
	if (!isUuid(termId)) throw notFound('Ordet');
	const [row] = await db.delete(themeTerms).where(eq(themeTerms.id, termId)).returning();
	if (!row) throw notFound('Ordet');
	await audit(db, actor, { action: 'theme_term.remove', subjectType: 'theme_term', subjectId: row.id, detail: { theme: row.theme, term: row.term } });
	await ensureThemeTags(db);
}

const tryInput = z.object({
	text: z.string({ error: 'Skriv en text att pröva.' }).trim().min(1, 'Skriv en text att pröva.').max(2000, 'Texten får vara högst 2 000 tecken.')
});

/** Which themes a text of the administrator's own would get: to try a term before relying on it. */
export async function tryText(db: Db, actor: Actor, input: unknown): Promise<{ text: string; themes: { theme: Theme; label: string }[] }> {
	requireAdmin(actor);
	const { text } = parseInput(tryInput, input);
	const tagger = await currentTagger(db);
	return { text, themes: tagger.tag(text).map((theme) => ({ theme, label: THEME_INFO[theme].label })) };
}
