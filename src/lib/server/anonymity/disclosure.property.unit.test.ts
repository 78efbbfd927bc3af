/**
 * Property tests of the anonymity module on random small organisations, checked against exact
 * linear algebra: whatever a reader combines from the shown cells (any linear combination of
 * counts, sums or histograms), no small group and no single person comes out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityArea, CaseworkerTitle } from '$lib/domain';
import { computeDisclosure, type Disclosure, type Respondent, type RoundInput } from './index';
import { RationalSpan, indicator } from './linear-span.test-helper';

const AREAS: ActivityArea[] = ['barn_och_unga', 'ekonomiskt_bistand', 'socialpsykiatri'];
const TITLES: CaseworkerTitle[] = ['socialsekreterare', 'bistandshandlaggare'];
const MAX_PEOPLE = 40;
const MAX_DEPTH = 3; // root = 0, so up to 4 levels

// --- Random scenarios ---------------------------------------------------------------------------

const scenarioArbitrary = fc.record({
	/** Unit i + 1 hangs under unit (parents[i] mod (i + 1)), capped at MAX_DEPTH. */
	parents: fc.array(fc.nat(), { maxLength: 12, size: 'max' }),
	people: fc.array(
		fc.record({
			unit: fc.nat(),
			area: fc.nat({ max: AREAS.length - 1 }),
			title: fc.nat({ max: TITLES.length - 1 })
		}),
		{ minLength: 3, maxLength: MAX_PEOPLE, size: 'max' }
	),
	/** Per round and person: 0 = change whether answering, 1 = move to another unit, else stay. */
	changes: fc.array(fc.array(fc.nat({ max: 7 }), { minLength: MAX_PEOPLE, maxLength: MAX_PEOPLE }), {
		minLength: 1,
		maxLength: 3
	}),
	moves: fc.array(fc.nat(), { minLength: MAX_PEOPLE, maxLength: MAX_PEOPLE }),
	minGroup: fc.integer({ min: 3, max: 6 }),
	textExtra: fc.integer({ min: 0, max: 5 })
});

type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { rounds: RoundInput[]; rules: { minGroup: number; minTextGroup: number } } {
	const unitCount = s.parents.length + 1;
	const path: string[][] = [['u0']];
	for (let i = 1; i < unitCount; i++) {
		let parent = s.parents[i - 1] % i;
		while (path[parent].length > MAX_DEPTH) parent = Number(path[parent][path[parent].length - 2].slice(1));
		path.push([...path[parent], `u${i}`]);
	}
	const state = s.people.map((p, i) => ({
		personId: `p${String(i).padStart(2, '0')}`,
		unit: p.unit % unitCount,
		area: AREAS[p.area],
		title: TITLES[p.title],
		answering: true
	}));
	const rounds = s.changes.map((change, r): RoundInput => {
		state.forEach((p, i) => {
			if (r > 0 && change[i] === 0) p.answering = !p.answering;
			if (r > 0 && change[i] === 1) p.unit = (p.unit + 1 + s.moves[i]) % unitCount;
		});
		return {
			roundId: `r${r}`,
			respondents: state
				.filter((p) => p.answering)
				.map((p): Respondent => ({ personId: p.personId, unitPath: path[p.unit], activityArea: p.area, title: p.title }))
		};
	});
	return { rounds, rules: { minGroup: s.minGroup, minTextGroup: s.minGroup + s.textExtra } };
}

// --- The cube, computed independently of the module ------------------------------------------------

interface Cell {
	unitId: string;
	area: ActivityArea | null;
	title: CaseworkerTitle | null;
	key: string;
	members: Set<string>;
}

function cube(r: RoundInput): Cell[] {
	const units = [...new Set(r.respondents.flatMap((p) => p.unitPath))];
	const areas = [null, ...new Set(r.respondents.map((p) => p.activityArea))];
	const titles = [null, ...new Set(r.respondents.map((p) => p.title))];
	return units.flatMap((unitId) =>
		areas.flatMap((area) =>
			titles.map((title) => ({
				unitId,
				area,
				title,
				key: `${unitId}|${area}|${title}`,
				members: new Set(
					r.respondents
						.filter(
							(p) =>
								p.unitPath.includes(unitId) &&
								(area === null || p.activityArea === area) &&
								(title === null || p.title === title)
						)
						.map((p) => p.personId)
				)
			}))
		)
	);
}

type Kind = 'figures' | 'text';
const isShown = (d: Disclosure, roundId: string, c: Cell, kind: Kind) => {
	const decision = d.get(roundId, c.unitId, c.area, c.title);
	return kind === 'figures' ? decision.shown : decision.textShown;
};

/** The span of the indicator vectors of the shown cells of one round, over its respondents. */
function spanOf(d: Disclosure, r: RoundInput, cells: Cell[], kind: Kind) {
	const universe = r.respondents.map((p) => p.personId).sort();
	const span = new RationalSpan(universe.length);
	const seen = new Set<string>();
	for (const c of cells) {
		if (!isShown(d, r.roundId, c, kind)) continue;
		const id = [...c.members].sort().join(',');
		if (seen.has(id)) continue;
		seen.add(id);
		span.add(indicator(universe, c.members));
	}
	return { universe, span, computable: (members: Set<string>) => span.contains(indicator(universe, members)) };
}

