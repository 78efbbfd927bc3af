/**
 * Retention (gallring) of named answers: a round that closed more than RETENTION_YEARS ago keeps
 * only what its aggregates need. Why it is done this way is in docs/decisions/0008-retention.md;
 * in short, for each such round in one transaction:
 *
 *  1. the cells that the anonymity rule 3 holds back in every closed round are stored
 *     (disclosure_guards) while every answer can still be tied to its person — rule 3 compares
 *     the same person across rounds, which is exactly the link this run cuts;
 *  2. each member of the round gets a stand-in person of its own (a pseudonym, one per round
 *     and member, with no name and no link back), and the round's answers and membership rows
 *     move to it: unit, title, verksamhetsområde and scores stay, so every figure stays;
 *  3. the free text (motivations, the positive answer) and the reminders are deleted;
 *  4. the round is marked retained, and the stored report decisions are rebuilt (with the
 *     frozen cells they come out exactly as before).
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ActivityArea, CaseworkerTitle } from '$lib/domain';
import type { Actor } from '../access/actor';
import { mayAdministerPeople } from '../access/policy';
import { decideRoundsWithGuards, type FrozenGuards } from '../anonymity';
import { audit, SCHEDULED } from '../audit/audit';
import type { Db } from '../db';
import { query } from '../db/client';
import { people, retainedRounds, rounds } from '../db/schema';
import { env } from '../env';
import { notFound } from '../errors';
import { log } from '../log';
import { pathIds } from '../org/service';
import { closedRoundOrder, currentRules, refreshStoredDisclosure } from '../reports/disclosure-store';
import { frozenGuardsOf } from './guards';
import { now as clockNow } from '../clock';

/** One retention run at a time, across app instances. */
const RETENTION_LOCK = 727104;

/** The day before which a round must have closed to be retained; null when retention is off. */
export function retentionCutoff(now: Date, years = env().RETENTION_YEARS): Date | null {
	if (!years) return null;
	const cutoff = new Date(now);
	cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
	return cutoff;
}

/** Closed rounds old enough to be retained, and not retained yet. */
export async function dueRounds(db: Db, now = clockNow(), years = env().RETENTION_YEARS) {
	const cutoff = retentionCutoff(now, years);
	if (!cutoff) return [];
	return db
		.select({ id: rounds.id, name: rounds.name, closedAt: rounds.closedAt })
		.from(rounds)
		.leftJoin(retainedRounds, eq(retainedRounds.roundId, rounds.id))
		.where(and(eq(rounds.status, 'closed'), sql`coalesce(${rounds.closedAt}, ${rounds.closesAt}) < ${cutoff.toISOString()}::timestamptz`, isNull(retainedRounds.roundId)))
		.orderBy(asc(rounds.opensAt));
}

/** For the administrators' page: the setting, what is due, what has been done. */
export async function retentionStatus(db: Db, actor: Actor, now = clockNow()) {
	if (!mayAdministerPeople(actor)) throw notFound('Sidan');
	const years = env().RETENTION_YEARS ?? null;
	const done = await db
		.select({ id: rounds.id, name: rounds.name, retainedAt: retainedRounds.retainedAt, pseudonymised: retainedRounds.pseudonymised, retentionYears: retainedRounds.retentionYears })
		.from(retainedRounds)
		.innerJoin(rounds, eq(rounds.id, retainedRounds.roundId))
		.orderBy(asc(rounds.opensAt));
	return { years, cutoff: retentionCutoff(now, years ?? undefined), due: await dueRounds(db, now, years ?? undefined), done };
}

export interface RetentionResult {
	rounds: { id: string; name: string }[];
	/** Answers and memberships moved to stand-ins. */
	pseudonymised: number;
}

/**
 * Retains every due round. `actor` null: the scheduled run. Safe to run again: a retained round
 * is never due again.
 */
