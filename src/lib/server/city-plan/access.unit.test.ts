/**
 * The plan's and incidents' access rules (policy.ts, "Action plan and incidents") as a table.
 * Paths: /k/ kommun, /k/f/ förvaltning, /k/f/a/ avdelning, /k/f/a/e/ enhet, /k/f2/ another förvaltning.
 */
import { describe, expect, it } from 'vitest';
import type { OrgUnitKind, Role } from '$lib/domain';
import type { Actor } from '../access/actor';
import {
	administersPlanAreas,
	canEditPlan,
	canManageIncident,
	canReadPlan,
	canReportIncidentFor,
	canSeeIncident,
	canSuggestInPlan,
	mayDesignateIncidentReaders,
	permissionsOf,
	readsPlan,
	seesPlanMatrix
} from '../access/policy';

const kindOf: Record<string, OrgUnitKind> = { '/k/': 'kommun', '/k/f/': 'forvaltning', '/k/f/a/': 'avdelning', '/k/f/a/e/': 'enhet', '/k/f2/': 'forvaltning' };
const now = new Date('2026-11-25T12:00:00Z');

function actor(unitPath: string, ...assignments: [Role, string, string?, string?][]): Actor {
	return {
		personId: 'me',
		ip: null,
		name: 'Test',
		email: 't@x',
		title: assignments.length ? 'chef' : 'socialsekreterare',
		activityArea: 'barn_och_unga',
		orgUnitId: 'u',
		orgUnitPath: unitPath,
		assignments: assignments.map(([role, path, validFrom, validTo]) => ({
			role,
			orgUnitId: path,
			orgUnitPath: path,
			orgUnitKind: kindOf[path],
			orgUnitName: path,
			validFrom: validFrom ?? null,
			validTo: validTo ?? null
		}))
	};
}

const F = '/k/f/';
const F2 = '/k/f2/';

describe('the plan of a förvaltning', () => {
	const cases: [string, Actor, { read: boolean; edit: boolean; suggest: boolean; matrix: boolean }][] = [
		['a socialsekreterare in it', actor('/k/f/a/e/'), { read: true, edit: false, suggest: true, matrix: false }],
		['a socialsekreterare elsewhere', actor('/k/f2/a/'), { read: false, edit: false, suggest: false, matrix: false }],
		['its enhetschef', actor('/k/f/a/e/', ['unit_manager', '/k/f/a/e/']), { read: true, edit: false, suggest: true, matrix: false }],
		['its lokal styrgrupp', actor('/k/f/', ['local_steering', F]), { read: true, edit: true, suggest: true, matrix: false }],
		['another förvaltning’s styrgrupp', actor('/k/f2/', ['local_steering', F2]), { read: false, edit: false, suggest: false, matrix: false }],
		['a styrgrupp whose assignment has ended', actor('/k/', ['local_steering', F, '2020-01-01', '2025-12-31']), { read: false, edit: false, suggest: false, matrix: false }],
		['the central styrgrupp', actor('/k/', ['central_steering', '/k/']), { read: true, edit: false, suggest: false, matrix: true }],
		['an administrator', actor('/k/', ['admin', '/k/']), { read: true, edit: false, suggest: false, matrix: true }]
	];
	it.each(cases)('%s', (_, who, expected) => {
		expect({
			read: canReadPlan(who, F, now),
			edit: canEditPlan(who, F, now),
			suggest: canSuggestInPlan(who, F, now),
			matrix: seesPlanMatrix(who, now)
		}).toEqual(expected);
	});

	it('the central steering group oversees the förvaltningar of its own kommun only', () => {
		const central = actor('/k/', ['central_steering', '/k/']);
		expect(canReadPlan(central, '/k/f/', now)).toBe(true);
		expect(canReadPlan(central, '/k2/f/', now)).toBe(false);
	});

	it('only administrators change the areas', () => {
		expect(administersPlanAreas(actor('/k/', ['admin', '/k/']), now)).toBe(true);
		expect(administersPlanAreas(actor('/k/', ['central_steering', '/k/']), now)).toBe(false);
	});

	it('pages know whether to show the plan and the matrix', () => {
		expect(readsPlan(actor('/k/f/a/e/'), now)).toBe(true);
		expect(readsPlan({ ...actor('/k/'), title: 'ovrig' }, now)).toBe(false);
		expect(readsPlan(actor('/k/', ['unit_manager', '/k/f/a/e/']), now)).toBe(true);
		expect(permissionsOf(actor('/k/', ['central_steering', '/k/']), now)).toMatchObject({ readsPlan: true, seesPlanMatrix: true });
	});
});

describe('incident details', () => {
	const incident = { personId: 'employee', unitPath: '/k/f/a/e/' };
	it('the employee, the nearest manager and the designated see them; the avdelningschef does not', () => {
		expect(canSeeIncident({ ...actor('/k/f/a/e/'), personId: 'employee' }, incident, [], now)).toBe(true);
		expect(canSeeIncident(actor('/k/f/a/e/'), incident, [], now)).toBe(false);
		expect(canSeeIncident(actor('/k/f/a/e/', ['unit_manager', '/k/f/a/e/']), incident, [], now)).toBe(true);
		expect(canSeeIncident(actor('/k/f/a/', ['department_manager', '/k/f/a/']), incident, [], now)).toBe(false);
		expect(canSeeIncident(actor('/k/'), incident, ['/k/f/'], now)).toBe(true);
		expect(canSeeIncident(actor('/k/'), incident, ['/k/f2/'], now)).toBe(false);
	});

	it('one reports for oneself, or as nearest manager on behalf of own staff', () => {
		const manager = actor('/k/f/a/e/', ['unit_manager', '/k/f/a/e/']);
		expect(canReportIncidentFor(manager, incident, now)).toBe(true);
		expect(canReportIncidentFor(actor('/k/f/a/e/'), incident, now)).toBe(false);
		expect(canReportIncidentFor({ ...actor('/k/f/a/e/'), personId: 'employee' }, incident, now)).toBe(true);
		expect(canManageIncident(manager, incident, now)).toBe(true);
		expect(canManageIncident({ ...actor('/k/f/a/e/'), personId: 'employee' }, incident, now)).toBe(false);
	});

	it('only administrators designate who else reads incidents', () => {
		expect(mayDesignateIncidentReaders(actor('/k/', ['admin', '/k/']), now)).toBe(true);
		for (const role of ['central_steering', 'local_steering', 'department_manager', 'unit_manager'] as Role[]) {
			expect(mayDesignateIncidentReaders(actor('/k/', [role, role === 'central_steering' ? '/k/' : '/k/f/']), now), role).toBe(false);
		}
		expect(mayDesignateIncidentReaders(actor('/k/', ['admin', '/k/', '2026-01-01', '2026-06-30']), now), 'an ended admin assignment').toBe(false);
	});
});
