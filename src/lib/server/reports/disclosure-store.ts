/**
 * The anonymity decisions and figures of closed rounds, stored (decision 0007).
 *
 * The anonymity module decides every cell of every closed round of the whole organisation.
 * At national size (40 000 handläggare × 20 rounds) that takes seconds and hundreds of MB, far
 * too much per request, and the figures of a large subtree took as long to roll up. Closed rounds
 * do not change, so both are computed once and stored per cell in disclosure_cells:
 *  - when a round has closed (the scheduled job notices within a minute; a report that arrives
 *    first computes it itself), on start, and when the organisation tree changed;
 *  - by the same decision procedure over the same input as computeDisclosure, one round at a
 *    time (decideRoundsInOrder), so the stored decisions ARE the computed ones (tests compare
 *    them cell by cell, and with a frozen copy of the original implementation);
 *  - with figures for shown cells only (counts per answer, case sum and median), so a report
 *    reads a few rows by primary key instead of aggregating the subtree.
 *
 * Each stored round records its basis: a hash of the algorithm version, the rules, the version
 * of the tree (a trigger bumps it on every change to org_units) and the ids of the closed rounds
 * up to it, in order. A report only uses cells whose basis is current (checked in the same
 * snapshot it reads them in); anything else is recomputed first. Answers of a closed round never
 * change; code that ever changes them (retention, say) must call refreshStoredDisclosure with
 * { force: true }.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { STATEMENTS, type ActivityArea, type CaseworkerTitle } from '$lib/domain';
import {
	DISCLOSURE_ALGORITHM_VERSION,
	anonymityRules,
	decideRoundsInOrder,
	discloseMedian,
	homogeneousReasonText,
	type AnonymityRules,
	type CellEntry,
	type Respondent,
	type SuppressionReason
} from '../anonymity';
import type { Db } from '../db';
import { query } from '../db/client';
import { dataVersions, disclosureCells, disclosureRounds, orgUnits, people, rounds } from '../db/schema';
import { log } from '../log';
import { pathIds } from '../org/service';
import { frozenGuardsOf, retentionVersion } from '../privacy/guards';
import { median, statementFigures, type CellFigures } from './figures';

/** Serialises recomputation across app instances (PostgreSQL advisory lock id). */
const REFRESH_LOCK = 727103;
/** '*' stands for "all" in the area and title columns. */
const ALL = '*';

export type StoredCell = typeof disclosureCells.$inferSelect;

export function currentRules(): AnonymityRules {
	return anonymityRules();
}

/** Closed rounds in the order computeDisclosure takes them (their decisions depend on it). */
export async function closedRoundOrder(db: Db): Promise<string[]> {
	const list = await db
		.select({ id: rounds.id })
		.from(rounds)
		.where(eq(rounds.status, 'closed'))
		.orderBy(asc(rounds.opensAt), asc(rounds.id));
	return list.map((r) => r.id);
}

export async function treeVersion(db: Db): Promise<number> {
	const [row] = await db.select({ version: dataVersions.version }).from(dataVersions).where(eq(dataVersions.name, 'org_tree'));
	return row?.version ?? 0;
}

/**
 * The basis of each closed round: its decisions depend on the rounds before it, not after.
 * `retention` counts retention runs (privacy/retention.ts), which change the answers of old rounds.
 */
export function basesFor(rules: AnonymityRules, tree: number, closedInOrder: readonly string[], retention = 0): string[] {
	const hash = createHash('sha256').update(`algorithm ${DISCLOSURE_ALGORITHM_VERSION}|k ${rules.minGroup}|text k ${rules.minTextGroup}|tree ${tree}${retention ? `|retention ${retention}` : ''}`);
	return closedInOrder.map((id) => hash.update(`|${id}`).copy().digest('base64url'));
}

/**
 * The basis of every closed round when all of them, and nothing else, are stored under the
 * current basis; null when anything is stale.
 */
