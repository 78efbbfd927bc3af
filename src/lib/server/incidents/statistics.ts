/**
 * Incident statistics upward: counts by unit, BRÅ form, verksamhetsområde and year, as published
 * (publication.ts): decided by the anonymity module once, on 1 February the year after, and read
 * from the stored cells ever after, so a published figure never moves. Nothing here computes a
 * figure around the module.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { INCIDENT_FORMS, type IncidentForm } from '$lib/domain';
import type { Actor } from '../access/actor';
import { requireUnitInScope } from '../access/gate';
import { aggregateScopes, within } from '../access/policy';
import { anonymityRules, type DisclosedCount } from '../anonymity';
import type { Db } from '../db';
import { orgUnits } from '../db/schema';
import { notFound } from '../errors';
import { pathIds } from '../org/service';
import { parseInput } from '../validation';
import { publishedYears, readPublishedCells, type IncidentFigures } from './publication';
import { nextPublication, statsQuery } from './rules';
import { designatedScopes } from './service';
import { now as clockNow } from '../clock';

export type { IncidentFigures } from './publication';

export interface StatisticsRow {
	unit: { id: string; name: string; kind: string };
	isTotal: boolean;
	total: DisclosedCount<IncidentFigures>;
	byForm: Record<IncidentForm, DisclosedCount<IncidentFigures>>;
}

export async function incidentStatistics(db: Db, actor: Actor, input: unknown, now = clockNow()) {
	const q = parseInput(statsQuery, input);
	const scopes = [...aggregateScopes(actor), ...(await designatedScopes(db, actor))];
	const { unit } = await requireUnitInScope(db, scopes, q.unit);

	const years = await publishedYears(db, now);
	const year = q.year ?? years[0] ?? null;
	if (q.year && !years.includes(q.year)) throw notFound('Året');
	const area = q.area ?? null;

	const children = await db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.parentId, unit.id), eq(orgUnits.active, true)))
		.orderBy(asc(orgUnits.name));
	const published = await readPublishedCells(db, years, [unit.id, ...children.map((c) => c.id)], area);
	const table: StatisticsRow[] =
		year === null
			? []
			: [unit, ...children].map((u) => {
					const cells = published(year, u.id);
					return {
						unit: { id: u.id, name: u.name, kind: u.kind },
						isTotal: u.id === unit.id,
						total: cells.total,
						byForm: Object.fromEntries(INCIDENT_FORMS.map((f) => [f, cells.byForm[f]])) as StatisticsRow['byForm']
					};
				});

	const ancestors = await db.select().from(orgUnits).where(inArray(orgUnits.id, pathIds(unit.path)));
	return {
		unit: { id: unit.id, name: unit.name, kind: unit.kind },
		breadcrumbs: pathIds(unit.path)
			.map((id) => ancestors.find((a) => a.id === id))
			.filter((a): a is typeof unit => a !== undefined && within(a.path, scopes))
			.map((a) => ({ id: a.id, name: a.name })),
		years,
		year,
		area,
		rows: table,
		trend: [...years].sort((a, b) => a - b).map((y) => ({ year: y, cell: published(y, unit.id).total })),
		/** The current year's statistics are shown from this date. */
		nextPublication: nextPublication(now),
		rules: { minGroup: anonymityRules().minGroup }
	};
}
