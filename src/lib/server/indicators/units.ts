/**
 * The units figures are reported for — kommuner and förvaltningar — as each reader and each
 * person who enters figures may see them.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { aggregateScopes, canEnterIndicators, canReadIndicators, indicatorEntryScopes } from '../access/policy';
import type { Db } from '../db';
import { orgUnits } from '../db/schema';
import { pathIn } from '../db/paths';

// --- The units figures are reported for ----------------------------------------------------

export interface ReportingUnit {
	id: string;
	name: string;
	kind: 'kommun' | 'forvaltning';
	path: string;
	depth: number;
}

/** Units within the scopes, or containing one of them, of kind kommun or förvaltning. */
async function reportingUnitsFor(db: Db, scopes: string[], withAncestors: boolean): Promise<ReportingUnit[]> {
	if (scopes.length === 0) return [];
	const conditions: SQL[] = [pathIn(orgUnits.path, scopes)];
	if (withAncestors) conditions.push(...scopes.map((s) => sql`${s} like ${orgUnits.path} || '%'`));
	const rows = await db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
		.from(orgUnits)
		.where(and(eq(orgUnits.active, true), inArray(orgUnits.kind, ['kommun', 'forvaltning']), sql`(${sql.join(conditions, sql` or `)})`))
		.orderBy(asc(orgUnits.depth), asc(orgUnits.name));
	return rows as ReportingUnit[];
}

/** Kommuner and förvaltningar whose figures the actor reads (dashboards). */
export async function readableUnits(db: Db, actor: Actor): Promise<ReportingUnit[]> {
	return (await reportingUnitsFor(db, aggregateScopes(actor), true)).filter((u) => canReadIndicators(actor, u.path));
}

/** Kommuner and förvaltningar whose figures the actor enters. */
export async function enterableUnits(db: Db, actor: Actor): Promise<ReportingUnit[]> {
	return (await reportingUnitsFor(db, indicatorEntryScopes(actor), false)).filter((u) => canEnterIndicators(actor, u.path));
}

/** The förvaltningar of a kommun (for the city figure and comparisons). */
export async function forvaltningarOf(db: Db, kommun: Pick<ReportingUnit, 'path'>): Promise<ReportingUnit[]> {
	const rows = await db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
		.from(orgUnits)
		.where(and(eq(orgUnits.active, true), eq(orgUnits.kind, 'forvaltning'), pathIn(orgUnits.path, [kommun.path])))
		.orderBy(asc(orgUnits.name));
	return rows as ReportingUnit[];
}

/** The kommun a unit lies in (itself for a kommun). */
export async function kommunOf(db: Db, unit: Pick<ReportingUnit, 'path' | 'kind' | 'id' | 'name' | 'depth'>): Promise<ReportingUnit | null> {
	if (unit.kind === 'kommun') return unit as ReportingUnit;
	const [row] = await db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path, depth: orgUnits.depth })
		.from(orgUnits)
		.where(and(eq(orgUnits.kind, 'kommun'), sql`${unit.path} like ${orgUnits.path} || '%'`))
		.orderBy(desc(orgUnits.depth))
		.limit(1);
	return (row as ReportingUnit | undefined) ?? null;
}
