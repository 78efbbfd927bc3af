/**
 * The access rules as a table: for each kind of person, which units they see by name and in
 * aggregate. Paths: /k/ kommun, /k/f/ förvaltning, /k/f/a/ avdelning, /k/f/a/e/ enhet,
 * /k/f/a/e/g/ arbetsgrupp, /k/f/a/e2/ another enhet, /k/f2/ another förvaltning.
 */
import { describe, expect, it } from 'vitest';
import type { OrgUnitKind, Role } from '$lib/domain';
import type { Actor } from './actor';
import {
	aggregateScopes,
	canEditPlan,
	canEnterIndicators,
	canReadPlan,
	canSeeAggregate,
	canSeeNamed,
	canSuggestInPlan,
	groupPlanReading,
	isAdmin,
	namedScopes,
	permissionsOf
} from './policy';

const kindOf: Record<string, OrgUnitKind> = { '/k/': 'kommun', '/k/f/': 'forvaltning', '/k/f/a/': 'avdelning', '/k/f/a/e/': 'enhet', '/k/f/a/e/g/': 'arbetsgrupp', '/k/f/a/e2/': 'enhet' };

function actor(title: Actor['title'], ...assignments: [Role, string, string?, string?][]): Actor {
	return {
		personId: 'p',
		ip: null,
		name: 'Test',
		email: 't@x',
		title,
		activityArea: title === 'chef' ? null : 'barn_och_unga',
		orgUnitId: 'e',
		orgUnitPath: '/k/f/a/e/',
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

const units = { group: '/k/f/a/e/g/', enhet: '/k/f/a/e/', otherEnhet: '/k/f/a/e2/', avdelning: '/k/f/a/', forvaltning: '/k/f/', otherForvaltning: '/k/f2/x/' };
const now = new Date('2026-11-25T12:00:00Z');

// who → [units seen by name], [units seen in aggregate]
const table: [string, Actor, (keyof typeof units)[], (keyof typeof units)[]][] = [
	['socialsekreterare', actor('socialsekreterare'), [], []],
	['biträdande enhetschef (arbetsgrupp)', actor('chef', ['deputy_unit_manager', '/k/f/a/e/g/']), ['group'], ['group']],
	['enhetschef', actor('chef', ['unit_manager', '/k/f/a/e/']), ['group', 'enhet'], ['group', 'enhet']],
	['chef för två enheter', actor('chef', ['unit_manager', '/k/f/a/e/'], ['unit_manager', '/k/f/a/e2/']), ['group', 'enhet', 'otherEnhet'], ['group', 'enhet', 'otherEnhet']],
	['vikarierande enhetschef inom perioden', actor('chef', ['unit_manager', '/k/f/a/e2/', '2026-11-01', '2026-12-31']), ['otherEnhet'], ['otherEnhet']],
	['vikarierande enhetschef efter perioden', actor('chef', ['unit_manager', '/k/f/a/e2/', '2026-09-01', '2026-10-31']), [], []],
	['vikarierande enhetschef före perioden', actor('chef', ['unit_manager', '/k/f/a/e2/', '2027-01-01', null as unknown as undefined]), [], []],
	['avdelningschef', actor('chef', ['department_manager', '/k/f/a/']), [], ['group', 'enhet', 'otherEnhet', 'avdelning']],
	['felaktigt tilldelad "enhetschef" på avdelning', actor('chef', ['unit_manager', '/k/f/a/']), [], ['group', 'enhet', 'otherEnhet', 'avdelning']],
	['lokal styrgrupp', actor('chef', ['local_steering', '/k/f/']), [], ['group', 'enhet', 'otherEnhet', 'avdelning', 'forvaltning']],
	['central styrgrupp', actor('ovrig', ['central_steering', '/k/']), [], Object.keys(units) as (keyof typeof units)[]],
	['administratör', actor('ovrig', ['admin', '/k/']), [], Object.keys(units) as (keyof typeof units)[]],
	['facklig representant i förvaltningen', actor('ovrig', ['union_representative', '/k/f/']), [], ['group', 'enhet', 'otherEnhet', 'avdelning', 'forvaltning']],
	['följeforskare i kommunen', actor('ovrig', ['researcher', '/k/']), [], Object.keys(units) as (keyof typeof units)[]]
];

describe('access table', () => {
	for (const [who, a, named, aggregate] of table) {
		it(`${who}: by name ${named.join(', ') || 'nothing'}; aggregates ${aggregate.join(', ') || 'nothing'}`, () => {
			for (const [key, path] of Object.entries(units)) {
				expect(canSeeNamed(a, path, now), `named ${key}`).toBe(named.includes(key as keyof typeof units));
				expect(canSeeAggregate(a, path, now), `aggregate ${key}`).toBe(aggregate.includes(key as keyof typeof units));
			}
		});
	}

	it('never gives named access above the enhet, whatever the role', () => {
		for (const role of ['department_manager', 'local_steering', 'central_steering', 'admin'] as Role[]) {
			expect(namedScopes(actor('chef', [role, '/k/']), now)).toEqual([]);
		}
	});

	it('the readers the plan names only read: no plan changes, no suggestions, no indicators, not above a group’s plan', () => {
		for (const role of ['union_representative', 'researcher'] as Role[]) {
			const reader = { ...actor('ovrig', [role, '/k/f/']), orgUnitPath: '/k/x/' };
			expect(canReadPlan(reader, '/k/f/', now)).toBe(true);
			expect(canEditPlan(reader, '/k/f/', now)).toBe(false);
			expect(canSuggestInPlan(reader, '/k/f/', now)).toBe(false);
			expect(canEnterIndicators(reader, '/k/f/', now)).toBe(false);
			expect(groupPlanReading(reader, '/k/f/a/e/', now)).toBeNull();
			expect(permissionsOf(reader, now)).toMatchObject({ seesReports: true, seesIndicators: true, managesStaff: false, administers: false, entersIndicators: false, readsActionPlans: false });
		}
		// A följeforskare on the kommun reads every förvaltning's plan.
		expect(canReadPlan({ ...actor('ovrig', ['researcher', '/k/']), orgUnitPath: '/k/' }, '/k/f2/', now)).toBe(true);
		expect(permissionsOf({ ...actor('ovrig', ['researcher', '/k/']), orgUnitPath: '/k/' }, now)).toMatchObject({ readsPlan: true, seesPlanMatrix: false });
		// The avdelningschef oversees the groups' plans below.
		expect(groupPlanReading({ ...actor('chef', ['department_manager', '/k/f/a/']), orgUnitPath: '/k/f/a/' }, '/k/f/a/e/', now)).toBe('above');
	});

	it('folds nested scopes into the widest one', () => {
		expect(aggregateScopes(actor('chef', ['unit_manager', '/k/f/a/e/'], ['department_manager', '/k/f/a/']), now)).toEqual(['/k/f/a/']);
	});

	it('tells pages what to show', () => {
		expect(permissionsOf(actor('socialsekreterare'), now)).toMatchObject({ answersRounds: true, managesStaff: false, seesReports: false, administers: false });
		expect(permissionsOf(actor('chef', ['unit_manager', '/k/f/a/e/']), now)).toMatchObject({ answersRounds: false, managesStaff: true, seesReports: true });
		expect(isAdmin(actor('ovrig', ['admin', '/k/']), now)).toBe(true);
	});
});
