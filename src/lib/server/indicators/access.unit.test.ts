/** Who may read and enter indicator figures (the rules in access/policy.ts, "Indicators"). */
import { describe, expect, it } from 'vitest';
import type { Role } from '$lib/domain';
import type { Actor } from '../access/actor';
import { canDefineIndicators, canEnterIndicators, canReadIndicators, canWriteBoardReport, indicatorEntryScopes, permissionsOf } from '../access/policy';

const KOMMUN = '/k/';
const NORRVIK = '/k/f1/';
const SODERAS = '/k/f2/';
const AVDELNING = '/k/f1/a/';

function actor(...assignments: [Role, string][]): Actor {
	return {
		personId: 'p',
		ip: null,
		name: 'Test',
		email: 't@test.se',
		title: 'chef',
		activityArea: null,
		orgUnitId: 'u',
		orgUnitPath: AVDELNING,
		assignments: assignments.map(([role, path]) => ({ role, orgUnitId: path, orgUnitPath: path, orgUnitKind: 'forvaltning', orgUnitName: path, validFrom: null, validTo: null }))
	};
}

describe('access to indicators', () => {
	it('the lokal styrgrupp enters its own förvaltning and nothing else', () => {
		const steering = actor(['local_steering', NORRVIK]);
		expect(canEnterIndicators(steering, NORRVIK)).toBe(true);
		expect(canEnterIndicators(steering, SODERAS)).toBe(false);
		expect(canEnterIndicators(steering, KOMMUN)).toBe(false);
		expect(canWriteBoardReport(steering, NORRVIK)).toBe(true);
		expect(permissionsOf(steering)).toMatchObject({ seesIndicators: true, entersIndicators: true });
	});
	it('central steering and admin enter every unit, the kommun included; only admin defines', () => {
		for (const role of ['central_steering', 'admin'] as const) {
			const a = actor([role, KOMMUN]);
			expect(indicatorEntryScopes(a)).toEqual([KOMMUN]);
			expect([KOMMUN, NORRVIK, SODERAS].every((p) => canEnterIndicators(a, p))).toBe(true);
		}
		expect(canDefineIndicators(actor(['admin', KOMMUN]))).toBe(true);
		expect(canDefineIndicators(actor(['central_steering', KOMMUN]))).toBe(false);
	});
	it('managers read their own förvaltning and the city, not other förvaltningar, and enter nothing', () => {
		for (const role of ['department_manager', 'unit_manager', 'deputy_unit_manager'] as const) {
			const manager = actor([role, AVDELNING]);
			expect(canReadIndicators(manager, NORRVIK)).toBe(true);
			expect(canReadIndicators(manager, KOMMUN)).toBe(true);
			expect(canReadIndicators(manager, SODERAS)).toBe(false);
			expect(canEnterIndicators(manager, NORRVIK)).toBe(false);
			expect(permissionsOf(manager)).toMatchObject({ seesIndicators: true, entersIndicators: false });
		}
	});
	it('a handläggare without assignments sees no indicators', () => {
		expect(permissionsOf({ ...actor(), title: 'socialsekreterare' })).toMatchObject({ seesIndicators: false, entersIndicators: false });
		expect(canReadIndicators(actor(), NORRVIK)).toBe(false);
	});
	it('an assignment that has ended gives nothing', () => {
		const ended = actor(['local_steering', NORRVIK]);
		ended.assignments[0].validTo = '2020-01-01';
		expect(canEnterIndicators(ended, NORRVIK)).toBe(false);
	});
});
