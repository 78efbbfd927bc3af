import { describe, expect, it } from 'vitest';
import type { ActivityArea, CaseworkerTitle } from '$lib/domain';
import {
	computeDisclosure,
	decideProgress,
	discloseCell,
	discloseCount,
	discloseMedian,
	discloseProgress,
	discloseText,
	homogeneousReasonText,
	reasonText,
	resolveRules,
	textReasonText,
	type Disclosure,
	type Respondent,
	type RoundInput
} from './index';
import { RationalSpan, indicator } from './linear-span.test-helper';

// --- Test data helpers ----------------------------------------------------------------------------

const SSK: CaseworkerTitle = 'socialsekreterare';
const BH: CaseworkerTitle = 'bistandshandlaggare';
const BOU: ActivityArea = 'barn_och_unga';
const EB: ActivityArea = 'ekonomiskt_bistand';

/** `count` people named prefix1…prefixN at the unit path. */
function group(
	prefix: string,
	count: number,
	unitPath: string[],
	activityArea: ActivityArea = BOU,
	title: CaseworkerTitle = SSK
): Respondent[] {
	return Array.from({ length: count }, (_, i) => ({ personId: `${prefix}${i + 1}`, unitPath, activityArea, title }));
}

const round = (roundId: string, ...groups: Respondent[][]): RoundInput => ({ roundId, respondents: groups.flat() });

type Filter = { unitId: string; area: ActivityArea | null; title: CaseworkerTitle | null };

function membersOf(r: RoundInput, { unitId, area, title }: Filter): Set<string> {
	return new Set(
		r.respondents
			.filter((p) => p.unitPath.includes(unitId) && (area === null || p.activityArea === area) && (title === null || p.title === title))
			.map((p) => p.personId)
	);
}

/** Every non-empty cell of the round's cube. */
function cube(r: RoundInput): Filter[] {
	const units = new Set(r.respondents.flatMap((p) => p.unitPath));
	const areas = [null, ...new Set(r.respondents.map((p) => p.activityArea))];
	const titles = [null, ...new Set(r.respondents.map((p) => p.title))];
	return [...units].flatMap((unitId) =>
		areas.flatMap((area) => titles.map((title) => ({ unitId, area, title })))
	).filter((f) => membersOf(r, f).size > 0);
}

/** The span of the indicator vectors of all shown cells of a round, over its respondents. */
function shownSpan(d: Disclosure, r: RoundInput): { span: RationalSpan; universe: string[] } {
	const universe = r.respondents.map((p) => p.personId).sort();
	const span = new RationalSpan(universe.length);
	for (const f of cube(r)) {
		if (d.get(r.roundId, f.unitId, f.area, f.title).shown) span.add(indicator(universe, membersOf(r, f)));
	}
	return { span, universe };
}

/** Can the sum of any per-person value over exactly these people be computed from what is shown? */
function computable(d: Disclosure, r: RoundInput, people: string[]): boolean {
	const { span, universe } = shownSpan(d, r);
	return span.contains(indicator(universe, new Set(people)));
}

function nobodyComputable(d: Disclosure, r: RoundInput): boolean {
	return r.respondents.every((p) => !computable(d, r, [p.personId]));
}

const all = (unitId: string): Filter => ({ unitId, area: null, title: null });
const get = (d: Disclosure, roundId: string, f: Filter) => d.get(roundId, f.unitId, f.area, f.title);

// --- Primary suppression ----------------------------------------------------------------------------

describe('small groups (primary suppression)', () => {
	it('hides a group of 4 with reason too_few', () => {
		const r = round('r1', group('p', 4, ['k', 'u']));
		const d = computeDisclosure([r]);
		expect(d.get('r1', 'u', null, null)).toEqual({
			shown: false,
			textShown: false,
			n: 4,
			members: 4,
			reason: 'too_few',
			textReason: 'too_few',
			hiddenStatements: []
		});
		expect(d.get('r1', 'u', BOU, SSK).reason).toBe('too_few');
		expect(d.get('r1', 'k', null, null).shown).toBe(false);
	});

	it('shows a group of 5', () => {
		const r = round('r1', group('p', 5, ['k', 'u']));
		const d = computeDisclosure([r]);
		expect(d.get('r1', 'u', null, null)).toMatchObject({ shown: true, n: 5, reason: null });
		expect(d.get('r1', 'u', BOU, null).shown).toBe(true);
		expect(d.get('r1', 'u', null, SSK).shown).toBe(true);
	});

	it('accepts minGroup 3 and refuses 2 (and other nonsense rules)', () => {
		const r = round('r1', group('p', 3, ['k', 'u']));
		expect(computeDisclosure([r], { minGroup: 3 }).get('r1', 'u', null, null).shown).toBe(true);
		expect(computeDisclosure([r]).get('r1', 'u', null, null).shown).toBe(false);
		expect(() => computeDisclosure([r], { minGroup: 2 })).toThrow(RangeError);
		expect(() => resolveRules({ minGroup: 0 })).toThrow(RangeError);
		expect(() => resolveRules({ minGroup: 4.5 })).toThrow(RangeError);
		expect(() => resolveRules({ minGroup: 5, minTextGroup: 4 })).toThrow(RangeError);
		expect(resolveRules()).toEqual({ minGroup: 5, minTextGroup: 10 });
		expect(resolveRules({ minGroup: 12 })).toEqual({ minGroup: 12, minTextGroup: 12 });
	});

	it('answers a cell nobody is in, and an unknown round, as it answers a small group (issue 11: 0 and 1–4 look the same)', () => {
		const d = computeDisclosure([round('r1', group('p', 6, ['k', 'u']))]);
		const empty = { shown: false, textShown: false, n: 0, members: 0, reason: 'too_few', textReason: 'too_few', hiddenStatements: [] };
		expect(d.get('r1', 'u', EB, null)).toEqual(empty);
		expect(d.get('r1', 'elsewhere', null, null)).toEqual(empty);
		expect(d.get('r0', 'u', null, null)).toEqual(empty);
	});

	it('refuses a person answering twice in a round, and a round given twice', () => {
		const twice = round('r1', group('p', 5, ['k', 'u']), group('p', 1, ['k', 'v']));
		expect(() => computeDisclosure([twice])).toThrow(/twice/);
		const r = round('r1', group('p', 5, ['k', 'u']));
		expect(() => computeDisclosure([r, r])).toThrow(/twice/);
	});
});

