/** The quality measure of the tagger (quality.ts), and the hand-labelled set it is measured on. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, formatEvaluation, labelledSet } from './quality';
import { THEMES, type Theme } from './themes';

describe('the tagger’s quality', () => {
	it('counts right, wrong and missed themes per theme and over all', () => {
		const tag = (text: string): Theme[] => (text.includes('lön') ? ['salary'] : text.includes('chef') ? ['close_leadership', 'salary'] : []);
		const result = evaluate(tag, [
			{ text: 'lönen', themes: ['salary'] },
			{ text: 'chefen', themes: ['close_leadership'] },
			{ text: 'stress', themes: ['workload'] },
			{ text: 'inget', themes: [] }
		]);
		const of = (theme: Theme) => result.perTheme.find((s) => s.theme === theme)!;
		expect(of('salary')).toMatchObject({ support: 1, truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1 });
		expect(of('close_leadership')).toMatchObject({ precision: 1, recall: 1 });
		expect(of('workload')).toMatchObject({ support: 1, precision: null, recall: 0 });
		expect(of('trainees')).toMatchObject({ support: 0, precision: null, recall: null });
		expect(result.overall).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1 });
		expect(result.examples.workload.missed).toEqual(['stress']);
		expect(result.examples.salary.wrong).toEqual(['chefen']);
		const table = formatEvaluation(result);
		expect(table.split('\n')).toHaveLength(2 + THEMES.length + 1);
		expect(table).toContain('| Lön ');
		expect(table).toMatch(/\| Alla teman +\| +3 \| +2 \| +1 \| +1 \| +67 % \| +67 % \|/);
	});

	for (const name of ['labelled-motivations.json', 'labelled-tuning.json']) {
		it(`is measured on at least 200 hand-labelled motivations that cover every theme (${name})`, () => {
			const file = path.resolve(import.meta.dirname, '../../../../tests/fixtures/themes', name);
			const set = labelledSet.parse(JSON.parse(readFileSync(file, 'utf8')));
			expect(set.length).toBeGreaterThanOrEqual(200);
			expect(new Set(set.map((s) => s.text)).size).toBe(set.length);
			for (const theme of THEMES) expect(set.filter((s) => s.themes.includes(theme)).length, theme).toBeGreaterThanOrEqual(5);
			expect(set.filter((s) => s.themes.length === 0).length).toBeGreaterThan(0);
		});
	}
});
