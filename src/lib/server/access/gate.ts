/**
 * The gate services pass before answering: what the caller may not see does not exist for them
 * (decision 0003), so every refusal here is "not found", the same for page, form action and API.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { orgUnits } from '../db/schema';
import { notFound } from '../errors';

import type { Actor } from './actor';
import { isAdmin, within } from './policy';
import { isUuid } from '../validation';

/** The administrators' pages: not found for everyone else. */
export function requireAdministrator(actor: Actor): void {
	if (!isAdmin(actor)) throw notFound('Sidan');
}

export type ScopedUnit = typeof orgUnits.$inferSelect;

/**
 * The unit a reader asked for, checked against their scopes (materialised paths), or the first
 * of their scope roots (the broadest, then by name) when they asked for none. No scopes at all:
 * the page is not found; a unit that is missing, malformed or outside the scopes: the unit is
 * not found. `roots` are the scope roots themselves, for a unit picker.
 */
export async function requireUnitInScope(db: Db, scopes: string[], requested: string | null | undefined): Promise<{ unit: ScopedUnit; roots: ScopedUnit[] }> {
	if (scopes.length === 0) throw notFound('Sidan');
	const roots = await db.select().from(orgUnits).where(inArray(orgUnits.path, scopes)).orderBy(asc(orgUnits.depth), asc(orgUnits.name));
	const unitId = requested || roots[0]?.id;
	if (!unitId || !isUuid(unitId)) throw notFound('Enheten');
	const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, unitId));
	if (!unit || !within(unit.path, scopes)) throw notFound('Enheten');
	return { unit, roots };
}