/** Respondents grouped by the set of shown cells that contain them (empty set left out). */
function blockSizes(d: Disclosure, r: RoundInput, cells: Cell[], kind: Kind): number[] {
	const signature = new Map<string, string[]>();
	for (const c of cells) {
		if (!isShown(d, r.roundId, c, kind)) continue;
		for (const id of c.members) signature.set(id, [...(signature.get(id) ?? []), c.key]);
	}
	const sizes = new Map<string, number>();
	for (const keys of signature.values()) {
		const id = keys.sort().join(';');
		sizes.set(id, (sizes.get(id) ?? 0) + 1);
	}
	return [...sizes.values()];
}

function strictlyNested(a: Set<string>, b: Set<string>): boolean {
	const [small, large] = a.size < b.size ? [a, b] : [b, a];
	return small.size < large.size && [...small].every((id) => large.has(id));
}

// --- Properties -------------------------------------------------------------------------------------

function checkScenario(s: Scenario): void {
	const { rounds, rules } = build(s);
	const d = computeDisclosure(rounds, rules);
	const computableByRound: Map<string, (m: Set<string>) => boolean>[] = [];

	for (const r of rounds) {
		const cells = cube(r);
		const computableNow = new Map<string, (m: Set<string>) => boolean>();
		computableByRound.push(computableNow);
		for (const kind of ['figures', 'text'] as const) {
			const k = kind === 'figures' ? rules.minGroup : rules.minTextGroup;

			// Decisions agree with the cube: counts, primary suppression, text only where figures.
			for (const c of cells) {
				const decision = d.get(r.roundId, c.unitId, c.area, c.title);
				expect(decision.n).toBe(c.members.size);
				if (decision.textShown) expect(decision.shown).toBe(true);
				const shown = kind === 'figures' ? decision.shown : decision.textShown;
				const reason = kind === 'figures' ? decision.reason : decision.textReason;
				if (c.members.size === 0) expect(reason).toBe('empty');
				else if (c.members.size < k) expect(reason).toBe('too_few');
				if (shown) expect(reason).toBeNull();
				else expect(reason).not.toBeNull();
			}

			// The block invariant itself.
			for (const size of blockSizes(d, r, cells, kind)) expect(size).toBeGreaterThanOrEqual(k);

			// (a) no primary-suppressed cell and (b) no single respondent is in the span. In fact no
			// hidden cell at all: what is hidden cannot be computed either.
			const { universe, computable } = spanOf(d, r, cells, kind);
			for (const c of cells) {
				if (c.members.size > 0 && c.members.size < k) expect(computable(c.members)).toBe(false);
				if (c.members.size > 0 && !isShown(d, r.roundId, c, kind)) expect(computable(c.members)).toBe(false);
			}
			for (const id of universe) expect(computable(new Set([id]))).toBe(false);
			if (kind === 'figures') for (const c of cells) computableNow.set(c.key, computable);
		}

		// Across rounds: the same cell computable in an earlier and in this round never differs
		// by a few people joining (or leaving) only.
		const here = computableByRound.length - 1;
		for (const c of cells) {
			if (!computableNow.get(c.key)!(c.members)) continue;
			for (let earlier = 0; earlier < here; earlier++) {
				const before = cube(rounds[earlier]).find((x) => x.key === c.key);
				if (!before || before.members.size === 0) continue;
				if (!computableByRound[earlier].get(c.key)!(before.members)) continue;
				if (strictlyNested(before.members, c.members)) {
					expect(Math.abs(before.members.size - c.members.size)).toBeGreaterThanOrEqual(rules.minGroup);
				}
			}
		}
	}
}

describe('disclosure properties on random organisations', () => {
	it('nothing smaller than minGroup can be computed from the shown cells, within or across rounds', () => {
		fc.assert(fc.property(scenarioArbitrary, checkScenario), { numRuns: 200 });
	}, 60_000);

	it('decisions depend on the data only: not on input order, and not on later rounds', () => {
		fc.assert(
			fc.property(scenarioArbitrary, fc.nat(), (s, seed) => {
				const { rounds, rules } = build(s);
				const d = computeDisclosure(rounds, rules);
				// Reverse and rotate each round's respondents.
				const reordered = rounds.map((r) => {
					const list = [...r.respondents].reverse();
					const shift = list.length ? seed % list.length : 0;
					return { roundId: r.roundId, respondents: [...list.slice(shift), ...list.slice(0, shift)] };
				});
				const other = computeDisclosure(reordered, rules);
				for (const r of rounds) expect(other.cells(r.roundId)).toEqual(d.cells(r.roundId));
				for (let i = 1; i < rounds.length; i++) {
					const prefix = computeDisclosure(rounds.slice(0, i), rules);
					for (const r of rounds.slice(0, i)) expect(prefix.cells(r.roundId)).toEqual(d.cells(r.roundId));
				}
			}),
			{ numRuns: 200 }
		);
	}, 60_000);

	it('shows something: with every respondent in one unit of ≥ minGroup, the unit is shown', () => {
		fc.assert(
			fc.property(fc.integer({ min: 3, max: 6 }), fc.integer({ min: 0, max: 10 }), (minGroup, extra) => {
				const respondents = Array.from({ length: minGroup + extra }, (_, i) => ({
					personId: `p${i}`,
					unitPath: ['root', 'unit'],
					activityArea: AREAS[0],
					title: TITLES[0]
				}));
				const d = computeDisclosure([{ roundId: 'r', respondents }], { minGroup });
				expect(d.get('r', 'unit', null, null).shown).toBe(true);
				expect(d.get('r', 'root', AREAS[0], TITLES[0]).shown).toBe(true);
			})
		);
	});
});