// --- Differencing within a round --------------------------------------------------------------------

describe('parent minus shown children (secondary suppression)', () => {
	it('children of 7, 6, 2: hides the 2 and the next-smallest sibling (6), shows the parent', () => {
		const r = round(
			'r1',
			group('a', 7, ['k', 'p', 'c7']),
			group('b', 6, ['k', 'p', 'c6']),
			group('c', 2, ['k', 'p', 'c2'])
		);
		const d = computeDisclosure([r]);
		expect(get(d, 'r1', all('c2'))).toMatchObject({ shown: false, reason: 'too_few', n: 2 });
		expect(get(d, 'r1', all('c6'))).toMatchObject({ shown: false, reason: 'protects_other_group', n: 6 });
		expect(get(d, 'r1', all('c7'))).toMatchObject({ shown: true, n: 7 });
		expect(get(d, 'r1', all('p'))).toMatchObject({ shown: true, n: 15 });
		// The residual "parent minus shown children" is the 8 people of c6 and c2, not the 2.
		expect(computable(d, r, ['c1', 'c2'])).toBe(false);
		expect(computable(d, r, [...membersOf(r, all('c6')), ...membersOf(r, all('c2'))])).toBe(true);
		expect(nobodyComputable(d, r)).toBe(true);
		// Without the secondary suppression, the 2 would be exactly parent − c7 − c6.
		const naive = new RationalSpan(15);
		const universe = r.respondents.map((p) => p.personId).sort();
		for (const u of ['p', 'c7', 'c6']) naive.add(indicator(universe, membersOf(r, all(u))));
		expect(naive.contains(indicator(universe, membersOf(r, all('c2'))))).toBe(true);
	});

	it('fewer than 5 people sitting directly at the parent: a child is hidden so the residual grows to ≥ 5', () => {
		const r = round(
			'r1',
			group('direct', 2, ['k', 'p']),
			group('a', 6, ['k', 'p', 'ca']),
			group('b', 7, ['k', 'p', 'cb'])
		);
		const d = computeDisclosure([r]);
		expect(get(d, 'r1', all('p'))).toMatchObject({ shown: true, n: 15 });
		expect(get(d, 'r1', all('ca'))).toMatchObject({ shown: false, reason: 'protects_other_group' });
		expect(get(d, 'r1', all('cb'))).toMatchObject({ shown: true });
		expect(computable(d, r, ['direct1', 'direct2'])).toBe(false);
		// What can be computed is the residual of 2 + 6 people.
		expect(computable(d, r, ['direct1', 'direct2', ...membersOf(r, all('ca'))])).toBe(true);
		expect(nobodyComputable(d, r)).toBe(true);
	});

	it('5 or more people directly at the parent need no extra suppression', () => {
		const r = round(
			'r1',
			group('direct', 5, ['k', 'p']),
			group('a', 6, ['k', 'p', 'ca']),
			group('b', 7, ['k', 'p', 'cb'])
		);
		const d = computeDisclosure([r]);
		for (const u of ['k', 'p', 'ca', 'cb']) expect(get(d, 'r1', all(u)).shown).toBe(true);
	});

	it('hides only the one sibling needed (no cascade into the arbetsgrupper of the other)', () => {
		// Enheter of 10 (with two arbetsgrupper of 5) and 7; 2 directly at the parent. Only the
		// 7 has to go for the 2 to be covered; the arbetsgrupper split the 10 into 5 + 5.
		const r = round(
			'r1',
			group('direct', 2, ['k', 'p']),
			group('g', 5, ['k', 'p', 'e10', 'g1']),
			group('h', 5, ['k', 'p', 'e10', 'g2']),
			group('b', 7, ['k', 'p', 'e7'])
		);
		const d = computeDisclosure([r]);
		expect(get(d, 'r1', all('e7'))).toMatchObject({ shown: false, reason: 'protects_other_group' });
		for (const u of ['p', 'e10', 'g1', 'g2']) expect(get(d, 'r1', all(u)).shown).toBe(true);
		expect(nobodyComputable(d, r)).toBe(true);
	});
});

