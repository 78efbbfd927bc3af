/**
 * Who may see what — the one place. Every service asks these functions; nothing else
 * decides access. Scopes are materialised paths, so a query filters a subtree with one
 * prefix match in SQL.
 *
 * - Named data (an answer with its name, the positive answer, an action plan) only for the
 *   nearest managers: an enhetschef or biträdande enhetschef whose assignment is on an
 *   enhet or arbetsgrupp containing the person. Never above the enhet, whatever the role.
 * - Aggregates for every assignment's subtree (passed through the anonymity module).
 * - Administration (rounds, people) for admins.
 */
import { CASEWORKER_TITLES, type Role } from '$lib/domain';
import type { Actor, Assignment } from './actor';

const NAMED_ROLES: Role[] = ['unit_manager', 'deputy_unit_manager'];
const NAMED_KINDS = ['enhet', 'arbetsgrupp'];

export function todayIso(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

export function activeAssignments(actor: Actor, now = new Date()): Assignment[] {
	const today = todayIso(now);
	return actor.assignments.filter(
		(a) => (a.validFrom === null || a.validFrom <= today) && (a.validTo === null || a.validTo >= today)
	);
}

export function isCaseworker(actor: Pick<Actor, 'title'>): boolean {
	return (CASEWORKER_TITLES as readonly string[]).includes(actor.title);
}

/** Units (paths) where the actor sees individuals by name. */
export function namedScopes(actor: Actor, now = new Date()): string[] {
	return activeAssignments(actor, now)
		.filter((a) => NAMED_ROLES.includes(a.role) && NAMED_KINDS.includes(a.orgUnitKind))
		.map((a) => a.orgUnitPath);
}

/** Units (paths) whose aggregates the actor may see. */
export function aggregateScopes(actor: Actor, now = new Date()): string[] {
	return minimalPaths(activeAssignments(actor, now).map((a) => a.orgUnitPath));
}

export function within(path: string, scopes: string[]): boolean {
	return scopes.some((scope) => path.startsWith(scope));
}

export function canSeeNamed(actor: Actor, unitPath: string, now = new Date()): boolean {
	return within(unitPath, namedScopes(actor, now));
}

export function canSeeAggregate(actor: Actor, unitPath: string, now = new Date()): boolean {
	return within(unitPath, aggregateScopes(actor, now));
}

export function isAdmin(actor: Actor, now = new Date()): boolean {
	return activeAssignments(actor, now).some((a) => a.role === 'admin');
}

export function isManager(actor: Actor, now = new Date()): boolean {
	return namedScopes(actor, now).length > 0;
}

export function seesReports(actor: Actor, now = new Date()): boolean {
	return aggregateScopes(actor, now).length > 0;
}

/** Drops paths already covered by a shorter one. */
function minimalPaths(paths: string[]): string[] {
	const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
	const kept: string[] = [];
	for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
	return kept;
}

/** What the pages need to know, so the UI never guesses. */
export function permissionsOf(actor: Actor, now = new Date()) {
	return {
		answersRounds: isCaseworker(actor),
		managesStaff: isManager(actor, now),
		seesReports: seesReports(actor, now),
		administers: isAdmin(actor, now)
	};
}
export type Permissions = ReturnType<typeof permissionsOf>;
