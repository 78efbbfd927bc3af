/**
 * Which themes a text speaks about: the text's words are stemmed with the Snowball Swedish
 * stemmer (@nlpjs/lang-sv) and matched against each theme's terms (syntax in lexicon.ts).
 * Runs on the server only; no text leaves it.
 */
import { createHash } from 'node:crypto';
import { StemmerSv } from '@nlpjs/lang-sv';
import { z } from 'zod';
import { THEMES, type Theme } from './themes';

const stemmer = new StemmerSv();
const stem = (word: string): string => stemmer.stemWord(word);

/** Words as the tagger sees them: lower case, letters and digits only (å, ä, ö kept). */
export const wordsOf = (text: string): string[] => text.toLocaleLowerCase('sv-SE').match(/[\p{L}\p{N}]+/gu) ?? [];

interface Word {
	raw: string;
	stem: string;
}
type Matcher = (word: Word) => boolean;

/** The rules for a term typed by an administrator, with the message that says what to fix. */
export const termInput = z
	.string({ error: 'Skriv ett ord eller en fras.' })
	.trim()
	.toLowerCase()
	.min(2, 'Ordet ska ha minst två tecken.')
	.max(60, 'Ordet får vara högst 60 tecken.')
	.regex(/^\*?[\p{L}\p{N}]+(?:[ -][\p{L}\p{N}]+)*\*?$/u, 'Använd bokstäver, siffror, mellanslag och bindestreck, och en stjärna (*) bara först eller sist.');

function wordMatcher(part: string): Matcher {
	const starts = part.endsWith('*');
	const ends = part.startsWith('*');
	const body = part.replace(/^\*|\*$/g, '');
	if (starts && ends) return (w) => w.raw.includes(body);
	if (starts) return (w) => w.raw.startsWith(body);
	const bodyStem = stem(body);
	if (ends) return (w) => w.stem.endsWith(bodyStem) || w.raw.endsWith(body);
	return (w) => w.stem === bodyStem || w.raw === body;
}

/** A term as a sequence of word matchers ("hot och våld" is three, in this order). */
function compile(term: string): Matcher[] {
	const parts = term.toLocaleLowerCase('sv-SE').split(/[\s-]+/).filter(Boolean);
	// A star on a phrase belongs to its first or last word.
	return parts.map((part, i) => wordMatcher((i === 0 && term.startsWith('*') && !part.startsWith('*') ? '*' : '') + part));
}

export type Lexicon = Record<Theme, readonly string[]>;

export interface Tagger {
	/** The themes the text speaks about, in THEMES' order. */
	tag(text: string): Theme[];
	/** Changes whenever any term changes: tags computed with another version are stale. */
	version: string;
}

export function createTagger(lexicon: Lexicon): Tagger {
	const compiled = THEMES.map((theme) => ({ theme, terms: (lexicon[theme] ?? []).map(compile) }));
	const version = createHash('sha256')
		.update(JSON.stringify(THEMES.map((theme) => [theme, [...(lexicon[theme] ?? [])].sort()])))
		.digest('hex')
		.slice(0, 16);
	return {
		version,
		tag(text) {
			const words = wordsOf(text).map((raw) => ({ raw, stem: stem(raw) }));
			const found: Theme[] = [];
			for (const { theme, terms } of compiled) {
				if (terms.some((parts) => occursIn(parts, words))) found.push(theme);
			}
			return found;
		}
	};
}

function occursIn(parts: Matcher[], words: Word[]): boolean {
	for (let start = 0; start + parts.length <= words.length; start++) {
		if (parts.every((match, i) => match(words[start + i]))) return true;
	}
	return false;
}
