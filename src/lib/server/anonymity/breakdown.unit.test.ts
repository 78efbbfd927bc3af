import { describe, expect, it } from 'vitest';
import { blockMeetsRule, decideBreakdown, discloseBreakdown } from './breakdown';
import { computeDisclosure, type Respondent } from './index';

const stats = (n: number, withF: number[], both: number[][] = withF.map(() => withF.map(() => 0))) => ({ n, with: withF, both });

describe('the rule for one block of breakdown cells', () => {
	it('wants k with each form present, and nobody or k without it', () => {
		expect(blockMeetsRule(stats(10, [5, 5, 0]), 5)).toBe(true);
		expect(blockMeetsRule(stats(10, [5, 4, 0]), 5)).toBe(false); // four with b
		expect(blockMeetsRule(stats(9, [8, 1, 0]), 5)).toBe(false); // one without a
		expect(blockMeetsRule(stats(9, [9, 0, 0]), 5)).toBe(true); // everyone with a: nobody without
		expect(blockMeetsRule(stats(0, [0, 0, 0]), 5)).toBe(true);
	});

	it('with exactly two forms present, wants nobody or k with both, and with only one', () => {
		const both = (x: number) => [
			[0, x, 0],
			[0, 0, 0],
			[0, 0, 0]
		];
		expect(blockMeetsRule(stats(10, [5, 5, 0], both(0)), 5)).toBe(true);
		expect(blockMeetsRule(stats(9, [5, 5, 0], both(1)), 5)).toBe(false);
		expect(blockMeetsRule(stats(15, [10, 10, 0], both(5)), 5)).toBe(true);
		// Three forms present: "both a and b" cannot be computed, so it is not asked.
		expect(blockMeetsRule(stats(16, [6, 6, 6], both(1)), 5)).toBe(true);
	});
});

describe('what a hidden form says', () => {
	const people = (n: number, unit: string): Respondent[] =>
		Array.from({ length: n }, (_, i) => ({ personId: `${unit}${i}`, unitPath: ['k', unit], activityArea: 'barn_och_unga', title: 'socialsekreterare' }));
	const respondents = [...people(9, 'e1'), ...people(6, 'e2')];
	const disclosure = computeDisclosure([{ roundId: 'y', respondents }], {});
	// e1: 8 harassed and 1 threatened; e2: 5 threatened and 1 harassed. The kommun: 6 threatened, 9
	// harassed, nobody with damage to property.
	const forms = new Map(respondents.map((p, i) => [p.personId, [i === 0 || i > 9 ? 'hot' : 'trakasserier']]));
	const key = (unitId: string) => ({ roundId: 'y', unitId, area: null, title: null });
	const breakdown = decideBreakdown(disclosure, ['hot', 'trakasserier', 'skada'], forms, [
		{ key: key('k'), members: respondents.map((p) => p.personId), rank: 0 },
		{ key: key('e1'), members: respondents.slice(0, 9).map((p) => p.personId), rank: 1 },
		{ key: key('e2'), members: respondents.slice(9).map((p) => p.personId), rank: 1 }
	]);

	it('shows the kommun, with its zeros', () => {
		expect(discloseBreakdown(breakdown, key('k'), 6, { incidents: 6 }, 'employees')).toEqual({ shown: true, n: 6, figures: { incidents: 6 } });
		expect(discloseBreakdown(breakdown, key('k'), 0, { incidents: 0 }, 'employees')).toMatchObject({ shown: true, n: 0 });
		// Enhet 2's one harassed would follow from the kommun's 9 minus Enhet 1's 8.
		expect(breakdown.shown(key('e2'))).toBe(false);
	});

	it('hides the small enhet: too few where under k (or none), protecting otherwise, never "svarande", never the count', () => {
		expect(breakdown.shown(key('e1'))).toBe(false);
		const few = discloseBreakdown(breakdown, key('e1'), 1, { incidents: 1 }, 'employees');
		expect(few).toMatchObject({ shown: false, reason: 'too_few' });
		if (!few.shown) expect(few.reasonText).toMatch(/^Färre än 5 medarbetare med rapporterade händelser \(eller inga\)/);
		const many = discloseBreakdown(breakdown, key('e1'), 8, { incidents: 8 }, 'employees');
		expect(many).toMatchObject({ shown: false, reason: 'protects_other_group' });
		for (const cell of [few, many]) {
			expect(cell).not.toHaveProperty('n');
			expect(cell).not.toHaveProperty('figures');
			if (!cell.shown) expect(cell.reasonText).not.toMatch(/svarande/);
		}
	});

	it('never shows the breakdown of a cell whose count is hidden', () => {
		const tiny = computeDisclosure([{ roundId: 'y', respondents: people(3, 'e9') }], {});
		const b = decideBreakdown(tiny, ['hot'], new Map(people(3, 'e9').map((p) => [p.personId, ['hot']])), [
			{ key: key('e9'), members: people(3, 'e9').map((p) => p.personId), rank: 0 }
		]);
		expect(b.shown(key('e9'))).toBe(false);
	});
});
