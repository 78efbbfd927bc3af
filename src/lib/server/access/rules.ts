/**
 * The access rules that are asked both of loaded objects (in JS) and inside queries (in SQL).
 * Each is written once here, and both forms are built from the same constants, so a query can
 * never disagree with the policy: the valid-date window of an assignment, who the nearest
 * manager is (named access), and who may open an individual action plan.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { OrgUnitKind, Role } from '$lib/domain';

// --- The valid-date window of a role assignment ------------------------------------------------

/** ISO dates (yyyy-mm-dd); null is open-ended. */
export interface ValidityWindow {
	validFrom: string | null;
	validTo: string | null;
}

/** The assignment holds on `today` (an ISO date), both ends included. */
export function isValidOn(a: ValidityWindow, today: string): boolean {
	return (a.validFrom === null || a.validFrom <= today) && (a.validTo === null || a.validTo >= today);
}

/** The same window in SQL, for the date columns of an assignment. */
export function validOnSql(columns: { validFrom: SQLWrapper; validTo: SQLWrapper }, today: string): SQL {
	return sql`(${columns.validFrom} is null or ${columns.validFrom} <= ${today}::date) and (${columns.validTo} is null or ${columns.validTo} >= ${today}::date)`;
}

// --- The nearest manager: who sees named data (decision 0003) ----------------------------------

/** Roles that give named access, and only on units of these kinds: never above the enhet. */
export const NEAREST_MANAGER_ROLES = ['unit_manager', 'deputy_unit_manager'] as const satisfies readonly Role[];
export const NEAREST_MANAGER_KINDS = ['enhet', 'arbetsgrupp'] as const satisfies readonly OrgUnitKind[];

/** An assignment that makes its holder the nearest manager of the unit's subtree (validity apart). */
export function isNearestManagerAssignment(a: { role: Role; orgUnitKind: OrgUnitKind }): boolean {
	return (NEAREST_MANAGER_ROLES as readonly Role[]).includes(a.role) && (NEAREST_MANAGER_KINDS as readonly OrgUnitKind[]).includes(a.orgUnitKind);
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The role half of the rule in SQL (the demo data picks its managers with it). */
export function nearestManagerRoleSql(role: SQLWrapper): SQL {
	return sql`${role} in (${list(NEAREST_MANAGER_ROLES)})`;
}

/**
 * The same rule in SQL, for an assignment's role column, its unit's kind column and its date
 * columns, valid on `today`.
 */
export function nearestManagerSql(columns: { role: SQLWrapper; unitKind: SQLWrapper; validFrom: SQLWrapper; validTo: SQLWrapper }, today: string): SQL {
	return sql`${nearestManagerRoleSql(columns.role)} and ${columns.unitKind} in (${list(NEAREST_MANAGER_KINDS)}) and ${validOnSql(columns, today)}`;
}

// --- Individual action plans (decision 0003) ----------------------------------------------------

/**
 * An individual action plan is the employee's and the manager who offered it: nobody else may
 * open it, nor learn from any other view (the team view, its export, the API) that it exists.
 */
export function mayOpenIndividualPlan(personId: string, plan: { personId: string; managerId: string }): boolean {
	return plan.personId === personId || plan.managerId === personId;
}

/** The same rule in SQL, for a plan's person and manager columns. */
export function mayOpenIndividualPlanSql(personId: string, columns: { personId: SQLWrapper; managerId: SQLWrapper }): SQL {
	return sql`(${columns.personId} = ${personId}::uuid or ${columns.managerId} = ${personId}::uuid)`;
}
