/** The tagger's matching rules (lexicon.ts), on the built-in lexicon and on terms of the kind administrators add. */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LEXICON } from './lexicon';
import { createTagger, termInput, wordsOf, type Lexicon } from './tagger';
import { THEMES } from './themes';

const only = (terms: Partial<Lexicon>): Lexicon => Object.fromEntries(THEMES.map((t) => [t, terms[t] ?? []])) as unknown as Lexicon;

describe('the tagger', () => {
	const builtIn = createTagger(BUILT_IN_LEXICON);

	it('finds a word in any inflection, by its Swedish stem', () => {
		const tagger = createTagger(only({ close_leadership: ['chef'] }));
		for (const text of ['Chefen är bra.', 'Våra chefer lyssnar.', 'Chefens dörr är öppen.']) expect(tagger.tag(text)).toEqual(['close_leadership']);
		expect(tagger.tag('Inget att tillägga.')).toEqual([]);
	});

	it('matches the beginning, the end or the inside of compound words where the term says so', () => {
		const tagger = createTagger(only({ salary: ['löne*'], workload: ['*belastning'], case_supervision: ['*handled*'] }));
		expect(tagger.tag('Löneutvecklingen står still')).toEqual(['salary']);
		expect(tagger.tag('Lönsamt för kommunen')).toEqual([]);
		expect(tagger.tag('Arbetsbelastningen är orimlig')).toEqual(['workload']);
		expect(tagger.tag('Bra ärendehandledning')).toEqual(['case_supervision']);
	});

	it('matches a phrase only with its words in order', () => {
		const tagger = createTagger(only({ threats_violence: ['otillåten påverkan'] }));
		expect(tagger.tag('Vi har rutiner mot otillåten påverkan.')).toEqual(['threats_violence']);
		expect(tagger.tag('Påverkan var otillåten.')).toEqual([]);
	});

	it('reads typical motivations with the built-in lexicon, several themes at once', () => {
		expect(builtIn.tag('Alldeles för många ärenden, hinner inte dokumentera ordentligt.')).toEqual(['workload', 'documentation']);
		expect(builtIn.tag('Chefen finns alltid till hands och handledningen är bra.')).toEqual(['close_leadership', 'case_supervision']);
		expect(builtIn.tag('Bodde på hotellet under utbildningsdagarna.')).toEqual(['further_training']);
		expect(builtIn.tag('Det ekar i rummet.')).toEqual(['premises_tools']);
	});

	it('has a version that changes with any term, whatever their order', () => {
		const a = createTagger(only({ salary: ['lön', 'löne*'] }));
		expect(createTagger(only({ salary: ['löne*', 'lön'] })).version).toBe(a.version);
		expect(createTagger(only({ salary: ['lön'] })).version).not.toBe(a.version);
		expect(createTagger(only({ workload: ['lön', 'löne*'] })).version).not.toBe(a.version);
	});

	it('keeps å, ä and ö, and digits, in words', () => {
		expect(wordsOf('Hög ärendemängd: 45 ärenden!')).toEqual(['hög', 'ärendemängd', '45', 'ärenden']);
	});

	it('accepts the terms administrators may type, and says what to fix in the others', () => {
		expect(termInput.parse('  Kaffemaskin* ')).toBe('kaffemaskin*');
		expect(termInput.parse('hot och våld')).toBe('hot och våld');
		expect(termInput.parse('*handled*')).toBe('*handled*');
		expect(termInput.parse('hr-stöd')).toBe('hr-stöd');
		expect(termInput.safeParse('x').error?.issues[0].message).toBe('Ordet ska ha minst två tecken.');
		expect(termInput.safeParse('lö*n').error?.issues[0].message).toMatch(/stjärna/);
		expect(termInput.safeParse('**').success).toBe(false);
		expect(termInput.safeParse('a'.repeat(61)).error?.issues[0].message).toBe('Ordet får vara högst 60 tecken.');
	});

	it('every built-in term is one an administrator could type', () => {
		for (const theme of THEMES) for (const term of BUILT_IN_LEXICON[theme]) expect(termInput.safeParse(term).success, `${theme}: ${term}`).toBe(true);
	});
});