export async function currentBases(db: Db, closedInOrder?: readonly string[]): Promise<Map<string, string> | null> {
	const closed = closedInOrder ?? (await closedRoundOrder(db));
	const bases = basesFor(currentRules(), await treeVersion(db), closed, await retentionVersion(db));
	const stored = await db.select({ roundId: disclosureRounds.roundId, basis: disclosureRounds.basis }).from(disclosureRounds);
	if (stored.length !== closed.length) return null;
	const byRound = new Map(stored.map((r) => [r.roundId, r.basis]));
	return closed.every((id, i) => byRound.get(id) === bases[i]) ? byRound : null;
}

export async function storedIsCurrent(db: Db, closedInOrder?: readonly string[]): Promise<boolean> {
	return (await currentBases(db, closedInOrder)) !== null;
}

// --- Recomputing ---------------------------------------------------------------------------

export interface RefreshResult {
	/** Closed rounds whose cells were (re)written. */
	rounds: number;
	cells: number;
	ms: number;
}

const inFlight = new WeakMap<Db, Promise<RefreshResult>>();

/**
 * Brings the stored cells up to date: recomputes when any closed round's basis changed (or with
 * force), and rewrites the rounds that are stale. One at a time per process; across instances
 * the advisory lock makes the others wait and then find the work done.
 */
export function refreshStoredDisclosure(db: Db, options: { force?: boolean } = {}): Promise<RefreshResult> {
	let running = inFlight.get(db);
	if (!running) {
		running = refresh(db, options.force ?? false).finally(() => inFlight.delete(db));
		inFlight.set(db, running);
	}
	return running;
}

async function refresh(db: Db, force: boolean): Promise<RefreshResult> {
	const started = performance.now();
	const step = (what: string) => log.debug({ ms: Math.round(performance.now() - started), heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) }, `disclosure refresh: ${what}`);
	const result = await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
		const rules = currentRules();
		const closed = await closedRoundOrder(tx);
		const bases = basesFor(rules, await treeVersion(tx), closed, await retentionVersion(tx));
		const stored = new Map((await tx.select().from(disclosureRounds)).map((r) => [r.roundId, r.basis]));
		const stale = closed.map((id, i) => ({ id, basis: bases[i] })).filter((r) => force || stored.get(r.id) !== r.basis);
		const gone = [...stored.keys()].filter((id) => !closed.includes(id));
		if (gone.length > 0) {
			await tx.delete(disclosureCells).where(inArray(disclosureCells.roundId, gone));
			await tx.delete(disclosureRounds).where(inArray(disclosureRounds.roundId, gone));
		}
		if (stale.length === 0) return { rounds: 0, cells: 0 };

		const units = await unitPaths(tx);
		// Every round is decided in order (a round's decisions depend on the earlier ones), one at
		// a time: only what later rounds need of the earlier ones stays in memory.
		const persons = (await tx.select({ id: people.id }).from(people)).map((p) => p.id);
		const decider = decideRoundsInOrder(persons, rules);
		// Rule-3 decisions frozen by retention, which cut the link between rounds they need.
		const frozen = await frozenGuardsOf(tx);
		const rewrite = new Map(stale.map((r) => [r.id, r.basis]));
		await tx.delete(disclosureCells).where(inArray(disclosureCells.roundId, stale.map((r) => r.id)));
		let cells = 0;
		for (const roundId of closed) {
			const entries = decider.decide({ roundId, ...(await participantsOf(tx, roundId, units)), frozenGuards: frozen.get(roundId) });
			const basis = rewrite.get(roundId);
			if (basis === undefined) continue; // stored and current: earlier rounds never change
			const rows = await cellRows(tx, entries, roundId, units);
			for (let i = 0; i < rows.length; i += 20_000) await insertCells(tx, rows.slice(i, i + 20_000));
			await tx
				.insert(disclosureRounds)
				.values({ roundId, basis })
				.onConflictDoUpdate({ target: disclosureRounds.roundId, set: { basis, computedAt: new Date() } });
			cells += rows.length;
			step(`round ${roundId} stored`);
		}
		return { rounds: stale.length, cells };
	});
	const ms = Math.round(performance.now() - started);
	if (result.rounds > 0) log.info({ ...result, ms }, 'anonymity decisions of closed rounds stored');
	return { ...result, ms };
}