describe('two overlapping filters (område × titel × enhet)', () => {
	it('6 socialsekreterare and 1 biståndshandläggare: "unit minus its socialsekreterare" is prevented', () => {
		const r = round(
			'r1',
			group('s', 6, ['k', 'u'], BOU, SSK),
			group('x', 1, ['k', 'u'], BOU, BH),
			group('v', 10, ['k', 'v'], BOU, SSK)
		);
		const d = computeDisclosure([r]);
		expect(d.get('r1', 'u', null, BH)).toMatchObject({ shown: false, reason: 'too_few', n: 1 });
		expect(d.get('r1', 'k', null, BH)).toMatchObject({ shown: false, reason: 'too_few', n: 1 });
		// Either the unit total or its socialsekreterare are hidden, not both shown.
		const unit = d.get('r1', 'u', null, null).shown;
		const unitSsk = d.get('r1', 'u', null, SSK).shown;
		expect(unit && unitSsk).toBe(false);
		expect(computable(d, r, ['x1'])).toBe(false);
		expect(nobodyComputable(d, r)).toBe(true);
	});

	it('the lone biståndshandläggare of a unit cannot be isolated through the kommun-wide title filter', () => {
		// Kommun: 6 biståndshandläggare, 5 of them in v. (k, bh) − (v, bh) would be x alone.
		const r = round(
			'r1',
			group('s', 6, ['k', 'u'], BOU, SSK),
			group('x', 1, ['k', 'u'], BOU, BH),
			group('vb', 5, ['k', 'v'], BOU, BH),
			group('vs', 5, ['k', 'v'], BOU, SSK)
		);
		const d = computeDisclosure([r]);
		expect(d.get('r1', 'u', null, BH).reason).toBe('too_few');
		expect(d.get('r1', 'k', null, BH).shown && d.get('r1', 'v', null, BH).shown).toBe(false);
		expect(computable(d, r, ['x1'])).toBe(false);
		expect(nobodyComputable(d, r)).toBe(true);
	});

	it('area × title: (u, område A) − (u, A, socialsekreterare) and (u, bh) − (u, B, bh) are both blocked', () => {
		const r = round(
			'r1',
			group('s', 6, ['k', 'u'], BOU, SSK),
			group('b', 5, ['k', 'u'], EB, BH),
			group('x', 1, ['k', 'u'], BOU, BH)
		);
		const d = computeDisclosure([r]);
		expect(d.get('r1', 'u', BOU, BH)).toMatchObject({ shown: false, reason: 'too_few', n: 1 });
		expect(d.get('r1', 'u', BOU, null).shown && d.get('r1', 'u', BOU, SSK).shown).toBe(false);
		expect(d.get('r1', 'u', null, BH).shown && d.get('r1', 'u', EB, BH).shown).toBe(false);
		expect(d.get('r1', 'u', null, null)).toMatchObject({ shown: true, n: 12 });
		expect(computable(d, r, ['x1'])).toBe(false);
		expect(nobodyComputable(d, r)).toBe(true);
		// Cells with the same members are decided together: (u, EB) and (u, EB, bh) are one group.
		expect(d.get('r1', 'u', EB, null).shown).toBe(d.get('r1', 'u', EB, BH).shown);
	});
});

// --- Differencing across rounds ------------------------------------------------------------------------

describe('the same group in two rounds', () => {
	// v has a swap between rounds in every scenario, so the kommun total is not a subset relation.
	const v1 = group('v', 10, ['k', 'v']);
	const v2 = [...group('v', 9, ['k', 'v']), ...group('w', 1, ['k', 'v'])];

	it('one person joined (strict superset, difference 1): the later round is hidden, the earlier kept', () => {
		const r1 = round('r1', group('p', 6, ['k', 'u']), v1);
		const r2 = round('r2', group('p', 7, ['k', 'u']), v2);
		const d = computeDisclosure([r1, r2]);
		expect(get(d, 'r1', all('u'))).toMatchObject({ shown: true, n: 6 });
		expect(get(d, 'r2', all('u'))).toMatchObject({ shown: false, n: 7, reason: 'changed_since_earlier_round' });
		// "kommun minus v" would give r2's u all the same: v is hidden as well, the kommun shown.
		expect(get(d, 'r2', all('v'))).toMatchObject({ shown: false, reason: 'protects_other_group' });
		expect(get(d, 'r2', all('k')).shown).toBe(true);
		expect(computable(d, r2, [...membersOf(r2, all('u'))])).toBe(false);
		expect(computable(d, r1, [...membersOf(r1, all('u'))])).toBe(true);
	});

	it('one person left (strict subset): the later round is hidden', () => {
		const r1 = round('r1', group('p', 7, ['k', 'u']), v1);
		const r2 = round('r2', group('p', 6, ['k', 'u']), v2);
		const d = computeDisclosure([r1, r2]);
		expect(get(d, 'r1', all('u')).shown).toBe(true);
		expect(get(d, 'r2', all('u')).reason).toBe('changed_since_earlier_round');
	});

	it('a swap (one left, one joined) keeps both rounds shown', () => {
		const r1 = round('r1', group('p', 6, ['k', 'u']), v1);
		const r2 = round('r2', group('p', 5, ['k', 'u']), group('new', 1, ['k', 'u']), v2);
		const d = computeDisclosure([r1, r2]);
		expect(get(d, 'r1', all('u')).shown).toBe(true);
		expect(get(d, 'r2', all('u')).shown).toBe(true);
	});

	it('5 or more joined at once is not a small change', () => {
		const r1 = round('r1', group('p', 6, ['k', 'u']), v1);
		const r2 = round('r2', group('p', 11, ['k', 'u']), v2);
		const d = computeDisclosure([r1, r2]);
		expect(get(d, 'r2', all('u')).shown).toBe(true);
	});

	it('compares with any earlier round, not only the previous one', () => {
		const r1 = round('r1', group('p', 6, ['k', 'u']), v1);
		const r2 = round('r2', group('p', 5, ['k', 'u']), group('new', 1, ['k', 'u']), v2); // swap
		const r3 = round('r3', group('p', 7, ['k', 'u']), v1); // r1's six plus one
		const d = computeDisclosure([r1, r2, r3]);
		expect(get(d, 'r2', all('u')).shown).toBe(true);
		expect(get(d, 'r3', all('u')).reason).toBe('changed_since_earlier_round');
	});

	it('a changed cell cannot be recomputed from its siblings ("avdelning minus the other enhet")', () => {
		// In r2, u (7) is hidden as changed; a − u2 would still give it, so u2 is hidden too.
		const r1 = round('r1', group('p', 6, ['k', 'a', 'u']), group('q', 5, ['k', 'a', 'u2']), v1);
		const r2 = round('r2', group('p', 7, ['k', 'a', 'u']), group('q', 4, ['k', 'a', 'u2']), group('z', 1, ['k', 'a', 'u2']), v2);
		const d = computeDisclosure([r1, r2]);
		expect(get(d, 'r2', all('u')).reason).toBe('changed_since_earlier_round');
		expect(get(d, 'r2', all('u2')).reason).toBe('protects_other_group');
		expect(get(d, 'r2', all('a')).shown).toBe(true);
		expect(nobodyComputable(d, r2)).toBe(true);
		// So "r2's u minus r1's u" (the person who joined) cannot be formed.
		expect(computable(d, r2, [...membersOf(r2, all('u'))])).toBe(false);
	});

	it('adding a round never changes the decisions of earlier rounds', () => {
		const r1 = round('r1', group('p', 6, ['k', 'u']), v1, group('x', 3, ['k', 'y']));
		const r2 = round('r2', group('p', 7, ['k', 'u']), v2, group('x', 2, ['k', 'y']));
		const before = computeDisclosure([r1]);
		const after = computeDisclosure([r1, r2]);
		expect(after.cells('r1')).toEqual(before.cells('r1'));
	});
});

