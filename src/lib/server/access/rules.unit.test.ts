/**
 * The rules asked both in JS and in SQL (rules.ts), as JS predicates. That the SQL forms select
 * exactly what these accept is proven against both databases in rules.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ORG_UNIT_KINDS, ROLES } from '$lib/domain';
import { isNearestManagerAssignment, isValidOn, mayOpenIndividualPlan } from './rules';

describe('the valid-date window of an assignment', () => {
	const today = '2026-11-25';
	it.each([
		[null, null, true],
		['2026-11-25', null, true],
		[null, '2026-11-25', true],
		['2026-11-01', '2026-12-31', true],
		['2026-11-26', null, false],
		[null, '2026-11-24', false],
		['2026-09-01', '2026-10-31', false],
		['2027-01-01', null, false]
	])('from %s to %s holds on the day: %s', (validFrom, validTo, holds) => {
		expect(isValidOn({ validFrom, validTo }, today)).toBe(holds);
	});
});

describe('the nearest manager (decision 0003)', () => {
	it('is an enhetschef or biträdande enhetschef on an enhet or arbetsgrupp, and nothing else', () => {
		for (const role of ROLES) {
			for (const orgUnitKind of ORG_UNIT_KINDS) {
				const expected = (role === 'unit_manager' || role === 'deputy_unit_manager') && (orgUnitKind === 'enhet' || orgUnitKind === 'arbetsgrupp');
				expect(isNearestManagerAssignment({ role, orgUnitKind }), `${role} on ${orgUnitKind}`).toBe(expected);
			}
		}
	});
});

describe('who may open an individual action plan', () => {
	const plan = { personId: 'employee', managerId: 'deputy' };
	it('the employee and the manager who offered it', () => {
		expect(mayOpenIndividualPlan('employee', plan)).toBe(true);
		expect(mayOpenIndividualPlan('deputy', plan)).toBe(true);
	});
	it('not the other nearest manager of the same person, nor anyone else', () => {
		for (const other of ['enhetschef', 'avdelningschef', 'admin', 'colleague']) expect(mayOpenIndividualPlan(other, plan)).toBe(false);
	});
});