/** Unit id → ids on its path, root first (shared arrays: one per unit, not per respondent). */
async function unitPaths(db: Db): Promise<Map<string, string[]>> {
	const list = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits);
	return new Map(list.map((u) => [u.id, pathIds(u.path)]));
}

/**
 * The respondents of a closed round: the input computeDisclosure has always been given (every
 * respondent of the whole organisation, the unit path from the current tree, their answers for
 * the rule on homogeneous groups), with the paths shared between respondents of one unit; and
 * the members who did not answer (round_members without a response), who are in the cells'
 * member counts and so in the block argument.
 */
async function participantsOf(db: Db, roundId: string, units: Map<string, string[]>): Promise<{ respondents: Respondent[]; absent: Respondent[] }> {
	const rows = await query<{ personId: string; unitId: string; activityArea: ActivityArea; title: CaseworkerTitle; situation: number; quality: number; recommend: number }>(
		db,
		sql`select person_id as "personId", org_unit_id as "unitId", activity_area as "activityArea", title,
		       situation_score as situation, quality_score as quality, recommend_score as recommend
		    from responses where round_id = ${roundId}`
	);
	const absentRows = await query<{ personId: string; unitId: string; activityArea: ActivityArea; title: CaseworkerTitle }>(
		db,
		sql`select m.person_id as "personId", m.org_unit_id as "unitId", m.activity_area as "activityArea",
		       -- as answering copies it (rounds/service.ts)
		       case when m.title = 'bistandshandlaggare' then 'bistandshandlaggare' else 'socialsekreterare' end as title
		    from round_members m
		    where m.round_id = ${roundId} and not exists (select 1 from responses r where r.round_id = m.round_id and r.person_id = m.person_id)`
	);
	return {
		respondents: rows.map((r) => ({
			personId: r.personId,
			unitPath: units.get(r.unitId)!,
			activityArea: r.activityArea,
			title: r.title,
			values: [Number(r.situation), Number(r.quality), Number(r.recommend)]
		})),
		absent: absentRows.map((r) => ({ personId: r.personId, unitPath: units.get(r.unitId)!, activityArea: r.activityArea, title: r.title }))
	};
}

// --- Figures of every cell of a round ----------------------------------------------------------

interface Accumulated {
	respondents: number;
	members: number;
	/** situation 1–6, quality 1–6, recommend 1–6 (STATEMENTS order). */
	hist: number[];
	cases: number[];
}

const cellKey = (unitId: string, area: string | null, title: string | null) => `${unitId}|${area ?? ALL}|${title ?? ALL}`;

function histogramColumns(): SQL {
	const parts: SQL[] = [];
	for (const s of STATEMENTS) {
		const column = sql.raw(`${s}_score`);
		for (let v = 1; v <= 6; v++) parts.push(sql`count(*) filter (where ${column} = ${sql.raw(String(v))})::int`);
	}
	return sql`array[${sql.join(parts, sql`, `)}]`;
}

/**
 * Every cell's figures, rolled up from atoms (unit × area × title, aggregated in SQL) to every
 * unit on the atom's path, for the area or all, the title or all: the same sums cellFigures
 * makes over a subtree, done once for the whole tree.
 */
