/**
 * The claim retention rests on (docs/decisions/0008-retention.md): decide every round with the
 * real people, keep the cells rule 3 held back, give every answer of an old round a stand-in of
 * its own, decide again with the kept cells — and every decision of every round is the same.
 * On random organisations where people come, go and move between rounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityArea, CaseworkerTitle } from '$lib/domain';
import { decideRoundsInOrder, decideRoundsWithGuards, type FrozenGuards, type RoundInput } from '../anonymity';

const AREAS: ActivityArea[] = ['barn_och_unga', 'ekonomiskt_bistand'];
const TITLES: CaseworkerTitle[] = ['socialsekreterare', 'bistandshandlaggare'];
const PEOPLE = 36;

const scenario = fc.record({
	units: fc.array(fc.nat({ max: 3 }), { minLength: 3, maxLength: 6 }),
	people: fc.array(fc.record({ unit: fc.nat(), area: fc.nat({ max: 1 }), title: fc.nat({ max: 1 }) }), { minLength: PEOPLE, maxLength: PEOPLE }),
	/** Per round and person: 0 leaves or comes back, 1 moves, anything else stays. */
	changes: fc.array(fc.array(fc.nat({ max: 9 }), { minLength: PEOPLE, maxLength: PEOPLE }), { minLength: 3, maxLength: 5 }),
	retained: fc.nat(),
	minGroup: fc.integer({ min: 3, max: 5 })
});

function rounds(s: typeof scenario extends fc.Arbitrary<infer T> ? T : never): RoundInput[] {
	// A small tree: unit 0 is the root, unit i hangs under units[i - 1] mod i.
	const paths: string[][] = [['u0']];
	s.units.forEach((parent, i) => paths.push([...paths[parent % (i + 1)], `u${i + 1}`]));
	const state = s.people.map((p, i) => ({ id: `p${String(i).padStart(2, '0')}`, unit: p.unit % paths.length, area: AREAS[p.area], title: TITLES[p.title], answering: i % 7 !== 0 }));
	return s.changes.map((change, r) => {
		state.forEach((p, i) => {
			if (r > 0 && change[i] === 0) p.answering = !p.answering;
			if (r > 0 && change[i] === 1) p.unit = (p.unit + 1) % paths.length;
		});
		return { roundId: `r${r}`, respondents: state.filter((p) => p.answering).map((p) => ({ personId: p.id, unitPath: paths[p.unit], activityArea: p.area, title: p.title })) };
	});
}

describe('retention keeps every anonymity decision', () => {
	it('stand-ins per round plus the frozen rule-3 cells decide exactly as the real people did', () => {
		let guardsSeen = 0;
		fc.assert(
			fc.property(scenario, (s) => {
				const input = rounds(s);
				const rules = { minGroup: s.minGroup, minTextGroup: s.minGroup + 2 };
				const everyone = input.flatMap((r) => r.respondents.map((p) => p.personId));
				const before = decideRoundsWithGuards(everyone, rules);
				const decided = input.map((r) => before.decide(r));
				guardsSeen += decided.reduce((n, d) => n + d.guards.figures.length, 0);

				// The oldest rounds are retained: every answer gets a stand-in of its own.
				const retained = 1 + (s.retained % (input.length - 1));
				const renamed = input.map((r, i) => (i < retained ? { ...r, respondents: r.respondents.map((p) => ({ ...p, personId: `stand-in-${r.roundId}-${p.personId}x` })) } : r));
				const frozen = new Map<string, FrozenGuards>(decided.map((d, i) => [input[i].roundId, d.guards]));
				const after = decideRoundsInOrder(renamed.flatMap((r) => r.respondents.map((p) => p.personId)), rules);
				renamed.forEach((r, i) => expect(after.decide({ ...r, frozenGuards: frozen.get(r.roundId) })).toEqual(decided[i].entries));
			}),
			{ numRuns: 150, seed: 20081 }
		);
		expect(guardsSeen, 'rule 3 fired in the scenarios').toBeGreaterThan(20);
		// 150 runs take about 2 s alone; on a loaded machine more than the default 5 s (as the other property tests allow).
	}, 60_000);
});