export async function runRetention(db: Db, actor: Actor | null, now = clockNow(), years = env().RETENTION_YEARS): Promise<RetentionResult> {
	if (actor && !mayAdministerPeople(actor)) throw notFound('Sidan');
	if (!years) return { rounds: [], pseudonymised: 0 };
	const result = await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${RETENTION_LOCK})`);
		const due = await dueRounds(tx, now, years);
		if (due.length === 0) return { rounds: [], pseudonymised: 0 };

		await freezeGuards(tx);
		let pseudonymised = 0;
		for (const round of due) {
			const n = await pseudonymiseRound(tx, round.id);
			await tx.insert(retainedRounds).values({ roundId: round.id, retainedAt: now, retentionYears: years, pseudonymised: n });
			pseudonymised += n;
		}
		// The stored decisions and the texts that reports keep in memory depend on this version.
		await tx.execute(sql`insert into data_versions (name, version, changed_at) values ('retention', 1, now())
		                     on conflict (name) do update set version = data_versions.version + 1, changed_at = now()`);
		const list = due.map(({ id, name }) => ({ id, name }));
		await audit(tx, actor ?? SCHEDULED, { action: 'retention.apply', detail: { rounds: list.map((r) => r.name), years, pseudonymised, ...(actor ? {} : { by: 'schedule' }) } });
		return { rounds: list, pseudonymised };
	});
	if (result.rounds.length > 0) {
		log.info({ rounds: result.rounds.length, pseudonymised: result.pseudonymised }, 'named answers of old rounds retained');
		await refreshStoredDisclosure(db);
	}
	return result;
}

/** The scheduled run: nothing to do unless RETENTION_YEARS is set and a round is due. */
export async function runDueRetention(db: Db, now = clockNow()): Promise<void> {
	if (env().RETENTION_YEARS) await runRetention(db, null, now);
}

/**
 * Stores the cells rule 3 holds back in every closed round, decided now with every answer tied
 * to its person (and with the guards frozen by earlier runs, which this keeps).
 */
async function freezeGuards(tx: Db): Promise<void> {
	const rules = currentRules();
	const closed = await closedRoundOrder(tx);
	const units = new Map((await query<{ id: string; path: string }>(tx, sql`select id, path from org_units`)).map((u) => [u.id, pathIds(u.path)]));
	const persons = (await tx.select({ id: people.id }).from(people)).map((p) => p.id);
	const frozen = await frozenGuardsOf(tx);
	const decider = decideRoundsWithGuards(persons, rules);
	const rows: { round_id: string; kind: 'figures' | 'text'; k: number; unit_id: string; area: string | null; title: string | null }[] = [];
	for (const roundId of closed) {
		const respondents = await query<{ personId: string; unitId: string; activityArea: ActivityArea; title: CaseworkerTitle }>(
			tx,
			sql`select person_id as "personId", org_unit_id as "unitId", activity_area as "activityArea", title from responses where round_id = ${roundId}`
		);
		const { guards } = decider.decide({
			roundId,
			respondents: respondents.map((r) => ({ personId: r.personId, unitPath: units.get(r.unitId)!, activityArea: r.activityArea, title: r.title })),
			frozenGuards: frozen.get(roundId)
		});
		const add = (kind: keyof FrozenGuards, k: number) => {
			for (const g of guards[kind]) rows.push({ round_id: roundId, kind, k, unit_id: g.unitId, area: g.area, title: g.title });
		};
		add('figures', rules.minGroup);
		add('text', rules.minTextGroup);
	}
	await tx.execute(sql`delete from disclosure_guards`);
	if (rows.length > 0) {
		await tx.execute(sql`
			insert into disclosure_guards (round_id, kind, k, unit_id, area, title)
			select x.round_id, x.kind, x.k, x.unit_id, x.area, x.title
			from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(round_id uuid, kind text, k int, unit_id uuid, area text, title text)`);
	}
}

/** Moves a round's answers and memberships to stand-ins, one per member, and deletes its free text and reminders. */
async function pseudonymiseRound(tx: Db, roundId: string): Promise<number> {
	await tx.execute(sql`
		create temp table retention_stand_ins on commit drop as
		select person_id as old_id, gen_random_uuid() as new_id, org_unit_id, title, activity_area
		from (select person_id, org_unit_id, title, activity_area from round_members where round_id = ${roundId}
		      union
		      select r.person_id, r.org_unit_id, r.title, r.activity_area from responses r
		      where r.round_id = ${roundId} and not exists (select 1 from round_members m where m.round_id = r.round_id and m.person_id = r.person_id)) as everyone`);
	const [{ n }] = await query<{ n: number }>(tx, sql`select count(*)::int as n from retention_stand_ins`);
	await tx.execute(sql`
		insert into people (id, email, name, org_unit_id, title, activity_area, active)
		select new_id, new_id::text || '@gallrad.invalid', 'Gallrad uppgift', org_unit_id, title, activity_area, false from retention_stand_ins`);
	await tx.execute(sql`insert into retention_pseudonyms (person_id, round_id) select new_id, ${roundId} from retention_stand_ins`);
	await tx.execute(sql`
		update responses r set person_id = s.new_id, situation_comment = null, quality_comment = null, recommend_comment = null, positive_text = null
		from retention_stand_ins s where r.round_id = ${roundId} and r.person_id = s.old_id`);
	await tx.execute(sql`update round_members m set person_id = s.new_id from retention_stand_ins s where m.round_id = ${roundId} and m.person_id = s.old_id`);
	// The themes were read from the texts: they go with them.
	await tx.execute(sql`delete from response_themes t using responses r where t.response_id = r.id and r.round_id = ${roundId}`);
	await tx.execute(sql`delete from theme_tag_state where round_id = ${roundId}`);
	await tx.execute(sql`delete from reminders where round_id = ${roundId}`);
	await tx.execute(sql`drop table retention_stand_ins`);
	return n;
}