describe('priorities when not everything can be shown', () => {
	it('a person working in another område than their enhet: the enhet total wins over område breakdowns', () => {
		// x works in ekonomiskt bistånd in an enhet otherwise in barn och unga. Showing both u and
		// (k, barn och unga) would give x as u − (u ∩ barn och unga) = u − (k, BoU) + (v, BoU).
		const r = round('r1', group('u', 6, ['k', 'u'], BOU), group('x', 1, ['k', 'u'], EB), group('v', 8, ['k', 'v'], BOU), group('w', 5, ['k', 'w'], EB));
		const d = computeDisclosure([r]);
		for (const unit of ['k', 'u', 'v', 'w']) expect(get(d, 'r1', all(unit)).shown).toBe(true);
		expect(d.get('r1', 'k', BOU, null)).toMatchObject({ shown: false, reason: 'protects_other_group', n: 14 });
		expect(d.get('r1', 'k', EB, null)).toMatchObject({ shown: false, reason: 'protects_other_group', n: 6 });
		expect(computable(d, r, ['x1'])).toBe(false);
		expect(nobodyComputable(d, r)).toBe(true);
	});

	it('lists every non-empty cell of a round with its decision, in a stable order', () => {
		const r = round('r1', group('a', 7, ['k', 'p', 'c7']), group('b', 6, ['k', 'p', 'c6']), group('c', 2, ['k', 'p', 'c2']));
		const d = computeDisclosure([r]);
		const cells = d.cells('r1');
		expect(cells).toHaveLength(5 * 4); // 5 units × (all or BoU) × (all or socialsekreterare)
		expect(cells.map((c) => `${c.unitId}/${c.area ?? '*'}/${c.title ?? '*'}`).slice(0, 4)).toEqual([
			'c2/*/*',
			'c2/*/socialsekreterare',
			'c2/barn_och_unga/*',
			'c2/barn_och_unga/socialsekreterare'
		]);
		expect(cells.find((c) => c.unitId === 'c6' && c.area === null && c.title === null)).toMatchObject({
			roundId: 'r1',
			shown: false,
			n: 6,
			reason: 'protects_other_group'
		});
		expect(d.cells('unknown')).toEqual([]);
	});
});

// --- Free text ------------------------------------------------------------------------------------------

