/**
 * What opening a round would do, asked before it is done: how many people it would ask, and
 * which other open rounds already ask some of them. Who is asked is written once here and used
 * both for the count and for the snapshot taken when the round opens (service.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { isAdmin } from '../access/policy';
import type { Db } from '../db';
import { query } from '../db/client';
import { notFound } from '../errors';
import type { OverlappingRound } from './rules';

/**
 * Everyone a round asks to answer: every active handläggare under the round's förvaltningar.
 * Managers and people without a verksamhetsområde are not asked. Columns as round_members'.
 */
export function askedByRound(roundId: string): SQL {
	return sql`select ${roundId}::uuid as round_id, p.id as person_id, p.org_unit_id, p.title, p.activity_area, p.gender
		from people p
		join org_units u on u.id = p.org_unit_id
		where p.active
		  and p.title in ('socialsekreterare', 'bistandshandlaggare')
		  and p.activity_area is not null
		  and exists (
		    select 1 from round_units ru join org_units f on f.id = ru.org_unit_id
		    where ru.round_id = ${roundId} and u.path like f.path || '%')`;
}

/** How many people the round would ask if it opened now. */
export async function countToAsk(db: Db, roundId: string): Promise<number> {
	const [row] = await query<{ n: number }>(db, sql`select count(*)::int as n from (${askedByRound(roundId)}) asked`);
	return row.n;
}

/**
 * The other open rounds that share people with this one: a förvaltning of each lies within
 * (or is) a förvaltning of the other. Named by the shared förvaltningar, in a stable order (when
 * they opened, then by name), so the message does not depend on random ids.
 */
export async function overlappingOpenRounds(db: Db, roundId: string): Promise<OverlappingRound[]> {
	const rows = await query<{ id: string; name: string; unit: string }>(
		db,
		sql`select distinct r.id, r.name, case when length(mine.path) >= length(theirs.path) then mine.name else theirs.name end as unit, r.opens_at
		    from rounds r
		    join round_units rt on rt.round_id = r.id join org_units theirs on theirs.id = rt.org_unit_id
		    join round_units rm on rm.round_id = ${roundId} join org_units mine on mine.id = rm.org_unit_id
		    where r.status = 'open' and r.id <> ${roundId}
		      and (mine.path like theirs.path || '%' or theirs.path like mine.path || '%')
		    order by r.opens_at, r.name, r.id, unit`
	);
	const byRound = new Map<string, OverlappingRound>();
	for (const r of rows) {
		const round = byRound.get(r.id) ?? { id: r.id, name: r.name, units: [] };
		byRound.set(r.id, round);
		if (!round.units.includes(r.unit)) round.units.push(r.unit);
	}
	return [...byRound.values()];
}

/** What the administrator confirms before opening: how many are asked, and the open rounds that already ask some of them. */
export async function openingPreview(db: Db, actor: Actor, roundId: string): Promise<{ toAsk: number; overlapping: OverlappingRound[] }> {
	if (!isAdmin(actor)) throw notFound('Mätomgången');
	return { toAsk: await countToAsk(db, roundId), overlapping: await overlappingOpenRounds(db, roundId) };
}
