/**
 * The city-wide overview for the central steering group: förvaltningar × areas with the status
 * of each, filterable by status and area, and what changed since the last report (the closing
 * of a chosen round, or a date).
 */
import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { PlanAreaStatus } from '$lib/domain';
import { formatDate } from '$lib/format';
import { now as clockNow } from '../clock';
import type { Actor } from '../access/actor';
import { planMatrixScopes, seesPlanMatrix } from '../access/policy';
import type { Db } from '../db';
import { pathIn } from '../db/paths';
import { orgUnits, cityPlanAreas, cityPlanAreaStates, cityPlanChanges, rounds } from '../db/schema';
import { notFound } from '../errors';
import { parseInput } from '../validation';
import { describeChange, followUpPeriodEnd, matrixQuery, recentFollowUps, resolveSince } from './rules';

export interface MatrixCell {
	areaId: string;
	status: PlanAreaStatus;
	/** Anything recorded on the area since the chosen point. */
	changed: boolean;
	/** The status at the chosen point, when it has changed since. */
	statusBefore: PlanAreaStatus | null;
}

export async function planMatrix(db: Db, actor: Actor, input: unknown, now = clockNow()) {
	if (!seesPlanMatrix(actor)) throw notFound('Sidan');
	const q = parseInput(matrixQuery, input);
	const closed = await db
		.select({ id: rounds.id, name: rounds.name, closedAt: rounds.closedAt })
		.from(rounds)
		.where(eq(rounds.status, 'closed'))
		.orderBy(desc(rounds.closedAt));
	const since = resolveSince(q.sinceDate ?? q.since, closed, now);

	const allAreas = await db.select().from(cityPlanAreas).where(isNull(cityPlanAreas.retiredAt)).orderBy(asc(cityPlanAreas.position));
	const areas = q.area ? allAreas.filter((a) => a.id === q.area) : allAreas;
	const scopes = planMatrixScopes(actor);
	const forvaltningar = (
		await db
			.select({ id: orgUnits.id, name: orgUnits.name })
			.from(orgUnits)
			.where(and(eq(orgUnits.kind, 'forvaltning'), eq(orgUnits.active, true), pathIn(orgUnits.path, scopes)))
			.orderBy(asc(orgUnits.name))
	).map((f) => ({ id: f.id, name: f.name }));
	const areaIds = areas.map((a) => a.id);
	const unitIds = forvaltningar.map((f) => f.id);
	const states =
		areaIds.length && unitIds.length
			? await db.select().from(cityPlanAreaStates).where(and(inArray(cityPlanAreaStates.areaId, areaIds), inArray(cityPlanAreaStates.forvaltningId, unitIds)))
			: [];
	const changes =
		since.at && areaIds.length && unitIds.length
			? await db
					.select()
					.from(cityPlanChanges)
					.where(and(gte(cityPlanChanges.at, since.at), inArray(cityPlanChanges.areaId, areaIds), inArray(cityPlanChanges.forvaltningId, unitIds)))
					.orderBy(asc(cityPlanChanges.at), asc(cityPlanChanges.id))
			: [];

	const rows = forvaltningar.map((f) => {
		const cells: MatrixCell[] = areas.map((a) => {
			const status = states.find((s) => s.forvaltningId === f.id && s.areaId === a.id)?.status ?? 'not_started';
			const mine = changes.filter((c) => c.forvaltningId === f.id && c.areaId === a.id);
			const firstStatusChange = mine.find((c) => c.kind === 'status');
			const statusBefore = firstStatusChange ? (firstStatusChange.fromStatus ?? 'not_started') : null;
			return { areaId: a.id, status, changed: mine.length > 0, statusBefore: statusBefore !== null && statusBefore !== status ? statusBefore : null };
		});
		return { forvaltning: f, cells };
	});
	// The status filter keeps the förvaltningar that have at least one area (of those shown) in it.
	const filtered = q.status ? rows.filter((r) => r.cells.some((c) => c.status === q.status)) : rows;

	const areaTitle = new Map(allAreas.map((a) => [a.id, a.title]));
	const unitName = new Map(forvaltningar.map((f) => [f.id, f.name]));
	const visible = new Set(filtered.map((r) => r.forvaltning.id));
	const changeList = changes
		.filter((c) => visible.has(c.forvaltningId) && unitName.has(c.forvaltningId))
		.reverse()
		.map((c) => ({
			at: c.at,
			forvaltningId: c.forvaltningId,
			forvaltningName: unitName.get(c.forvaltningId)!,
			areaId: c.areaId,
			areaTitle: areaTitle.get(c.areaId) ?? '',
			text: describeChange(c)
		}));

	const counts = Object.fromEntries(
		(['not_started', 'under_analysis', 'measures_under_way', 'established'] as const).map((s) => [s, filtered.reduce((n, r) => n + r.cells.filter((c) => c.status === s).length, 0)])
	) as Record<PlanAreaStatus, number>;

	return {
		filters: { status: q.status ?? null, area: q.area ?? null, since: since.value },
		sinceAt: since.at,
		sinceInvalid: since.invalid,
		sinceLabel: since.label,
		sinceOptions: [
			...recentFollowUps(now).map((p) => ({ value: `followup:${p.period}-${p.year}`, label: `Uppföljningen ${p.period} ${p.year} (ändringar från ${formatDate(followUpPeriodEnd(p))})` })),
			...closed.filter((r) => r.closedAt).map((r) => ({ value: `round:${r.id}`, label: `När ${r.name} stängdes` }))
		],
		areas: areas.map((a) => ({ id: a.id, title: a.title, position: a.position })),
		allAreas: allAreas.map((a) => ({ id: a.id, title: a.title })),
		rows: filtered,
		counts,
		changes: changeList
	};
}
