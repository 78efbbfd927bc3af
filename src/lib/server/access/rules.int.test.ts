/**
 * The SQL forms of the access rules select exactly what their JS forms accept (both databases),
 * and requireUnitInScope answers "not found" for every unit the caller may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ORG_UNIT_KINDS, ROLES, type OrgUnitKind, type Role } from '$lib/domain';
import type { Database } from '../db/client';
import { query } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { assignRole, insertOrgUnit, insertPerson } from '../demo/factories';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { requireUnitInScope } from './gate';
import { aggregateScopes } from './policy';
import { isNearestManagerAssignment, isValidOn, mayOpenIndividualPlan, mayOpenIndividualPlanSql, nearestManagerSql } from './rules';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));

describe(`access rules in SQL agree with the policy (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	it('the nearest-manager rule and the valid-date window: every role × unit kind × window', async () => {
		const today = '2026-11-25';
		const windows: [string | null, string | null][] = [
			[null, null],
			['2026-11-25', '2026-11-25'],
			['2026-11-26', null],
			[null, '2026-11-24'],
			['2026-01-01', '2026-12-31']
		];
		const units = new Map<OrgUnitKind, string>();
		let parent = null as null | Awaited<ReturnType<typeof insertOrgUnit>>;
		for (const kind of ORG_UNIT_KINDS) {
			parent = await insertOrgUnit(database.db, { parent, kind, name: `Regelprov ${kind}` });
			units.set(kind, parent.id);
		}
		const holder = await insertPerson(database.db, { orgUnitId: units.get('arbetsgrupp')!, name: 'Regelprov', email: 'regelprov@test.se', title: 'chef' });
		const expected = new Set<string>();
		for (const role of ROLES) {
			for (const kind of ORG_UNIT_KINDS) {
				for (const [validFrom, validTo] of windows) {
					const row = await assignRole(database.db, { personId: holder.id, orgUnitId: units.get(kind)!, role: role as Role, validFrom, validTo });
					if (isNearestManagerAssignment({ role, orgUnitKind: kind }) && isValidOn({ validFrom, validTo }, today)) expected.add(row.id);
				}
			}
		}
		const rows = await query<{ id: string }>(
			database.db,
			sql`select a.id from role_assignments a join org_units u on u.id = a.org_unit_id
			    where a.person_id = ${holder.id} and ${nearestManagerSql({ role: sql`a.role`, unitKind: sql`u.kind`, validFrom: sql`a.valid_from`, validTo: sql`a.valid_to` }, today)}`
		);
		expect(expected.size).toBeGreaterThan(0);
		expect(new Set(rows.map((r) => r.id))).toEqual(expected);
	});

	it('who may open an individual plan: the employee and the offering manager, in SQL as in JS', async () => {
		const plan = { personId: org.people.g1[0].id, managerId: org.people.deputyG1.id };
		for (const who of [org.people.g1[0], org.people.deputyG1, org.people.managerE1, org.people.g1[1], org.people.admin]) {
			const [row] = await query<{ may: boolean }>(
				database.db,
				sql`select ${mayOpenIndividualPlanSql(who.id, { personId: sql`p.person_id`, managerId: sql`p.manager_id` })} as may
				    from (select ${plan.personId}::uuid as person_id, ${plan.managerId}::uuid as manager_id) p`
			);
			expect(row.may, who.name).toBe(mayOpenIndividualPlan(who.id, plan));
		}
	});

	describe('requireUnitInScope', () => {
		it('without a unit: the caller’s broadest scope root', async () => {
			const { unit, roots } = await requireUnitInScope(database.db, aggregateScopes(await org.actor(org.people.departmentA)), undefined);
			expect(unit.id).toBe(org.units.a.id);
			expect(roots.map((r) => r.id)).toEqual([org.units.a.id]);
			const two = await requireUnitInScope(database.db, [org.units.e1.path, org.units.f.path, org.units.e2.path].sort(), '');
			expect(two.unit.id, 'an empty choice counts as none').toBe(org.units.f.id);
		});

		it('a unit inside the scope, at any depth', async () => {
			const scopes = aggregateScopes(await org.actor(org.people.departmentA));
			for (const u of [org.units.a, org.units.e1, org.units.g1, org.units.e3]) expect((await requireUnitInScope(database.db, scopes, u.id)).unit.id).toBe(u.id);
		});

		it('not found, never forbidden: outside the scope, above it, missing, malformed, or no scope at all', async () => {
			const scopes = aggregateScopes(await org.actor(org.people.managerE1));
			for (const requested of [org.units.e2.id, org.units.a.id, org.units.e4.id, '00000000-0000-4000-8000-000000000000', 'x', '1; drop table org_units']) {
				expect(await kindOf(requireUnitInScope(database.db, scopes, requested)), requested).toBe('not_found');
			}
			expect(await kindOf(requireUnitInScope(database.db, [], undefined))).toBe('not_found');
			expect(await kindOf(requireUnitInScope(database.db, aggregateScopes(await org.actor(org.people.g1[0])), org.units.g1.id))).toBe('not_found');
		});
	});
});
