/**
 * The rule-3 cells frozen by retention (see retention.ts and docs/decisions/0008-retention.md),
 * read back for whoever decides the anonymity of closed rounds (reports/disclosure-store.ts).
 * Free of other modules, so the store can import it without a cycle.
 */
import { sql } from 'drizzle-orm';
import type { ActivityArea, CaseworkerTitle } from '$lib/domain';
import type { FrozenGuards, GuardCell } from '../anonymity';
import type { Db } from '../db';
import { query } from '../db/client';

/** Frozen guards per round; a round without any is missing from the map. */
export async function frozenGuardsOf(db: Db): Promise<Map<string, FrozenGuards>> {
	const rows = await query<{ roundId: string; kind: 'figures' | 'text'; unitId: string; area: string | null; title: string | null }>(
		db,
		sql`select round_id as "roundId", kind, unit_id as "unitId", area, title from disclosure_guards`
	);
	const byRound = new Map<string, { figures: GuardCell[]; text: GuardCell[] }>();
	for (const r of rows) {
		let guards = byRound.get(r.roundId);
		if (!guards) byRound.set(r.roundId, (guards = { figures: [], text: [] }));
		guards[r.kind].push({ unitId: r.unitId, area: r.area as ActivityArea | null, title: r.title as CaseworkerTitle | null });
	}
	return byRound;
}

/** Bumped by every retention run: the stored decisions and cached texts of reports depend on it. */
export async function retentionVersion(db: Db): Promise<number> {
	const [row] = await query<{ version: number }>(db, sql`select version::int as version from data_versions where name = 'retention'`);
	return row?.version ?? 0;
}
