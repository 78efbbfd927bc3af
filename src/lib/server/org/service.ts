/** The organisation tree: units, paths, the nearest manager of a person. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { OrgUnitKind } from '$lib/domain';
import type { Actor } from '../access/actor';
import { aggregateScopes } from '../access/policy';
import { nearestManagerSql } from '../access/rules';
import type { Db } from '../db';
import { query } from '../db/client';
import { orgUnits } from '../db/schema';
import { pathIn } from '../db/paths';
import { now as clockNow, todayInStockholm } from '../clock';

export type OrgUnit = typeof orgUnits.$inferSelect;

/** Ids on a materialised path, root first. */
export const pathIds = (path: string) => path.split('/').filter(Boolean);

/**
 * The nearest manager(s) of someone in the unit at `unitPath`: the managers assigned to the
 * deepest enhet or arbetsgrupp on the path (arbetsgrupp's biträdande enhetschef, else the
 * enhetschef). Several when a unit has co-managers.
 */
export async function nearestManagers(db: Db, unitPath: string, now = clockNow()) {
	const ids = pathIds(unitPath);
	if (ids.length === 0) return [];
	const today = todayInStockholm(now);
	const rows = await query<{ id: string; name: string; depth: number }>(
		db,
		sql`select p.id, p.name, u.depth
		    from role_assignments a
		    join org_units u on u.id = a.org_unit_id
		    join people p on p.id = a.person_id
		    where a.org_unit_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
		      and ${nearestManagerSql({ role: sql`a.role`, unitKind: sql`u.kind`, validFrom: sql`a.valid_from`, validTo: sql`a.valid_to` }, today)}
		      and p.active
		    order by u.depth desc, p.name`
	);
	const deepest = rows[0]?.depth;
	return rows.filter((r) => r.depth === deepest).map(({ id, name }) => ({ id, name }));
}

/** The units the actor may see aggregates for: their scopes and everything below. */
export async function visibleUnits(db: Db, actor: Actor): Promise<OrgUnit[]> {
	const scopes = aggregateScopes(actor);
	if (scopes.length === 0) return [];
	return db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.active, true), pathIn(orgUnits.path, scopes)))
		.orderBy(asc(orgUnits.depth), asc(orgUnits.name));
}

export async function unitsOfKind(db: Db, kind: OrgUnitKind): Promise<OrgUnit[]> {
	return db.select().from(orgUnits).where(eq(orgUnits.kind, kind)).orderBy(asc(orgUnits.name));
}
