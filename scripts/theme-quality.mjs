#!/usr/bin/env node
// `npm run themes:quality [-- --examples]`: how well the built-in lexicon reads the themes of the
// hand-labelled motivations in tests/fixtures/themes/ — the held-out set and the tuning set —
// precision and recall per theme, as tables (docs/themes.md). With --examples, the texts each
// theme missed or wrongly got.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const outfile = path.join(root, 'node_modules/.cache/theme-quality.mjs');
await build({
	stdin: {
		contents: `export { createTagger } from './tagger'; export { BUILT_IN_LEXICON } from './lexicon'; export { evaluate, formatEvaluation, labelledSet } from './quality'; export { THEME_INFO } from './themes';`,
		resolveDir: path.join(root, 'src/lib/server/themes'),
		loader: 'ts'
	},
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	packages: 'external',
	logLevel: 'warning'
});
const m = await import(pathToFileURL(outfile).href);
const tagger = m.createTagger(m.BUILT_IN_LEXICON);
const sets = [
	['labelled-motivations.json', 'held out: labelled by someone who never saw the lexicon — the fair measure'],
	['labelled-tuning.json', 'the set the lexicon was tuned on — flatters it']
];
for (const [name, about] of sets) {
	const file = path.join(root, 'tests/fixtures/themes', name);
	const parsed = m.labelledSet.safeParse(JSON.parse(readFileSync(file, 'utf8')));
	if (!parsed.success) {
		console.error(`${path.relative(root, file)} is not a list of { text, themes }:`, parsed.error.issues.slice(0, 5));
		process.exit(1);
	}
	const result = m.evaluate((t) => tagger.tag(t), parsed.data);
	console.log(`\n${name}: ${result.texts} hand-labelled motivations, ${about}. Built-in lexicon version ${tagger.version}.\n`);
	console.log(m.formatEvaluation(result));
	if (process.argv.includes('--examples')) {
		for (const [theme, { missed, wrong }] of Object.entries(result.examples)) {
			if (!missed.length && !wrong.length) continue;
			console.log(`\n## ${m.THEME_INFO[theme].label}`);
			for (const t of missed) console.log(`  missed: ${t}`);
			for (const t of wrong) console.log(`  wrong:  ${t}`);
		}
	}
}