async function roundFigures(db: Db, roundId: string, units: Map<string, string[]>): Promise<Map<string, Accumulated>> {
	const atoms = await query<{ unitId: string; activityArea: string; title: string; respondents: number; hist: unknown; caseCounts: unknown }>(
		db,
		sql`select org_unit_id as "unitId", activity_area as "activityArea", title, count(*)::int as respondents,
		       ${histogramColumns()} as hist, array_agg(case_count) as "caseCounts"
		    from responses where round_id = ${roundId}
		    group by 1, 2, 3`
	);
	const members = await query<{ unitId: string; activityArea: string; title: string; members: number }>(
		db,
		sql`select org_unit_id as "unitId", activity_area as "activityArea", title, count(*)::int as members
		    from round_members where round_id = ${roundId}
		    group by 1, 2, 3`
	);
	const cells = new Map<string, Accumulated>();
	const cellsOf = (unitId: string, area: string, title: string) => {
		const list: Accumulated[] = [];
		for (const u of units.get(unitId) ?? []) {
			for (const a of [null, area]) {
				for (const t of [null, title]) {
					const key = cellKey(u, a, t);
					let cell = cells.get(key);
					if (!cell) cells.set(key, (cell = { respondents: 0, members: 0, hist: new Array(18).fill(0), cases: [] }));
					list.push(cell);
				}
			}
		}
		return list;
	};
	for (const atom of atoms) {
		const hist = intArray(atom.hist);
		const cases = intArray(atom.caseCounts);
		for (const cell of cellsOf(atom.unitId, atom.activityArea, atom.title)) {
			cell.respondents += atom.respondents;
			for (let i = 0; i < 18; i++) cell.hist[i] += hist[i];
			for (const c of cases) cell.cases.push(c);
		}
	}
	for (const m of members) for (const cell of cellsOf(m.unitId, m.activityArea, m.title)) cell.members += m.members;
	return cells;
}

/** postgres-js returns int[] as an array; be safe with the text form too. */
function intArray(value: unknown): number[] {
	if (Array.isArray(value)) return value.map(Number);
	if (typeof value === 'string') return value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
	return [];
}

async function cellRows(db: Db, entries: CellEntry[], roundId: string, units: Map<string, string[]>): Promise<StoredCell[]> {
	const figures = await roundFigures(db, roundId, units);
	return entries.map((entry) => {
		const row: StoredCell = {
			unitId: entry.unitId,
			roundId,
			area: entry.area ?? ALL,
			title: entry.title ?? ALL,
			shown: entry.shown,
			textShown: entry.textShown,
			n: entry.n,
			reason: entry.reason,
			textReason: entry.textReason,
			members: null,
			hist: null,
			casesSum: null,
			casesMedian: null
		};
		if (!entry.shown) return row;
		const cell = figures.get(cellKey(entry.unitId, entry.area, entry.title));
		if (!cell || cell.respondents !== entry.n) throw new Error(`Round ${roundId}: the figures of a cell disagree with its decision`);
		cell.cases.sort((a, b) => a - b);
		// A statement withheld by rule 5 is stored without its counts: they never leave the database.
		const hist = cell.hist.map((count, i) => (entry.hiddenStatements.includes(Math.floor(i / 6)) ? 0 : count));
		// The members the decision was taken over (round_members and anyone who answered without a row).
		return { ...row, members: entry.members, hist, casesSum: cell.cases.reduce((a, b) => a + b, 0), casesMedian: median(cell.cases) };
	});
}

/**
 * Many cells in one statement: one array per column, unnested (far faster than VALUES lists).
 * Each array goes as one text parameter in PostgreSQL's array syntax, the same on both drivers.
 */
async function insertCells(db: Db, rows: StoredCell[]): Promise<void> {
	const column = (f: (r: StoredCell) => string | number | boolean | null) => sql.param(arrayLiteral(rows.map(f)));
	await db.execute(sql`
		insert into disclosure_cells (unit_id, round_id, area, title, shown, text_shown, n, reason, text_reason, members, hist, cases_sum, cases_median)
		select unit_id, round_id, area, title, shown, text_shown, n, reason, text_reason, members, hist::int[], cases_sum, cases_median
		from unnest(${column((r) => r.unitId)}::uuid[], ${column((r) => r.roundId)}::uuid[], ${column((r) => r.area)}::text[], ${column((r) => r.title)}::text[],
		            ${column((r) => r.shown)}::boolean[], ${column((r) => r.textShown)}::boolean[], ${column((r) => r.n)}::int[],
		            ${column((r) => r.reason)}::text[], ${column((r) => r.textReason)}::text[], ${column((r) => r.members)}::int[],
		            ${column((r) => (r.hist ? `{${r.hist.join(',')}}` : null))}::text[], ${column((r) => r.casesSum)}::bigint[], ${column((r) => r.casesMedian)}::float8[])
		     as t(unit_id, round_id, area, title, shown, text_shown, n, reason, text_reason, members, hist, cases_sum, cases_median)`);
}