describe('units ranked by depth (DisclosureOptions.unitRank, issue 15)', () => {
	// Forms as virtual units "unit|form" above each unit (how decision 0015 carried incident forms). e1 has 8
	// employees with harassment and 1 with a threat, e2 has 5 with threats: the kommun's threats (6)
	// and e1 (9) cannot both be shown, or "e1 minus its harassment" would be the one threat.
	const withForm = (people: Respondent[], form: string) =>
		people.map((p) => ({ ...p, unitPath: [...p.unitPath, ...p.unitPath.map((u) => `${u}|${form}`)] }));
	const r = round(
		'r1',
		withForm(group('t', 8, ['k', 'e1']), 'trakasserier'),
		withForm(group('h', 1, ['k', 'e1']), 'hot'),
		withForm(group('x', 5, ['k', 'e2']), 'hot')
	);
	const depth = (unitId: string) => (unitId.split('|')[0] === 'k' ? 0 : 1);

	it('by default the larger enhet wins and the kommun’s threats are hidden; ranked by depth, the enhet is hidden instead', () => {
		const plain = computeDisclosure([r]);
		expect(get(plain, 'r1', all('k|hot'))).toMatchObject({ shown: false, reason: 'protects_other_group', n: 6 });
		expect(get(plain, 'r1', all('e1'))).toMatchObject({ shown: true, n: 9 });

		const ranked = computeDisclosure([r], {}, { unitRank: depth });
		expect(get(ranked, 'r1', all('k'))).toMatchObject({ shown: true, n: 14 });
		expect(get(ranked, 'r1', all('k|hot'))).toMatchObject({ shown: true, n: 6 });
		expect(get(ranked, 'r1', all('k|trakasserier'))).toMatchObject({ shown: true, n: 8 });
		expect(get(ranked, 'r1', all('e1'))).toMatchObject({ shown: false, reason: 'protects_other_group', n: 9 });
		// e2 (its 5 are all the threats but e1's one) goes the same way; e1's one threat is too few.
		expect(get(ranked, 'r1', all('e2'))).toMatchObject({ shown: false, reason: 'protects_other_group' });
		expect(get(ranked, 'r1', all('e1|hot'))).toMatchObject({ shown: false, reason: 'too_few', n: 1 });

		// The block rule holds either way: the one threat in e1 cannot be computed.
		for (const d of [plain, ranked]) {
			expect(computable(d, r, ['h1'])).toBe(false);
			expect(nobodyComputable(d, r)).toBe(true);
		}
	});

	it('every unit of one rank decides as the default; a unit without a rank is refused', () => {
		expect(computeDisclosure([r], {}, { unitRank: () => 0 }).cells('r1')).toEqual(computeDisclosure([r]).cells('r1'));
		expect(() => computeDisclosure([r], {}, { unitRank: (u) => (u === 'e2' ? Number.NaN : 0) })).toThrow(/e2/);
	});

	it('a hidden incident cell speaks of medarbetare, not of svarande', () => {
		const ranked = computeDisclosure([r], {}, { unitRank: depth });
		for (const unitId of ['e1', 'e1|hot']) {
			const hidden = discloseCount(ranked, { roundId: 'r1', unitId, area: null, title: null }, { incidents: 1 }, 'employees');
			expect(hidden.shown).toBe(false);
			if (!hidden.shown) expect(hidden.reasonText).not.toMatch(/svarande/);
		}
		const few = discloseCount(ranked, { roundId: 'r1', unitId: 'e1|hot', area: null, title: null }, { incidents: 1 }, 'employees');
		expect(few).toEqual({ shown: false, reason: 'too_few', reasonText: 'Färre än 5 medarbetare med rapporterade händelser (eller inga) – visas inte för att ingen ska kunna pekas ut.' });
	});
});

describe('free text (motivations) needs 10', () => {
	it('a group of 8 shows figures but not text', () => {
		const d = computeDisclosure([round('r1', group('p', 8, ['k', 'u']))]);
		expect(d.get('r1', 'u', null, null)).toEqual({
			shown: true,
			textShown: false,
			n: 8,
			members: 8,
			reason: null,
			textReason: 'too_few',
			hiddenStatements: []
		});
		const text = discloseText(d, { roundId: 'r1', unitId: 'u', area: null, title: null }, ['Bra kollegor']);
		expect(text).toEqual({ shown: false, reason: 'too_few', reasonText: textReasonText('too_few', d.rules) });
		expect(JSON.stringify(text)).not.toContain('Bra kollegor');
	});

	it('a group of 10 shows text', () => {
		const d = computeDisclosure([round('r1', group('p', 10, ['k', 'u']))]);
		expect(d.get('r1', 'u', null, null)).toMatchObject({ shown: true, textShown: true, textReason: null });
		expect(discloseText(d, { roundId: 'r1', unitId: 'u', area: null, title: null }, ['Bra kollegor'])).toEqual({
			shown: true,
			n: 10,
			texts: ['Bra kollegor']
		});
	});

	it('text is protected against differencing at 10 (children of 12 and 8 under a parent of 20)', () => {
		const d = computeDisclosure([round('r1', group('a', 12, ['k', 'p', 'a']), group('b', 8, ['k', 'p', 'b']))]);
		expect(d.get('r1', 'b', null, null)).toMatchObject({ shown: true, textShown: false, textReason: 'too_few' });
		expect(d.get('r1', 'a', null, null)).toMatchObject({ shown: true, textShown: false, textReason: 'protects_other_group' });
		expect(d.get('r1', 'p', null, null)).toMatchObject({ shown: true, textShown: true });
	});

	it('text is never shown where the figures are hidden', () => {
		// minTextGroup = minGroup: text and figures follow the same rules.
		const r = round('r1', group('a', 7, ['k', 'p', 'a']), group('b', 6, ['k', 'p', 'b']), group('c', 2, ['k', 'p', 'c']));
		const d = computeDisclosure([r], { minGroup: 5, minTextGroup: 5 });
		for (const cell of d.cells('r1')) if (cell.textShown) expect(cell.shown).toBe(true);
		expect(d.get('r1', 'b', null, null)).toMatchObject({ shown: false, textShown: false, textReason: 'protects_other_group' });
	});
});

// --- Applying decisions ---------------------------------------------------------------------------------

