/** The plan's lists in Swedish order: the bucketed sort gives what a full sort with the collator gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByNameAndNumber, type PersonRef } from './plan';

const collator = new Intl.Collator('sv-SE');
const fullSort = (list: PersonRef[]) => [...list].sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.employeeId ?? '', b.employeeId ?? ''));

describe('sorting the lists of a plan', () => {
	it('orders by name, then number, stably, as a full sort does', () => {
		const name = fc.constantFrom('Åsa Öberg', 'Asa Oberg', 'Anna Berg', 'anna berg', 'Élise Ek', 'E\u0301lise Ek', 'Zeynep Ali', 'Östen Ås');
		const ref = fc.record({ line: fc.option(fc.nat(50)), employeeId: fc.option(fc.constantFrom('1', '2', '10', 'A7', 'a7', 'Ö1')), name });
		fc.assert(
			fc.property(fc.array(ref, { maxLength: 40 }), (list) => {
				expect(sortByNameAndNumber([...list])).toEqual(fullSort(list));
			}),
			{ numRuns: 3000 }
		);
	});
});
