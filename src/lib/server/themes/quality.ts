/**
 * How well the tagger reads themes, against texts labelled by hand (issue 15): precision and
 * recall per theme and over all. Used by `npm run themes:quality`, which prints the table that
 * docs/themes.md quotes. Pure: no database.
 */
import { z } from 'zod';
import { THEMES, THEME_INFO, type Theme } from './themes';

export const labelledSet = z.array(
	z.object({
		text: z.string().min(1),
		themes: z.array(z.enum(THEMES))
	})
);
export type Labelled = z.infer<typeof labelledSet>[number];

export interface Score {
	/** Texts a reader labelled with the theme. */
	support: number;
	truePositives: number;
	falsePositives: number;
	falseNegatives: number;
	/** null when the tagger never gave the theme (nothing to be precise about). */
	precision: number | null;
	/** null when no text is labelled with the theme. */
	recall: number | null;
}

export interface Evaluation {
	texts: number;
	perTheme: (Score & { theme: Theme })[];
	/** Over every (text, theme) pair: the totals of the table. */
	overall: Score;
	/** Per theme, texts it missed and texts it wrongly gave: for whoever extends the lexicon. */
	examples: Record<Theme, { missed: string[]; wrong: string[] }>;
}

function score(tp: number, fp: number, fn: number): Score {
	return {
		support: tp + fn,
		truePositives: tp,
		falsePositives: fp,
		falseNegatives: fn,
		precision: tp + fp ? tp / (tp + fp) : null,
		recall: tp + fn ? tp / (tp + fn) : null
	};
}

export function evaluate(tag: (text: string) => Theme[], set: readonly Labelled[]): Evaluation {
	const counts = new Map(THEMES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
	const examples = Object.fromEntries(THEMES.map((t) => [t, { missed: [] as string[], wrong: [] as string[] }])) as Evaluation['examples'];
	for (const { text, themes } of set) {
		const found = new Set(tag(text));
		const expected = new Set(themes);
		for (const theme of THEMES) {
			const c = counts.get(theme)!;
			if (found.has(theme) && expected.has(theme)) c.tp++;
			else if (found.has(theme)) {
				c.fp++;
				examples[theme].wrong.push(text);
			} else if (expected.has(theme)) {
				c.fn++;
				examples[theme].missed.push(text);
			}
		}
	}
	const perTheme = THEMES.map((theme) => {
		const c = counts.get(theme)!;
		return { theme, ...score(c.tp, c.fp, c.fn) };
	});
	const sum = (key: 'truePositives' | 'falsePositives' | 'falseNegatives') => perTheme.reduce((a, s) => a + s[key], 0);
	return { texts: set.length, perTheme, overall: score(sum('truePositives'), sum('falsePositives'), sum('falseNegatives')), examples };
}

const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(0)} %`);

/** The evaluation as a plain-text table (Markdown), one row per theme and the total. */
export function formatEvaluation(e: Evaluation): string {
	const rows = [
		...e.perTheme.map((s) => [THEME_INFO[s.theme].label, String(s.support), String(s.truePositives), String(s.falsePositives), String(s.falseNegatives), pct(s.precision), pct(s.recall)]),
		['Alla teman', String(e.overall.support), String(e.overall.truePositives), String(e.overall.falsePositives), String(e.overall.falseNegatives), pct(e.overall.precision), pct(e.overall.recall)]
	];
	const header = ['Tema', 'Märkta', 'Rätt', 'Fel', 'Missade', 'Precision', 'Täckning'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
	return [line(header), `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`, ...rows.map(line)].join('\n');
}