describe('discloseCell', () => {
	// u (4) is too small; w (6) is hidden so that "kommun minus v minus w" does not give u.
	const d = computeDisclosure([round('r1', group('p', 4, ['k', 'u']), group('q', 12, ['k', 'v']), group('w', 6, ['k', 'w']))]);

	it('never hands back the figures or the count of a hidden cell', () => {
		const hidden = discloseCell(d, { roundId: 'r1', unitId: 'u', area: null, title: null }, { mean: 4.25, n: 4 });
		expect(hidden).toEqual({ shown: false, reason: 'too_few', reasonText: reasonText('too_few', d.rules) });
		expect(hidden).not.toHaveProperty('figures');
		expect(hidden).not.toHaveProperty('n');
	});

	it('hands back the figures of a shown cell with the text decision', () => {
		const shown = discloseCell(d, { roundId: 'r1', unitId: 'v', area: null, title: null }, { mean: 3.5 });
		expect(shown).toEqual({
			shown: true,
			n: 12,
			figures: { mean: 3.5 },
			textShown: true,
			textReason: null,
			textReasonText: null
		});
	});
});

describe('reason texts (Swedish, for managers)', () => {
	const rules = resolveRules();
	it('explains each reason with the configured group sizes', () => {
		expect(reasonText('too_few', rules)).toBe('Färre än 5 svarande (eller inga) – visas inte för att ingen ska kunna pekas ut.');
		expect(reasonText('protects_other_group', rules)).toBe(
			'Dold för att skydda en mindre grupp: annars kunde den räknas fram ur de andra siffrorna.'
		);
		expect(reasonText('changed_since_earlier_round', rules)).toBe(
			'Dold: gruppen skiljer sig med färre än 5 personer från en grupp som visats för en tidigare mätomgång, så en enskild persons uppgifter kunde räknas fram.'
		);
		// The reasons speak of what the figures count (issue 11).
		expect(reasonText('too_few', rules, 'plans')).toBe('Färre än 5 medarbetare med handlingsplaner (eller inga) – visas inte för att ingen ska kunna pekas ut.');
		expect(reasonText('too_few', rules, 'employees')).toContain('medarbetare med rapporterade händelser');
		expect(reasonText('too_few', rules, 'plans')).not.toMatch(/svar/);
		expect(reasonText('too_few', rules, 'employees')).not.toMatch(/svar/);
		expect(homogeneousReasonText()).toMatch(/samma svar/);
		expect(reasonText('too_few', resolveRules({ minGroup: 7 }))).toContain('Färre än 7');
		expect(textReasonText('too_few', rules)).toContain('minst 10 svarande');
		expect(textReasonText('changed_since_earlier_round', rules)).toContain('färre än 10');
		expect(textReasonText('protects_other_group', rules)).toMatch(/^Motiveringarna är dolda/);
	});
});

// --- Determinism and scale ---------------------------------------------------------------------------------

/** Small deterministic PRNG for test data. */
function prng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const AREAS: ActivityArea[] = ['barn_och_unga', 'ekonomiskt_bistand', 'socialpsykiatri', 'missbruk_beroende', 'funktionsnedsattning', 'aldreomsorg'];

/**
 * A kommun → förvaltningar → avdelningar → enheter → arbetsgrupper tree and rounds of answers.
 * Each enhet works mainly in one verksamhetsområde; `mixed` is the share of people who do not.
 */
