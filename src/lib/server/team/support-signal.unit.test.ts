import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPORT_THRESHOLDS as T, percentile, supportReasons, type Scores } from './support-signal';

const scores = (situation: number | null, quality: number | null = 4, recommend: number | null = 4): Scores => ({ situation, quality, recommend });

describe('who needs support ("Behöver stöd")', () => {
	it('flags an answer of 1–2 on any statement', () => {
		expect(supportReasons({ scores: scores(4, 2), previous: null, caseCount: 10 }, 40, T)).toEqual(['low']);
		expect(supportReasons({ scores: scores(3, 3, 3), previous: null, caseCount: 10 }, 40, T)).toEqual([]);
	});
	it('flags a drop of two steps or more since the previous answer, not one', () => {
		expect(supportReasons({ scores: scores(3), previous: scores(5), caseCount: 10 }, 40, T)).toEqual(['drop']);
		expect(supportReasons({ scores: scores(4), previous: scores(5), caseCount: 10 }, 40, T)).toEqual([]);
		expect(supportReasons({ scores: scores(6), previous: scores(3), caseCount: 10 }, 40, T)).toEqual([]);
	});
	it('flags cases above the team’s 75th percentile, and can give several reasons', () => {
		const limit = percentile([10, 20, 30, 40, 50], 75);
		expect(limit).toBe(40);
		expect(supportReasons({ scores: scores(4), previous: null, caseCount: 41 }, limit, T)).toEqual(['cases']);
		expect(supportReasons({ scores: scores(4), previous: null, caseCount: 40 }, limit, T)).toEqual([]);
		expect(supportReasons({ scores: scores(2), previous: scores(5), caseCount: 60 }, limit, T)).toEqual(['low', 'drop', 'cases']);
	});
	it('takes the kommun’s thresholds', () => {
		const strict = { lowScore: 3, drop: 1, casesPercentile: 50 };
		expect(supportReasons({ scores: scores(3), previous: scores(4), caseCount: 10 }, 40, strict)).toEqual(['low', 'drop']);
	});
	it('has no percentile of nothing', () => {
		expect(percentile([], 75)).toBeNull();
		expect(percentile([7], 75)).toBe(7);
	});
});
