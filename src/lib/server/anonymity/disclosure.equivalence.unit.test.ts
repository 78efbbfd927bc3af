/**
 * The decisions must never change when the code is made faster: computeDisclosure and the
 * one-round-at-a-time decideRoundsInOrder (used for the stored decisions) against a frozen copy
 * of the implementation the anonymity tests were written for (disclosure.reference.test-helper.ts),
 * on random organisations over several rounds, with people coming, going and moving.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_AREAS, CASEWORKER_TITLES } from '../../domain';
import { computeDisclosure, decideRoundsInOrder, type RoundInput } from './disclosure';
import { computeDisclosure as referenceDisclosure } from './disclosure.reference.test-helper';

// root → 2 förvaltningar → 2 enheter each → an arbetsgrupp under the first enhet of each.
const PATHS = [
	['k', 'f1', 'e1'],
	['k', 'f1', 'e1', 'g1'],
	['k', 'f1', 'e2'],
	['k', 'f2', 'e3'],
	['k', 'f2', 'e3', 'g2'],
	['k', 'f2', 'e4']
];

const respondent = fc.record({
	unit: fc.integer({ min: 0, max: PATHS.length - 1 }),
	area: fc.constantFrom(...ACTIVITY_AREAS.slice(0, 3)),
	title: fc.constantFrom(...CASEWORKER_TITLES)
});

/**
 * Up to 4 rounds over a pool of 60 people with fixed places; in each round a few are away and a
 * few answer from another unit, so the same cells recur with small changes (rule 3).
 */
const scenario = fc
	.tuple(
		fc.array(respondent, { minLength: 60, maxLength: 60 }),
		fc.array(fc.array(fc.integer({ min: 0, max: 24 }), { minLength: 60, maxLength: 60 }), { minLength: 1, maxLength: 4 })
	)
	.map(([people, rounds]) =>
		rounds.map(
			(changes, r): RoundInput => ({
				roundId: `round-${r}`,
				respondents: people.flatMap((p, i) =>
					changes[i] === 0 ? [] : [{ personId: `person-${String(i).padStart(3, '0')}`, unitPath: PATHS[changes[i] === 1 ? (p.unit + 1) % PATHS.length : p.unit], activityArea: p.area, title: p.title }]
				)
			})
		)
	);

describe('the decisions are those of the reference implementation', () => {
	it('computeDisclosure and decideRoundsInOrder decide every cell as the reference does', () => {
		const reasons = new Set<string>();
		fc.assert(
			fc.property(scenario, fc.constantFrom(3, 4, 5), (rounds, k) => {
				const rules = { minGroup: k, minTextGroup: k + 3 };
				const reference = referenceDisclosure(rounds, rules);
				const computed = computeDisclosure(rounds, rules);
				// The streaming decider is given more people than answer: only their order matters.
				const streaming = decideRoundsInOrder(['person-999', ...rounds.flatMap((r) => r.respondents.map((p) => p.personId)), 'a-nobody'], rules);
				for (const round of rounds) {
					const expected = reference.cells(round.roundId);
					for (const cell of expected) reasons.add(cell.reason ?? 'shown');
					expect(computed.cells(round.roundId)).toEqual(expected);
					expect(streaming.decide(round)).toEqual(expected);
				}
			}),
			{ numRuns: 300 }
		);
		// The scenarios reach every rule, not only the easy cases.
		expect([...reasons].sort()).toEqual(['changed_since_earlier_round', 'protects_other_group', 'shown', 'too_few']);
	}, 120_000);
});
