/**
 * The areas of the plan (utvecklingsområden). The 16 built-in ones come with every database
 * (migration 0002_plan_areas); the kommun's administrators reword them, add areas and retire
 * them. A retired area keeps everything recorded on it and takes no new work.
 */
import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { administersPlanAreas } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { cityPlanAreas } from '../db/schema';
import { conflict, notFound } from '../errors';

import { isUuid, parseInput } from '../validation';
import { areaInput } from './rules';
import { now as clockNow, yearInStockholm } from '../clock';

export type PlanArea = typeof cityPlanAreas.$inferSelect;

/** All areas in the plan's order; retired ones only when asked for. */
export async function listAreas(db: Db, options: { includeRetired?: boolean } = {}): Promise<PlanArea[]> {
	return db
		.select()
		.from(cityPlanAreas)
		.where(options.includeRetired ? undefined : isNull(cityPlanAreas.retiredAt))
		.orderBy(asc(cityPlanAreas.position), asc(cityPlanAreas.title));
}

export async function getArea(db: Db, areaId: string): Promise<PlanArea> {
	if (!isUuid(areaId)) throw notFound('Området');
	const [area] = await db.select().from(cityPlanAreas).where(eq(cityPlanAreas.id, areaId));
	if (!area) throw notFound('Området');
	return area;
}

function requireAdmin(actor: Actor) {
	// The page is not shown to others; the service answers as if it did not exist.
	if (!administersPlanAreas(actor)) throw notFound('Sidan');
}

/** Every area, retired ones too, for the administrators' page. */
export async function areasToAdminister(db: Db, actor: Actor): Promise<PlanArea[]> {
	requireAdmin(actor);
	return listAreas(db, { includeRetired: true });
}

export async function createArea(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<PlanArea> {
	requireAdmin(actor);
	const data = parseInput(areaInput, input);
	const [{ next }] = await db.select({ next: sql<number>`coalesce(max(${cityPlanAreas.position}), 0)::int + 1` }).from(cityPlanAreas);
	const [area] = await db
		.insert(cityPlanAreas)
		.values({ title: data.title, description: data.description, position: next, addedYear: yearInStockholm(now) })
		.returning();
	await audit(db, actor, { action: 'plan_area.create', subjectType: 'plan_area', subjectId: area.id });
	return area;
}

export async function updateArea(db: Db, actor: Actor, areaId: string, input: unknown): Promise<PlanArea> {
	requireAdmin(actor);
	await getArea(db, areaId);
	const data = parseInput(areaInput, input);
	const [area] = await db
		.update(cityPlanAreas)
		.set({ title: data.title, description: data.description, updatedAt: clockNow() })
		.where(eq(cityPlanAreas.id, areaId))
		.returning();
	await audit(db, actor, { action: 'plan_area.update', subjectType: 'plan_area', subjectId: areaId });
	return area;
}

/** Retires an area (or brings it back). Nothing recorded on it is removed. */
export async function setAreaRetired(db: Db, actor: Actor, areaId: string, retired: boolean, now = clockNow()): Promise<PlanArea> {
	requireAdmin(actor);
	const current = await getArea(db, areaId);
	if (retired && current.retiredAt) throw conflict('Området är redan avslutat.');
	if (!retired && !current.retiredAt) throw conflict('Området är redan aktivt.');
	const [area] = await db
		.update(cityPlanAreas)
		.set({ retiredAt: retired ? now : null, updatedAt: now })
		.where(eq(cityPlanAreas.id, areaId))
		.returning();
	await audit(db, actor, { action: retired ? 'plan_area.retire' : 'plan_area.restore', subjectType: 'plan_area', subjectId: areaId });
	return area;
}
