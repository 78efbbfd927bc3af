import { describe, expect, it } from 'vitest';
import type { DisclosedCell } from '../anonymity';
import { cellChange } from './change';
import type { CellFigures, StatementFigures } from './figures';

const st = (mean: number | null, withheld = false): StatementFigures => ({ mean, shareLow: 0.1, shareHigh: 0.5, distribution: [], ...(withheld ? { reasonText: 'Alla svarade lika.' } : {}) });
const shown = (situation: StatementFigures, responseRate: number, casesMedian: number): DisclosedCell<CellFigures> => ({
	shown: true,
	n: 12,
	textShown: true,
	textReason: null,
	textReasonText: null,
	figures: { respondents: 12, members: 15, responseRate, casesMean: casesMedian, casesMedian, statements: { situation, quality: st(4), recommend: st(3.5) } }
});
const hidden: DisclosedCell<CellFigures> = { shown: false, reason: 'too_few', reasonText: 'Färre än 5 svarande' };

describe('change since the previous round', () => {
	it('is the difference of two shown cells', () => {
		const change = cellChange(shown(st(4.2), 0.8, 30), shown(st(3.7), 0.7, 34))!;
		expect(change.statements.situation).toBeCloseTo(0.5);
		expect(change.statements.quality).toBe(0);
		expect(change.responseRate).toBeCloseTo(10);
		expect(change.casesMedian).toBe(-4);
	});
	it('is nothing when either cell is hidden or absent', () => {
		expect(cellChange(hidden, shown(st(3), 0.5, 10))).toBeNull();
		expect(cellChange(shown(st(3), 0.5, 10), hidden)).toBeNull();
		expect(cellChange(shown(st(3), 0.5, 10), null)).toBeNull();
	});
	it('is nothing for a statement withheld in either round', () => {
		expect(cellChange(shown(st(4, true), 0.8, 30), shown(st(3.7), 0.7, 34))!.statements.situation).toBeNull();
		expect(cellChange(shown(st(4), 0.8, 30), shown(st(3.7, true), 0.7, 34))!.statements.situation).toBeNull();
	});
});
