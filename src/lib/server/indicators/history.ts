/**
 * The history of every change: of figures (who, when, from what) and of definitions.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { canDefineIndicators, canReadIndicators } from '../access/policy';
import type { Db } from '../db';
import { indicatorDefinitionHistory, indicators, indicatorValueHistory, orgUnits, people } from '../db/schema';
import { notFound } from '../errors';
import { periodLabel } from './periods';
import { categoryLabel, type Dimension } from './rules';
import { getIndicator } from './catalogue';

// --- History ----------------------------------------------------------------------------------

export interface HistoryEntry {
	at: Date;
	by: string | null;
	indicator: string;
	indicatorKey: string;
	period: string;
	periodLabel: string;
	dimension: Dimension;
	category: string;
	/** "Totalt", "Socialsekreterare", … */
	split: string;
	action: string;
	oldValue: number | null;
	newValue: number | null;
	oldBase: number | null;
	newBase: number | null;
	source: string;
}

/** Who changed what and when, newest first, for a unit the actor may read. */
export async function valueHistory(db: Db, actor: Actor, filter: { unitId: string; indicatorId?: string; limit?: number; totalsOnly?: boolean }): Promise<HistoryEntry[]> {
	const [unit] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, filter.unitId));
	if (!unit || !canReadIndicators(actor, unit.path)) throw notFound('Förvaltningen');
	const rows = await db
		.select({ h: indicatorValueHistory, by: people.name, indicator: indicators.name, indicatorKey: indicators.key })
		.from(indicatorValueHistory)
		.innerJoin(indicators, eq(indicators.id, indicatorValueHistory.indicatorId))
		.leftJoin(people, eq(people.id, indicatorValueHistory.changedBy))
		.where(
			and(
				eq(indicatorValueHistory.orgUnitId, filter.unitId),
				filter.indicatorId ? eq(indicatorValueHistory.indicatorId, filter.indicatorId) : undefined,
				filter.totalsOnly ? eq(indicatorValueHistory.dimension, 'total') : undefined
			)
		)
		.orderBy(desc(indicatorValueHistory.changedAt), desc(indicatorValueHistory.id))
		.limit(filter.limit ?? 50);
	return rows.map(({ h, by, indicator, indicatorKey }) => ({
		at: h.changedAt,
		by,
		indicator,
		indicatorKey,
		period: h.period,
		periodLabel: periodLabel(h.period),
		dimension: h.dimension,
		category: h.category,
		split: categoryLabel(h.dimension, h.category),
		action: h.action,
		oldValue: h.oldValue,
		newValue: h.newValue,
		oldBase: h.oldBase,
		newBase: h.newBase,
		source: h.source
	}));
}

export async function definitionHistory(db: Db, actor: Actor, keyOrId: string) {
	if (!canDefineIndicators(actor)) throw notFound('Sidan');
	const def = await getIndicator(db, keyOrId);
	return db
		.select({ at: indicatorDefinitionHistory.changedAt, action: indicatorDefinitionHistory.action, by: people.name })
		.from(indicatorDefinitionHistory)
		.leftJoin(people, eq(people.id, indicatorDefinitionHistory.changedBy))
		.where(eq(indicatorDefinitionHistory.indicatorId, def.id))
		.orderBy(desc(indicatorDefinitionHistory.changedAt));
}
