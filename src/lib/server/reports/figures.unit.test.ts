import { describe, expect, it } from 'vitest';
import { cellFigures, median, statementFigures, type Atom, type MemberAtom } from './figures';

const atom = (over: Partial<Atom>): Atom => ({
	roundId: 'r1',
	unitPath: '/k/f/a/e/',
	activityArea: 'barn_och_unga',
	title: 'socialsekreterare',
	respondents: 2,
	hist: { situation: [1, 0, 0, 0, 0, 1], quality: [0, 0, 2, 0, 0, 0], recommend: [0, 0, 0, 0, 2, 0] },
	caseCounts: [10, 30],
	...over
});

describe('figures of a cell', () => {
	it('mean and shares from a distribution', () => {
		expect(statementFigures([1, 1, 0, 0, 1, 1])).toEqual({ mean: 3.5, shareLow: 0.5, shareHigh: 0.5, distribution: [1, 1, 0, 0, 1, 1] });
		expect(statementFigures([0, 0, 0, 0, 0, 0]).mean).toBeNull();
	});

	it('median of an even and odd list', () => {
		expect(median([1, 2, 3, 10])).toBe(2.5);
		expect(median([1, 2, 10])).toBe(2);
		expect(median([])).toBeNull();
	});

	it('rolls atoms up a subtree and applies the filters', () => {
		const atoms = [
			atom({}),
			atom({ unitPath: '/k/f/a/e/g/', respondents: 1, hist: { situation: [0, 0, 0, 1, 0, 0], quality: [0, 0, 0, 1, 0, 0], recommend: [0, 0, 0, 1, 0, 0] }, caseCounts: [20] }),
			atom({ unitPath: '/k/f/a/x/', activityArea: 'aldreomsorg', title: 'bistandshandlaggare', caseCounts: [100, 120] }),
			atom({ roundId: 'r2' })
		];
		const members: MemberAtom[] = [
			{ roundId: 'r1', unitPath: '/k/f/a/e/', activityArea: 'barn_och_unga', title: 'socialsekreterare', members: 4 },
			{ roundId: 'r1', unitPath: '/k/f/a/x/', activityArea: 'aldreomsorg', title: 'bistandshandlaggare', members: 2 }
		];
		const e = cellFigures(atoms, members, 'r1', { unitPath: '/k/f/a/e/', area: null, title: null });
		expect(e).toMatchObject({ respondents: 3, members: 4, responseRate: 0.75, casesMedian: 20, casesMean: 20 });
		expect(e.statements.situation.distribution).toEqual([1, 0, 0, 1, 0, 1]);
		const a = cellFigures(atoms, members, 'r1', { unitPath: '/k/f/a/', area: 'aldreomsorg', title: null });
		expect(a).toMatchObject({ respondents: 2, members: 2, casesMedian: 110 });
		const none = cellFigures(atoms, members, 'r1', { unitPath: '/k/f/a/', area: null, title: 'bistandshandlaggare' });
		expect(none.respondents).toBe(2);
		expect(cellFigures(atoms, members, 'r3', { unitPath: '/k/', area: null, title: null })).toMatchObject({ respondents: 0, responseRate: null, casesMean: null });
	});
});
