import fc from 'fast-check';
import { it } from 'vitest';
import { computeDisclosure } from './index';
// @ts-expect-error internal
import { scenarioArbitrary, build } from './disclosure.property.unit.test';
it('stats', () => {
	const tally: Record<string, number> = {};
	let people = 0, runs = 0;
	fc.assert(fc.property(scenarioArbitrary, (s: any) => {
		const { rounds, rules } = build(s);
		runs++; people += rounds[0].respondents.length;
		const d = computeDisclosure(rounds, rules);
		for (const r of rounds) for (const c of d.cells(r.roundId)) { const k = String(c.reason); tally[k] = (tally[k] ?? 0) + 1; const t = 'text:' + c.textReason; tally[t] = (tally[t] ?? 0) + 1; }
	}), { numRuns: 200 });
	console.log(runs, people / runs, tally);
});