/** '{"a","b",NULL}': strings quoted and escaped, null as NULL. */
function arrayLiteral(values: (string | number | boolean | null)[]): string {
	const element = (v: string | number | boolean | null) =>
		v === null ? 'NULL' : typeof v === 'string' ? `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"` : String(v);
	return `{${values.map(element).join(',')}}`;
}

// --- Reading -------------------------------------------------------------------------------------

/** A statement of a shown cell whose figures rule 5 withholds, with the reason. */
const WITHHELD = Object.freeze({ mean: null, shareLow: null, shareHigh: null, distribution: [], reasonText: homogeneousReasonText() });

/** A stored cell back as the entry computeDisclosure gave. */
export function entryOf(row: StoredCell): CellEntry {
	return {
		roundId: row.roundId,
		unitId: row.unitId,
		area: row.area === ALL ? null : (row.area as ActivityArea),
		title: row.title === ALL ? null : (row.title as CaseworkerTitle),
		shown: row.shown,
		textShown: row.textShown,
		n: row.n,
		// Stored for shown cells only: a hidden cell's members are never read.
		members: row.members ?? 0,
		reason: row.reason as SuppressionReason | null,
		textReason: row.textReason as SuppressionReason | null,
		hiddenStatements: withheldStatements(row)
	};
}

/** Statements a shown cell withholds (rule 5): stored with no counts although the cell has respondents. */
function withheldStatements(row: StoredCell): number[] {
	if (!row.shown || !row.hist || row.n === 0) return [];
	const hist = row.hist;
	return STATEMENTS.flatMap((_, s) => (hist.slice(s * 6, s * 6 + 6).some((count) => count > 0) ? [] : [s]));
}

/**
 * A shown cell's figures, as cellFigures computes them from the atoms, with the median of cases
 * only where the anonymity module lets it be shown (it is not additive: decision 0002).
 */
export function figuresOf(row: StoredCell, rules: AnonymityRules = currentRules()): CellFigures {
	if (!row.shown || !row.hist || row.members === null || row.casesSum === null) throw new Error('Only a shown cell has figures');
	const n = row.n;
	const hist = row.hist;
	const withheld = withheldStatements(row);
	return {
		respondents: n,
		members: row.members,
		responseRate: row.members > 0 ? n / row.members : null,
		casesMean: n > 0 ? row.casesSum / n : null,
		casesMedian: discloseMedian(row.casesMedian, n, rules),
		statements: Object.fromEntries(
			STATEMENTS.map((s, i) => [s, withheld.includes(i) ? WITHHELD : statementFigures(hist.slice(i * 6, i * 6 + 6))])
		) as CellFigures['statements']
	};
}

/**
 * The stored cells a report needs: one round's cells of the given units, and one unit's cells in
 * every given round (the trend), for one area/title filter.
 */
export async function loadCells(
	db: Db,
	want: { unitRoundIds: string[]; unitIds: string[]; trendUnitId: string; roundIds: string[]; area: ActivityArea | null; title: CaseworkerTitle | null }
): Promise<StoredCell[]> {
	const area = want.area ?? ALL;
	const title = want.title ?? ALL;
	const filter = and(eq(disclosureCells.area, area), eq(disclosureCells.title, title));
	const parts = [];
	if (want.unitRoundIds.length > 0 && want.unitIds.length > 0) parts.push(and(inArray(disclosureCells.roundId, want.unitRoundIds), inArray(disclosureCells.unitId, want.unitIds)));
	if (want.roundIds.length > 0) parts.push(and(eq(disclosureCells.unitId, want.trendUnitId), inArray(disclosureCells.roundId, want.roundIds)));
	if (parts.length === 0) return [];
	return db
		.select()
		.from(disclosureCells)
		.where(and(filter, parts.length === 1 ? parts[0] : sql`(${parts[0]} or ${parts[1]})`));
}
