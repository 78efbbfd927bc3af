// @nlpjs/lang-sv ships no types; we use only the Snowball Swedish stemmer.
declare module '@nlpjs/lang-sv' {
	export class StemmerSv {
		stemWord(word: string): string;
	}
}
