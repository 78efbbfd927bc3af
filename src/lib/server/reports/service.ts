/**
 * Aggregate reports for everyone above the nearest manager. The flow is always:
 * access check (policy) → atoms aggregated in SQL for the subtree → figures per cell →
 * anonymity module (discloseCell / discloseText) → page, export or API. No other path exists.
 *
 * Aggregates are shown for closed rounds only: while a round is open, figures that change
 * with each new answer would let anyone watching see one person's answer arrive.
 */
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
	ACTIVITY_AREAS,
	CASEWORKER_TITLES,
	STATEMENTS,
	type ActivityArea,
	type CaseworkerTitle,
	type Statement
} from '$lib/domain';
import type { Actor } from '../access/actor';
import { aggregateScopes, within } from '../access/policy';
import {
	computeDisclosure,
	discloseCell,
	discloseText,
	type DisclosedCell,
	type DisclosedText,
	type Disclosure,
	type Respondent
} from '../anonymity';
import type { Db } from '../db';
import { query } from '../db/client';
import { orgUnits, rounds } from '../db/schema';
import { env } from '../env';
import { notFound } from '../errors';
import { pathIds } from '../org/service';
import { isUuid } from '../rounds/service';
import { parseInput } from '../validation';
import { cellFigures, type Atom, type CellFigures, type MemberAtom } from './figures';

export const reportQuery = z.object({
	unit: z.string().uuid('Ogiltig enhet.').optional(),
	round: z.string().uuid('Ogiltig mätomgång.').optional(),
	area: z.enum(ACTIVITY_AREAS, { error: 'Okänt verksamhetsområde.' }).optional(),
	title: z.enum(CASEWORKER_TITLES, { error: 'Okänd yrkestitel.' }).optional(),
	q: z.string().trim().max(100, 'Sökordet får vara högst 100 tecken.').optional()
});
export type ReportQuery = z.infer<typeof reportQuery>;

export interface UnitRef {
	id: string;
	name: string;
	kind: string;
}

export interface ReportRow {
	unit: UnitRef;
	isTotal: boolean;
	cell: DisclosedCell<CellFigures>;
}

export interface TrendPoint {
	roundId: string;
	roundName: string;
	cell: DisclosedCell<CellFigures>;
}

export type TextGroups = Record<Statement | 'positive', string[]>;

export interface Report {
	unit: UnitRef;
	breadcrumbs: UnitRef[];
	scopeRoots: UnitRef[];
	filters: { area: ActivityArea | null; title: CaseworkerTitle | null; q: string | null };
	rounds: { id: string; name: string; status: string }[];
	round: { id: string; name: string; status: string } | null;
	/** The unit itself first, then its children. Empty while the round is open. */
	rows: ReportRow[];
	trend: TrendPoint[];
	texts: DisclosedText<TextGroups> | null;
	/** While a round is open: how many have answered, for groups large enough to show. */
	progress: { members: number; respondents: number } | null;
	rules: { minGroup: number; minTextGroup: number };
}

