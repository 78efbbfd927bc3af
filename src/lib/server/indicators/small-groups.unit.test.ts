import { describe, expect, it } from 'vitest';
import { citySplitMayBeShown, groupSize, splitMayBeShown } from './small-groups';

const f = (value: number, base: number | null = null) => ({ value, base });

describe('indicator splits of small groups', () => {
	it('a group is a rate’s headcount or a count’s value; a per cent says nothing about people', () => {
		expect(groupSize('rate', f(1, 12))).toBe(12);
		expect(groupSize('count', f(3))).toBe(3);
		expect(groupSize('percent', f(2.5))).toBeNull();
		expect(groupSize('decimal', f(2.5))).toBeNull();
	});

	it('a split is shown only when every group, and the rest of the total, is empty or at least the limit', () => {
		expect(splitMayBeShown('rate', f(10, 60), [f(6, 40), f(3, 19), f(1, 1)], 5)).toBe(false);
		expect(splitMayBeShown('rate', f(10, 60), [f(6, 40), f(4, 20), null], 5)).toBe(true);
		expect(splitMayBeShown('rate', f(10, 60), [f(6, 40), f(4, 20), f(0, 0)], 5)).toBe(true);
		// A partial split: the 3 people it leaves out of the total are a small group.
		expect(splitMayBeShown('rate', f(10, 60), [f(6, 40), f(3, 17)], 5)).toBe(false);
		expect(splitMayBeShown('count', f(7), [f(6), f(1)], 5)).toBe(false);
		expect(splitMayBeShown('count', f(11), [f(6), f(5)], 5)).toBe(true);
		expect(splitMayBeShown('count', null, [f(6), f(5)], 5)).toBe(true);
		expect(splitMayBeShown('percent', f(2.5), [f(2.7), f(9)], 5)).toBe(false);
		expect(splitMayBeShown('percent', f(2.5), [null, null], 5)).toBe(true);
	});

	it('the city’s split only when every förvaltning’s may be shown and its own entry leaves no small rest', () => {
		const big = { total: f(10, 60), categories: [f(6, 40), f(4, 20)] };
		const small = { total: f(5, 9), categories: [f(3, 6), f(2, 3)] };
		const pooled = { total: null, categories: [f(9, 46), f(6, 23)], own: false };
		expect(citySplitMayBeShown('rate', pooled, [big, small], 5)).toBe(false);
		expect(citySplitMayBeShown('rate', { total: null, categories: [f(6, 40), f(4, 20)], own: false }, [big], 5)).toBe(true);
		// The city's own entry is 2 people more than its förvaltningar in the second group.
		expect(citySplitMayBeShown('rate', { total: f(11, 62), categories: [f(6, 40), f(5, 22)], own: true }, [big], 5)).toBe(false);
		expect(citySplitMayBeShown('rate', { total: f(12, 90), categories: [f(7, 60), f(5, 30)], own: true }, [big], 5)).toBe(true);
	});
});