function synthetic(seed: number, people: number, rounds: number, enheter: number, mixed = 0.1) {
	const random = prng(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
	const places: { path: string[]; area: ActivityArea }[] = [];
	for (let e = 0; e < enheter; e++) {
		const f = `f${e % 3}`;
		const a = `${f}-a${e % 13}`;
		const enhet = `${a}-e${e}`;
		const area = pick(AREAS);
		places.push({ path: ['k', f, a, enhet], area });
		if (e % 3 === 0) places.push({ path: [...places[places.length - 1].path, `${enhet}-g1`], area }, { path: ['k', f, a, enhet, `${enhet}-g2`], area });
		if (e % 10 === 0) places.push({ path: ['k', f, a], area: pick(AREAS) });
	}
	const persons = Array.from({ length: people }, (_, i) => {
		const place = pick(places);
		const activityArea = random() < mixed ? pick(AREAS) : place.area;
		const bhShare = activityArea === 'aldreomsorg' || activityArea === 'funktionsnedsattning' ? 0.9 : 0.05;
		return {
			personId: `person-${String(i).padStart(6, '0')}`,
			unitPath: place.path,
			activityArea,
			title: random() < bhShare ? BH : SSK
		};
	});
	const answering = persons.map(() => random() < 0.85);
	const result: RoundInput[] = [];
	for (let r = 0; r < rounds; r++) {
		persons.forEach((p, i) => {
			if (random() < 0.03) p.unitPath = pick(places).path; // some move
			if (random() < 0.04) answering[i] = !answering[i]; // some start or stop answering
		});
		result.push({ roundId: `round-${r}`, respondents: persons.filter((_, i) => answering[i]).map((p) => ({ ...p })) });
	}
	return result;
}

function shuffled<T>(xs: readonly T[], random: () => number): T[] {
	const out = [...xs];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

describe('determinism', () => {
	it('the same answers in a different order give the same decisions', () => {
		const rounds = synthetic(7, 400, 3, 60);
		const random = prng(99);
		const reordered = rounds.map((r) => ({ roundId: r.roundId, respondents: shuffled(r.respondents, random) }));
		const a = computeDisclosure(rounds);
		const b = computeDisclosure(reordered);
		expect(rounds.some((r) => a.cells(r.roundId).some((c) => c.reason === 'changed_since_earlier_round'))).toBe(true);
		for (const r of rounds) {
			const cells = a.cells(r.roundId);
			expect(cells.some((c) => c.reason === 'protects_other_group')).toBe(true);
			expect(b.cells(r.roundId)).toEqual(cells);
		}
	});

	it('the decisions do not depend on who asks: a round computed alone equals itself inside a history', () => {
		const rounds = synthetic(11, 300, 4, 40);
		const full = computeDisclosure(rounds);
		for (let i = 1; i <= rounds.length; i++) {
			const prefix = computeDisclosure(rounds.slice(0, i));
			expect(prefix.cells(rounds[i - 1].roundId)).toEqual(full.cells(rounds[i - 1].roundId));
		}
	});
});

describe('scale', () => {
	// Time is measured by `npm run bench`, never asserted here.
	it('keeps the block invariant at the size of a kommun: ~1 500 respondents × 7 rounds × ~600 units', () => {
		const rounds = synthetic(2024, 1500, 7, 400);
		const units = new Set(rounds.flatMap((r) => r.respondents.flatMap((p) => p.unitPath)));
		expect(units.size).toBeGreaterThan(550);
		const d = computeDisclosure(rounds);
		// Sanity: the result holds the block invariant in the last round.
		const last = rounds[rounds.length - 1];
		const shownCells = d.cells(last.roundId).filter((c) => c.shown);
		expect(shownCells.length).toBeGreaterThan(0);
		const signature = new Map<string, string[]>();
		for (const c of shownCells) {
			for (const id of membersOf(last, c)) {
				const list = signature.get(id) ?? [];
				list.push(`${c.unitId}|${c.area}|${c.title}`);
				signature.set(id, list);
			}
		}
		const blocks = new Map<string, number>();
		for (const list of signature.values()) {
			const id = list.sort().join(';');
			blocks.set(id, (blocks.get(id) ?? 0) + 1);
		}
		for (const size of blocks.values()) expect(size).toBeGreaterThanOrEqual(5);
		// And it is useful: most unit totals of 5 or more are shown in the first round.
		const totals = d.cells(rounds[0].roundId).filter((c) => c.area === null && c.title === null && c.n >= 5);
		expect(totals.filter((c) => c.shown).length / totals.length).toBeGreaterThan(0.9);
	});
});

// --- Issue 11: the side channels around the answers --------------------------------------------------

describe('participation is a figure too (members and non-respondents)', () => {
	it('a group of 10 members / 7 respondents and the same group × biståndshandläggare (9 / 7): the second is hidden, or her not answering shows', () => {
		const bh = group('b', 7, ['k', 'u'], BOU, BH);
		const bhAbsent = group('x', 2, ['k', 'u'], BOU, BH);
		const ssk = group('s', 1, ['k', 'u'], BOU, SSK); // the only socialsekreterare, who did not answer
		const d = computeDisclosure([{ roundId: 'r1', respondents: bh, absent: [...bhAbsent, ...ssk] }]);
		const total = d.get('r1', 'u', null, null);
		expect(total).toMatchObject({ shown: true, n: 7, members: 10 });
		// Respondents alone are the same 7: before issue 11 this cell was shown too.
		expect(d.get('r1', 'u', null, BH)).toMatchObject({ shown: false, reason: 'protects_other_group' });
		expect(d.get('r1', 'u', null, SSK)).toMatchObject({ shown: false, reason: 'too_few' });
	});

	it('a member block needs k respondents, not k members: 5 members of whom 4 answered are not shown apart', () => {
		const d = computeDisclosure([{ roundId: 'r1', respondents: [...group('a', 6, ['k', 'u1']), ...group('b', 4, ['k', 'u2'])], absent: group('c', 1, ['k', 'u2']) }]);
		expect(d.get('r1', 'k', null, null).shown).toBe(true);
		expect(d.get('r1', 'u2', null, null)).toMatchObject({ shown: false, reason: 'too_few' });
		expect(d.get('r1', 'u1', null, null)).toMatchObject({ shown: false, reason: 'protects_other_group' });
	});
});

describe('progress of an open round (decided on membership alone)', () => {
	it('an område of 14 members and the same område × biståndshandläggare of 13: only one of them is shown', () => {
		const members = [...group('b', 13, ['k', 'o'], BOU, BH), ...group('s', 1, ['k', 'o'], BOU, SSK)];
		const progress = decideProgress('open', members);
		const key = (title: CaseworkerTitle | null) => ({ roundId: 'open', unitId: 'o', area: null, title });
		expect(discloseProgress(progress, key(null), { members: 14, respondents: 6 })).toEqual({ shown: true, members: 14, respondents: 6 });
		const part = discloseProgress(progress, key(BH), { members: 13, respondents: 6 });
		expect(part).toMatchObject({ shown: false, reason: 'protects_other_group' });
		expect(JSON.stringify(part)).not.toMatch(/13|6/);
	});

	it('does not depend on who has answered, and hides a count whose membership no longer matches the decision', () => {
		const progress = decideProgress('open', group('p', 6, ['k', 'u']));
		const key = { roundId: 'open', unitId: 'u', area: null, title: null };
		expect(discloseProgress(progress, key, { members: 6, respondents: 0 }).shown).toBe(true);
		expect(discloseProgress(progress, key, { members: 6, respondents: 6 }).shown).toBe(true);
		expect(discloseProgress(progress, key, { members: 7, respondents: 3 }).shown).toBe(false);
		expect(discloseProgress(progress, { ...key, unitId: 'nowhere' }, { members: 0, respondents: 0 })).toMatchObject({ shown: false, reason: 'too_few', reasonText: expect.stringMatching(/medarbetare i gruppen \(eller inga\)/) });
	});
});

describe('rule 3 across different cells (issue 11)', () => {
	it('an avdelning total = an enhet shown earlier + one newcomer: the later total is hidden', () => {
		const enhet = group('e', 11, ['k', 'a', 'e1']);
		const r1 = round('r1', enhet);
		const r2 = round('r2', enhet, group('n', 1, ['k', 'a', 'e2']));
		const d = computeDisclosure([r1, r2]);
		expect(d.get('r1', 'e1', null, null).shown).toBe(true);
		expect(d.get('r2', 'a', null, null)).toMatchObject({ shown: false, reason: 'changed_since_earlier_round' });
		// The earlier figure stays: history is stable.
		expect(d.get('r1', 'a', null, null).shown).toBe(true);
	});

	it('a område in one round and the same område × titel in the next, nested, differing by one', () => {
		const r1 = round('r1', group('b', 8, ['k', 'u'], BOU, BH), group('s', 1, ['k', 'u'], BOU, SSK));
		const r2 = round('r2', group('b', 8, ['k', 'u'], BOU, BH));
		const d = computeDisclosure([r1, r2]);
		expect(d.get('r1', 'u', BOU, null).shown).toBe(true);
		expect(d.get('r2', 'u', BOU, BH)).toMatchObject({ shown: false, reason: 'changed_since_earlier_round' });
	});

	it('after an import re-hired someone under a new id in another enhet, the same people and one more are still compared', () => {
		const stay = group('p', 11, ['k', 'a', 'e1']);
		const d = computeDisclosure([round('r1', stay), round('r2', stay, [{ personId: 'new-1', unitPath: ['k', 'a', 'e2'], activityArea: BOU, title: SSK }])]);
		expect(d.get('r2', 'a', null, null).reason).toBe('changed_since_earlier_round');
		expect(d.get('r2', 'k', null, null).reason).toBe('changed_since_earlier_round');
	});
});

describe('homogeneous groups (rule 5)', () => {
	const answering = (prefix: string, values: number[][], unitPath: string[]) =>
		values.map((v, i): Respondent => ({ personId: `${prefix}${i + 1}`, unitPath, activityArea: BOU, title: SSK, values: v }));

	it('6 people who all answered 3 on one statement: that statement is withheld, the cell and the other statements shown', () => {
		const d = computeDisclosure([{ roundId: 'r1', respondents: answering('p', [[3, 1], [3, 2], [3, 3], [3, 4], [3, 5], [3, 6]], ['k', 'u']) }]);
		expect(d.get('r1', 'u', null, null)).toMatchObject({ shown: true, n: 6, hiddenStatements: [0] });
	});

	it('a child whose answers all agree cannot be computed as parent minus the rest either', () => {
		const d = computeDisclosure([
			{
				roundId: 'r1',
				respondents: [...answering('a', [[3], [3], [3], [3], [3]], ['k', 'p', 'c1']), ...answering('b', [[1], [2], [4], [5], [6]], ['k', 'p', 'c2'])]
			}
		]);
		expect(d.get('r1', 'p', null, null).hiddenStatements).toEqual([]);
		// Both children cannot show the statement: either would give the other's distribution.
		expect(d.get('r1', 'c1', null, null).hiddenStatements).toEqual([0]);
		expect(d.get('r1', 'c2', null, null).hiddenStatements).toEqual([0]);
	});
});

describe('figures with no free text, and the median', () => {
	it('a count of plans or incidents has no text fields, and its reason speaks of what it counts', () => {
		const d = computeDisclosure([round('plans:active', group('p', 6, ['k', 'u']), group('q', 2, ['k2', 'v']))]);
		const shown = discloseCount(d, { roundId: 'plans:active', unitId: 'u', area: null, title: null }, { plans: 7 }, 'plans');
		expect(shown).toEqual({ shown: true, n: 6, figures: { plans: 7 } });
		const hidden = discloseCount(d, { roundId: 'plans:active', unitId: 'v', area: null, title: null }, { plans: 2 }, 'plans');
		const none = discloseCount(d, { roundId: 'plans:active', unitId: 'nowhere', area: null, title: null }, { plans: 0 }, 'plans');
		expect(hidden).toEqual(none);
		expect(hidden).toEqual({ shown: false, reason: 'too_few', reasonText: 'Färre än 5 medarbetare med handlingsplaner (eller inga) – visas inte för att ingen ska kunna pekas ut.' });
		expect(discloseCount(d, { roundId: 'plans:active', unitId: 'v', area: null, title: null }, { incidents: 2 }, 'employees')).toMatchObject({ reasonText: expect.stringMatching(/rapporterade händelser/) });
	});

	it('the median of cases is shown only for groups of at least 2k, in whole cases', () => {
		const rules = resolveRules({ minGroup: 5 });
		expect(discloseMedian(14.5, 9, rules)).toBeNull();
		expect(discloseMedian(14.5, 10, rules)).toBe(15);
		expect(discloseMedian(null, 30, rules)).toBeNull();
	});
});