export async function buildReport(db: Db, actor: Actor, input: unknown): Promise<Report> {
	const q = parseInput(reportQuery, input);
	const scopes = aggregateScopes(actor);
	if (scopes.length === 0) throw notFound('Rapporten');

	const scopeUnits = await db.select().from(orgUnits).where(inArray(orgUnits.path, scopes)).orderBy(asc(orgUnits.name));
	const unitId = q.unit ?? scopeUnits[0]?.id;
	if (!unitId || !isUuid(unitId)) throw notFound('Enheten');
	const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, unitId));
	// Outside the caller's scope answers "not found", never "forbidden".
	if (!unit || !within(unit.path, scopes)) throw notFound('Enheten');

	const allRounds = await db
		.select({ id: rounds.id, name: rounds.name, status: rounds.status, opensAt: rounds.opensAt })
		.from(rounds)
		.where(sql`${rounds.status} <> 'draft'`)
		.orderBy(asc(rounds.opensAt));
	const closed = allRounds.filter((r) => r.status === 'closed');
	const round = q.round ? allRounds.find((r) => r.id === q.round) : (closed[closed.length - 1] ?? allRounds[allRounds.length - 1]);
	if (q.round && !round) throw notFound('Mätomgången');

	const area = q.area ?? null;
	const title = q.title ?? null;
	const disclosure = await closedRoundsDisclosure(db);

	const children = await db
		.select()
		.from(orgUnits)
		.where(sql`${orgUnits.parentId} = ${unit.id} and ${orgUnits.active}`)
		.orderBy(asc(orgUnits.name));
	const closedIds = closed.map((r) => r.id);
	const atoms = await loadAtoms(db, closedIds, unit.path);
	const memberAtoms = await loadMemberAtoms(db, closedIds, unit.path);

	const cellOf = (roundId: string, u: typeof unit) =>
		discloseCell(disclosure, { roundId, unitId: u.id, area, title }, cellFigures(atoms, memberAtoms, roundId, { unitPath: u.path, area, title }));

	let rows: ReportRow[] = [];
	let texts: DisclosedText<TextGroups> | null = null;
	let progress: Report['progress'] = null;
	if (round?.status === 'closed') {
		rows = [unit, ...children].map((u) => ({ unit: ref(u), isTotal: u.id === unit.id, cell: cellOf(round.id, u) }));
		const textsKey = { roundId: round.id, unitId: unit.id, area, title };
		const decision = disclosure.get(round.id, unit.id, area, title);
		texts = discloseText(disclosure, textsKey, decision.textShown ? await loadTexts(db, round.id, unit.path, area, title, q.q ?? null) : emptyTexts());
	} else if (round?.status === 'open') {
		const [counts] = await loadProgress(db, round.id, unit.path, area, title);
		progress = counts.members >= env().ANONYMITY_MIN_GROUP ? counts : null;
	}

	const breadcrumbIds = pathIds(unit.path);
	const ancestors = await db.select().from(orgUnits).where(inArray(orgUnits.id, breadcrumbIds));
	const breadcrumbs = breadcrumbIds
		.map((id) => ancestors.find((a) => a.id === id)!)
		.filter((a) => a && within(a.path, scopes))
		.map(ref);

	return {
		unit: ref(unit),
		breadcrumbs,
		scopeRoots: scopeUnits.map(ref),
		filters: { area, title, q: q.q ?? null },
		rounds: [...allRounds].reverse().map(({ id, name, status }) => ({ id, name, status })),
		round: round ? { id: round.id, name: round.name, status: round.status } : null,
		rows,
		trend: closed.map((r) => ({ roundId: r.id, roundName: r.name, cell: cellOf(r.id, unit) })),
		texts,
		progress,
		rules: { minGroup: disclosure.rules.minGroup, minTextGroup: disclosure.rules.minTextGroup }
	};
}

const ref = (u: { id: string; name: string; kind: string }): UnitRef => ({ id: u.id, name: u.name, kind: u.kind });
const emptyTexts = (): TextGroups => ({ situation: [], quality: [], recommend: [], positive: [] });

// --- The disclosure of all closed rounds, decided once for everyone ------------------------

let cache: { key: string; disclosure: Disclosure } | null = null;

/**
 * Decisions are taken over every closed round of the whole organisation, in order, so that they
 * never depend on who asks or which view is shown. Closed rounds do not change, so the result is
 * kept until a round closes or the tree changes (derived data: any instance can rebuild it).
 */
export async function closedRoundsDisclosure(db: Db): Promise<Disclosure> {
	const [{ key }] = await query<{ key: string }>(
		db,
		sql`select coalesce((select string_agg(id::text || ':' || coalesce(closed_at::text, ''), ',' order by opens_at, id)
		                      from rounds where status = 'closed'), '')
		        || '|' || coalesce((select md5(string_agg(id::text || path, ',' order by id)) from org_units), '') as key`
	);
	const rules = { minGroup: env().ANONYMITY_MIN_GROUP, minTextGroup: env().ANONYMITY_MIN_TEXT_GROUP };
	const fullKey = `${key}|${rules.minGroup}|${rules.minTextGroup}`;
	if (cache?.key === fullKey) return cache.disclosure;
	const rows = await query<{ roundId: string; personId: string; path: string; activityArea: ActivityArea; title: CaseworkerTitle }>(
		db,
		sql`select r.round_id as "roundId", r.person_id as "personId", u.path, r.activity_area as "activityArea", r.title
		    from responses r
		    join rounds ro on ro.id = r.round_id
		    join org_units u on u.id = r.org_unit_id
		    where ro.status = 'closed'
		    order by ro.opens_at, ro.id`
	);
	const byRound = new Map<string, Respondent[]>();
	for (const row of rows) {
		let list = byRound.get(row.roundId);
		if (!list) byRound.set(row.roundId, (list = []));
		list.push({ personId: row.personId, unitPath: pathIds(row.path), activityArea: row.activityArea, title: row.title });
	}
	const closedInOrder = await db
		.select({ id: rounds.id })
		.from(rounds)
		.where(eq(rounds.status, 'closed'))
		.orderBy(asc(rounds.opensAt), asc(rounds.id));
	const disclosure = computeDisclosure(
		closedInOrder.map((r) => ({ roundId: r.id, respondents: byRound.get(r.id) ?? [] })),
		rules
	);
	cache = { key: fullKey, disclosure };
	return disclosure;
}

