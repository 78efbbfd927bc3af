/**
 * The kommun's library of suggested measures (åtgärdsbank): what a manager may pick from when
 * offering an individual action plan, each under the plan areas it serves. Seeded with a Swedish
 * set by migration 0016; the kommun's administrators (those who administer the plan's areas)
 * reword, add and retire measures. A retired measure is no longer suggested.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { administersPlanAreas } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { cityPlanAreas, measureAreas, measures } from '../db/schema';
import { conflict, notFound } from '../errors';
import { isUuid, optionalText, parseInput, requiredText } from '../validation';
import { now as clockNow } from '../clock';

export interface Measure {
	id: string;
	title: string;
	description: string;
	position: number;
	retiredAt: Date | null;
	areas: { id: string; title: string }[];
}

export const measureInput = z.object({
	title: requiredText('Skriv åtgärden.', 300, 'Åtgärden'),
	description: optionalText(2000, 'Beskrivningen'),
	areaIds: z.array(z.string().refine(isUuid, 'Välj områden i listan.'), { error: 'Välj minst ett område i handlingsplanen.' }).min(1, 'Välj minst ett område i handlingsplanen.')
});

/** The measures in the library's order, each with its areas; retired ones only when asked for. */
export async function listMeasures(db: Db, options: { includeRetired?: boolean; ids?: string[] } = {}): Promise<Measure[]> {
	if (options.ids?.length === 0) return [];
	const rows = await db
		.select()
		.from(measures)
		.where(and(options.includeRetired ? undefined : isNull(measures.retiredAt), options.ids ? inArray(measures.id, options.ids) : undefined))
		.orderBy(asc(measures.position), asc(measures.title));
	if (rows.length === 0) return [];
	const links = await db
		.select({ measureId: measureAreas.measureId, id: cityPlanAreas.id, title: cityPlanAreas.title, position: cityPlanAreas.position })
		.from(measureAreas)
		.innerJoin(cityPlanAreas, eq(cityPlanAreas.id, measureAreas.areaId))
		.where(inArray(measureAreas.measureId, rows.map((r) => r.id)))
		.orderBy(asc(cityPlanAreas.position));
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		description: r.description,
		position: r.position,
		retiredAt: r.retiredAt,
		areas: links.filter((l) => l.measureId === r.id).map((l) => ({ id: l.id, title: l.title }))
	}));
}

function requireAdmin(actor: Actor) {
	if (!administersPlanAreas(actor)) throw notFound('Sidan');
}

export async function measuresToAdminister(db: Db, actor: Actor): Promise<Measure[]> {
	requireAdmin(actor);
	return listMeasures(db, { includeRetired: true });
}

async function requireAreas(db: Db, areaIds: string[]) {
	const found = await db.select({ id: cityPlanAreas.id }).from(cityPlanAreas).where(inArray(cityPlanAreas.id, areaIds));
	if (found.length !== new Set(areaIds).size) throw notFound('Området');
}

async function getMeasure(db: Db, measureId: string) {
	if (!isUuid(measureId)) throw notFound('Åtgärden');
	const [row] = await db.select().from(measures).where(eq(measures.id, measureId));
	if (!row) throw notFound('Åtgärden');
	return row;
}

export async function createMeasure(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
	requireAdmin(actor);
	const data = parseInput(measureInput, input);
	await requireAreas(db, data.areaIds);
	return db.transaction(async (tx) => {
		const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${measures.position}), 0)::int + 1` }).from(measures);
		const [row] = await tx.insert(measures).values({ title: data.title, description: data.description, position: next }).returning({ id: measures.id });
		await tx.insert(measureAreas).values([...new Set(data.areaIds)].map((areaId) => ({ measureId: row.id, areaId })));
		await audit(tx, actor, { action: 'measure.create', subjectType: 'measure', subjectId: row.id });
		return row;
	});
}

export async function updateMeasure(db: Db, actor: Actor, measureId: string, input: unknown): Promise<void> {
	requireAdmin(actor);
	await getMeasure(db, measureId);
	const data = parseInput(measureInput, input);
	await requireAreas(db, data.areaIds);
	await db.transaction(async (tx) => {
		await tx.update(measures).set({ title: data.title, description: data.description, updatedAt: clockNow() }).where(eq(measures.id, measureId));
		await tx.delete(measureAreas).where(eq(measureAreas.measureId, measureId));
		await tx.insert(measureAreas).values([...new Set(data.areaIds)].map((areaId) => ({ measureId, areaId })));
		await audit(tx, actor, { action: 'measure.update', subjectType: 'measure', subjectId: measureId });
	});
}

export async function setMeasureRetired(db: Db, actor: Actor, measureId: string, retired: boolean, now = clockNow()): Promise<void> {
	requireAdmin(actor);
	const current = await getMeasure(db, measureId);
	if (retired && current.retiredAt) throw conflict('Åtgärden är redan borttagen ur förslagen.');
	if (!retired && !current.retiredAt) throw conflict('Åtgärden föreslås redan.');
	await db.update(measures).set({ retiredAt: retired ? now : null, updatedAt: now }).where(eq(measures.id, measureId));
	await audit(db, actor, { action: retired ? 'measure.retire' : 'measure.restore', subjectType: 'measure', subjectId: measureId });
}