// --- SQL aggregation per atom (round × unit × area × title) -------------------------------

function histogramColumns(): SQL {
	const parts: SQL[] = [];
	for (const s of STATEMENTS) {
		const column = sql.raw(`r.${s}_score`);
		for (let v = 1; v <= 6; v++) parts.push(sql`count(*) filter (where ${column} = ${sql.raw(String(v))})::int as ${sql.raw(`"${s}_${v}"`)}`);
	}
	return sql.join(parts, sql`, `);
}

async function loadAtoms(db: Db, roundIds: string[], unitPath: string): Promise<Atom[]> {
	if (roundIds.length === 0) return [];
	const rows = await query<Record<string, unknown>>(
		db,
		sql`select r.round_id as "roundId", u.path as "unitPath", r.activity_area as "activityArea", r.title,
		       count(*)::int as respondents, array_agg(r.case_count) as "caseCounts", ${histogramColumns()}
		    from responses r join org_units u on u.id = r.org_unit_id
		    where r.round_id in (${sql.join(roundIds.map((id) => sql`${id}::uuid`), sql`, `)})
		      and u.path like ${unitPath + '%'}
		    group by 1, 2, 3, 4`
	);
	return rows.map((row) => ({
		roundId: row.roundId as string,
		unitPath: row.unitPath as string,
		activityArea: row.activityArea as ActivityArea,
		title: row.title as CaseworkerTitle,
		respondents: row.respondents as number,
		caseCounts: parseIntArray(row.caseCounts),
		hist: Object.fromEntries(STATEMENTS.map((s) => [s, [1, 2, 3, 4, 5, 6].map((v) => row[`${s}_${v}`] as number)])) as Atom['hist']
	}));
}

/** postgres-js returns int[] as an array; PGlite may too, but be safe with the text form. */
function parseIntArray(value: unknown): number[] {
	if (Array.isArray(value)) return value.map(Number);
	if (typeof value === 'string') return value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
	return [];
}

async function loadMemberAtoms(db: Db, roundIds: string[], unitPath: string): Promise<MemberAtom[]> {
	if (roundIds.length === 0) return [];
	return query<MemberAtom>(
		db,
		sql`select m.round_id as "roundId", u.path as "unitPath", m.activity_area as "activityArea", m.title, count(*)::int as members
		    from round_members m join org_units u on u.id = m.org_unit_id
		    where m.round_id in (${sql.join(roundIds.map((id) => sql`${id}::uuid`), sql`, `)})
		      and u.path like ${unitPath + '%'}
		    group by 1, 2, 3, 4`
	);
}

const filterSql = (area: ActivityArea | null, title: CaseworkerTitle | null, alias: string) =>
	sql`${area ? sql`and ${sql.raw(alias)}.activity_area = ${area}` : sql``} ${title ? sql`and ${sql.raw(alias)}.title = ${title}` : sql``}`;

async function loadProgress(db: Db, roundId: string, unitPath: string, area: ActivityArea | null, title: CaseworkerTitle | null) {
	return query<{ members: number; respondents: number }>(
		db,
		sql`select count(*)::int as members, count(r.id)::int as respondents
		    from round_members m join org_units u on u.id = m.org_unit_id
		    left join responses r on r.round_id = m.round_id and r.person_id = m.person_id
		    where m.round_id = ${roundId} and u.path like ${unitPath + '%'} ${filterSql(area, title, 'm')}`
	);
}

/** Motivations without names, sorted alphabetically so their order says nothing about who wrote them. */
async function loadTexts(
	db: Db,
	roundId: string,
	unitPath: string,
	area: ActivityArea | null,
	title: CaseworkerTitle | null,
	search: string | null
): Promise<TextGroups> {
	const rows = await query<{ situation: string | null; quality: string | null; recommend: string | null; positive: string | null }>(
		db,
		sql`select r.situation_comment as situation, r.quality_comment as quality, r.recommend_comment as recommend, r.positive_text as positive
		    from responses r join org_units u on u.id = r.org_unit_id
		    where r.round_id = ${roundId} and u.path like ${unitPath + '%'} ${filterSql(area, title, 'r')}`
	);
	const needle = search?.toLocaleLowerCase('sv-SE') ?? null;
	const groups = emptyTexts();
	for (const row of rows) {
		for (const key of ['situation', 'quality', 'recommend', 'positive'] as const) {
			const text = row[key];
			if (text && (!needle || text.toLocaleLowerCase('sv-SE').includes(needle))) groups[key].push(text);
		}
	}
	for (const key of Object.keys(groups) as (keyof TextGroups)[]) groups[key].sort((a, b) => a.localeCompare(b, 'sv-SE'));
	return groups;
}
