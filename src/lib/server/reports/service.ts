/**
 * Aggregate reports for everyone above the nearest manager. The flow is always:
 * access check (policy) → the stored decisions and figures of each cell (computed once per
 * closed round from atoms aggregated in SQL, see disclosure-store.ts) → anonymity module
 * (discloseCell / discloseText) → page, export or API. No other path exists.
 *
 * Aggregates are shown for closed rounds only: while a round is open, figures that change
 * with each new answer would let anyone watching see one person's answer arrive.
 */
import { asc, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
	ACTIVITY_AREAS,
	CASEWORKER_TITLES,
	STATEMENTS,
	TEXT_GROUPS,
	type ActivityArea,
	type CaseworkerTitle,
	type TextGroup
} from '$lib/domain';
import type { Actor } from '../access/actor';
import { requireUnitInScope } from '../access/gate';
import { aggregateScopes, within } from '../access/policy';
import { decideProgress, discloseCell, disclosureFromEntries, discloseProgress, discloseText, discloseThemeCounts, type DisclosedCell, type DisclosedProgress, type DisclosedText, type Disclosure, type Respondent } from '../anonymity';
import type { Db } from '../db';
import { startsWithPattern } from '../db/paths';
import { query } from '../db/client';
import { orgUnits, rounds } from '../db/schema';
import { notFound } from '../errors';
import { pathIds } from '../org/service';
import { parseInput } from '../validation';
import { cellChange, type CellChange } from './change';
import { currentBases, currentRules, entryOf, figuresOf, loadCells, refreshStoredDisclosure } from './disclosure-store';
import { statementFigures, type CellFigures } from './figures';
import { themeRows, type ThemeRow } from '../themes/report';
import { ensureThemeTags, loadThemeCounts } from '../themes/store';
import { THEMES, type Theme } from '../themes/themes';

export const reportQuery = z.object({
	unit: z.string().uuid('Ogiltig enhet.').optional(),
	round: z.string().uuid('Ogiltig mätomgång.').optional(),
	area: z.enum(ACTIVITY_AREAS, { error: 'Okänt verksamhetsområde.' }).optional(),
	title: z.enum(CASEWORKER_TITLES, { error: 'Okänd yrkestitel.' }).optional(),
	q: z.string().trim().max(100, 'Sökordet får vara högst 100 tecken.').optional(),
	/** Only the motivations that speak about this theme (issue 15). */
	theme: z.enum(THEMES, { error: 'Okänt tema.' }).optional(),
	/** Motivations per statement at most (alphabetical, from the start); the totals say how many. */
	textLimit: z.coerce
		.number({ error: 'Antalet motiveringar ska vara ett tal.' })
		.int('Antalet motiveringar ska vara ett heltal.')
		.min(0, 'Antalet motiveringar kan inte vara negativt.')
		.max(100_000, 'Högst 100 000 motiveringar per påstående.')
		.optional()
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
	/** The same unit in the previous closed round, through the same rule; null when there is none. */
	previous: DisclosedCell<CellFigures> | null;
	/** Change since then, only where both are shown (change.ts). */
	change: CellChange | null;
}

export interface TrendPoint {
	roundId: string;
	roundName: string;
	cell: DisclosedCell<CellFigures>;
}

export type TextGroups = Record<TextGroup, string[]>;

export interface Report {
	unit: UnitRef;
	breadcrumbs: UnitRef[];
	scopeRoots: UnitRef[];
	filters: { area: ActivityArea | null; title: CaseworkerTitle | null; q: string | null; theme: Theme | null };
	rounds: { id: string; name: string; status: string }[];
	round: { id: string; name: string; status: string } | null;
	/** The unit itself first, then its children. Empty while the round is open. */
	rows: ReportRow[];
	trend: TrendPoint[];
	/** At most `textLimit` per statement (alphabetical); a hidden group's texts are never sent. */
	texts: DisclosedText<TextGroups> | null;
	/** How many motivations each list has in all, when the texts are shown. */
	textTotals: Record<keyof TextGroups, number> | null;
	/**
	 * While a round is open: how many have answered, where the anonymity module lets it be shown
	 * (decideProgress: blocks of at least k members, so nobody can tell whether one person has).
	 */
	progress: { members: number; respondents: number } | null;
	/**
	 * A filter (område, titel) that no one asked in the round within the unit matches: the page
	 * says so once instead of hiding every row. Decided from who was asked, never from answers.
	 */
	filterMatchesNoOne: boolean;
	/** The closed round before this one, which `previous` and `change` compare with. */
	previousRound: { id: string; name: string } | null;
	/**
	 * The unit's parent and the kommun in the same round, to compare with (decision 0013): totals
	 * of large groups, through the same rule as every cell.
	 */
	benchmarks: { unit: UnitRef; relation: Benchmark['relation']; cell: DisclosedCell<CellFigures> }[];
	/** While a round is open: the same progress for the unit and each child, each through discloseProgress. */
	progressRows: { unit: UnitRef; isTotal: boolean; cell: DisclosedProgress }[];
	rules: { minGroup: number; minTextGroup: number };
	/**
	 * What the unit's respondents wrote about, per theme, with the change since the previous round
	 * (themes/report.ts); through the anonymity module like every figure. Null unless asked for,
	 * and while the round is open.
	 */
	themes: DisclosedCell<ThemeRow[]> | null;
}

/**
 * Motivations per statement in a report unless asked for more: at the top of a large organisation
 * there are tens of thousands, more than anyone reads in a page; the search finds the rest.
 */
export const TEXT_LIMIT = 200;

export interface ReportOptions {
	/**
	 * Whether to read the free-text motivations (default true). Exports of figures leave them
	 * out: at the top of a large organisation they are tens of thousands of texts.
	 */
	texts?: boolean;
	/** Whether to count the themes of the texts (default false: the pages that show them ask). */
	themes?: boolean;
}

/** Returned from inside the read when the stored decisions are not current. */
const STALE = Symbol('stale');

export async function buildReport(db: Db, actor: Actor, input: unknown, options: ReportOptions = {}): Promise<Report> {
	const q = parseInput(reportQuery, input);
	const scopes = aggregateScopes(actor);
	const themesVersion = options.themes || q.theme ? await ensureThemeTags(db) : '';
	// One snapshot for the whole report: the tree, the rounds, the stored decisions and figures,
	// and the texts agree with each other even while a round closes or the tree changes.
	for (let attempt = 0; ; attempt++) {
		const report = await db.transaction((tx) => assembleReport(tx, scopes, q, options, themesVersion), { isolationLevel: 'repeatable read', accessMode: 'read only' });
		if (report !== STALE) return report;
		if (attempt === 3) throw new Error('The stored anonymity decisions keep changing; try again.');
		await refreshStoredDisclosure(db);
	}
}

async function assembleReport(db: Db, scopes: string[], q: ReportQuery, options: ReportOptions, themesVersion: string): Promise<Report | typeof STALE> {
	const { unit, roots: scopeUnits } = await requireUnitInScope(db, scopes, q.unit);

	const allRounds = await db
		.select({ id: rounds.id, name: rounds.name, status: rounds.status, opensAt: rounds.opensAt })
		.from(rounds)
		.where(sql`${rounds.status} <> 'draft'`)
		.orderBy(asc(rounds.opensAt));
	const closed = allRounds.filter((r) => r.status === 'closed');
	const round = q.round ? allRounds.find((r) => r.id === q.round) : (closed[closed.length - 1] ?? allRounds[allRounds.length - 1]);
	if (q.round && !round) throw notFound('Mätomgången');

	// The decisions of all closed rounds, taken once for everyone and stored (disclosure-store.ts).
	const closedInOrder = [...closed].sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((r) => r.id);
	const bases = await currentBases(db, closedInOrder);
	if (!bases) return STALE;

	const area = q.area ?? null;
	const title = q.title ?? null;
	const children = await db
		.select()
		.from(orgUnits)
		.where(sql`${orgUnits.parentId} = ${unit.id} and ${orgUnits.active}`)
		.orderBy(asc(orgUnits.name));
	const roundClosed = round?.status === 'closed';
	// The closed round before this one (change since), and the units above to compare with.
	const previousId = roundClosed ? (closedInOrder[closedInOrder.indexOf(round.id) - 1] ?? null) : null;
	const previous = previousId ? closed.find((r) => r.id === previousId)! : null;
	// The units above, read once: the breadcrumbs and the units to compare with.
	const breadcrumbIds = pathIds(unit.path);
	const ancestors = await db.select().from(orgUnits).where(inArray(orgUnits.id, breadcrumbIds));
	const benchmarkUnits = roundClosed ? benchmarksOf(unit, ancestors) : [];
	const stored = await loadCells(db, {
		unitRoundIds: roundClosed ? [round.id, ...(previous ? [previous.id] : [])] : [],
		unitIds: [unit, ...children, ...benchmarkUnits.map((b) => b.unit)].map((u) => u.id),
		trendUnitId: unit.id,
		roundIds: closedInOrder,
		area,
		title
	});
	const rules = currentRules();
	const disclosure = disclosureFromEntries(rules, closedInOrder, stored.map(entryOf));
	const storedFigures = new Map(stored.filter((c) => c.shown).map((c) => [`${c.roundId}|${c.unitId}`, figuresOf(c)]));
	const cellOf = (roundId: string, u: typeof unit) =>
		discloseCell(disclosure, { roundId, unitId: u.id, area, title }, storedFigures.get(`${roundId}|${u.id}`) ?? NO_FIGURES);

	let rows: ReportRow[] = [];
	let texts: DisclosedText<TextGroups> | null = null;
	let textTotals: Report['textTotals'] = null;
	let progress: Report['progress'] = null;
	const progressRows: Report['progressRows'] = [];
	let benchmarks: Report['benchmarks'] = [];
	let themes: Report['themes'] = null;
	const theme = q.theme ?? null;
	if (roundClosed) {
		rows = [unit, ...children].map((u) => {
			const cell = cellOf(round.id, u);
			const before = previous ? cellOf(previous.id, u) : null;
			return { unit: ref(u), isTotal: u.id === unit.id, cell, previous: before, change: cellChange(cell, before) };
		});
		benchmarks = benchmarkUnits.map((b) => ({ unit: ref(b.unit), relation: b.relation, cell: cellOf(round.id, b.unit) }));
		const textsKey = { roundId: round.id, unitId: unit.id, area, title };
		const decision = disclosure.get(round.id, unit.id, area, title);
		const wanted = decision.textShown && options.texts !== false;
		const cacheKey = [bases.get(round.id), unit.id, area, title, q.q ?? '', theme ?? '', themesVersion].join('|');
		const all = wanted ? await cachedTexts(cacheKey, () => loadTexts(db, round.id, unit.path, area, title, q.q ?? null, theme)) : emptyTexts();
		texts = discloseText(disclosure, textsKey, limitTexts(all, q.textLimit ?? TEXT_LIMIT));
		if (texts.shown) textTotals = mapGroups(all, (list) => list.length);
		if (options.themes) {
			const countsOf = async (roundId: string) =>
				discloseThemeCounts(disclosure, { roundId, unitId: unit.id, area, title }, await loadThemeCounts(db, roundId, startsWithPattern(unit.path), filterSql(area, title, 'r')));
			themes = themeRows(await countsOf(round.id), previous ? await countsOf(previous.id) : null);
		}
	} else if (round?.status === 'open') {
		const decided = await progressDisclosure(db, round.id);
		for (const u of [unit, ...children]) {
			const [counts] = await loadProgress(db, round.id, u.path, area, title);
			progressRows.push({ unit: ref(u), isTotal: u.id === unit.id, cell: discloseProgress(decided, { roundId: round.id, unitId: u.id, area, title }, counts) });
		}
		const disclosed = progressRows[0].cell;
		progress = disclosed.shown ? { members: disclosed.members, respondents: disclosed.respondents } : null;
	}

	const filterMatchesNoOne = round !== undefined && (area !== null || title !== null) && !(await anyoneAsked(db, round.id, unit.path, area, title));

	const breadcrumbs = breadcrumbIds
		.map((id) => ancestors.find((a) => a.id === id)!)
		.filter((a) => a && within(a.path, scopes))
		.map(ref);

	return {
		unit: ref(unit),
		breadcrumbs,
		scopeRoots: scopeUnits.map(ref),
		filters: { area, title, q: q.q ?? null, theme },
		rounds: [...allRounds].reverse().map(({ id, name, status }) => ({ id, name, status })),
		round: round ? { id: round.id, name: round.name, status: round.status } : null,
		rows,
		trend: closed.map((r) => ({ roundId: r.id, roundName: r.name, cell: cellOf(r.id, unit) })),
		texts,
		textTotals,
		progress,
		filterMatchesNoOne,
		progressRows,
		previousRound: previous ? { id: previous.id, name: previous.name } : null,
		benchmarks,
		rules: { minGroup: disclosure.rules.minGroup, minTextGroup: disclosure.rules.minTextGroup },
		themes
	};
}

const ref = (u: { id: string; name: string; kind: string }): UnitRef => ({ id: u.id, name: u.name, kind: u.kind });
const emptyTexts = (): TextGroups => ({ situation: [], quality: [], recommend: [], positive: [] });
const mapGroups = <T>(groups: TextGroups, f: (list: string[]) => T) =>
	Object.fromEntries(Object.entries(groups).map(([key, list]) => [key, f(list)])) as Record<keyof TextGroups, T>;
const limitTexts = (groups: TextGroups, limit: number): TextGroups => mapGroups(groups, (list) => (list.length > limit ? list.slice(0, limit) : list));

/** Stands in for the figures of a cell that is not shown: discloseCell never passes them on. */
const NO_FIGURES: CellFigures = Object.freeze({
	respondents: 0,
	members: 0,
	responseRate: null,
	casesMean: null,
	casesMedian: null,
	statements: Object.fromEntries(STATEMENTS.map((s) => [s, statementFigures([0, 0, 0, 0, 0, 0])])) as CellFigures['statements']
});

// --- Live reads: progress of an open round, and the free text of a shown cell -------------

const filterSql = (area: ActivityArea | null, title: CaseworkerTitle | null, alias: string) =>
	sql`${area ? sql`and ${sql.raw(alias)}.activity_area = ${area}` : sql``} ${title ? sql`and ${sql.raw(alias)}.title = ${title}` : sql``}`;

/**
 * The progress decisions of an open round depend on its membership only, which is fixed when it
 * opens: kept per round and membership (derived data, per process, recomputed if it changes).
 */
const progressCache = new Map<string, { signature: string; disclosure: Disclosure }>();

async function progressDisclosure(db: Db, roundId: string): Promise<Disclosure> {
	const [{ signature }] = await query<{ signature: string }>(
		db,
		sql`select count(*)::text || ':' || coalesce(max(m.person_id::text), '') || ':' || (select coalesce(max(version), 0)::text from data_versions where name = 'org_tree') as signature
		    from round_members m where m.round_id = ${roundId}`
	);
	const hit = progressCache.get(roundId);
	if (hit && hit.signature === signature) return hit.disclosure;
	const members = await query<{ personId: string; path: string; activityArea: ActivityArea; title: CaseworkerTitle }>(
		db,
		sql`select m.person_id as "personId", u.path, m.activity_area as "activityArea",
		       case when m.title = 'bistandshandlaggare' then 'bistandshandlaggare' else 'socialsekreterare' end as title
		    from round_members m join org_units u on u.id = m.org_unit_id
		    where m.round_id = ${roundId}`
	);
	const disclosure = decideProgress(
		roundId,
		members.map((m): Respondent => ({ personId: m.personId, unitPath: pathIds(m.path), activityArea: m.activityArea, title: m.title })),
		currentRules()
	);
	if (progressCache.size > 16) progressCache.clear();
	progressCache.set(roundId, { signature, disclosure });
	return disclosure;
}

type Benchmark = { unit: typeof orgUnits.$inferSelect; relation: 'parent' | 'above' | 'kommun' };

/**
 * The units a report compares with: every unit above it up to the kommun, nearest first — for an
 * enhet its avdelning, förvaltning and the kommun — whatever the reader's scope (decision 0013:
 * benchmarks are totals of larger groups, through the anonymity rule like every cell).
 */
function benchmarksOf(unit: typeof orgUnits.$inferSelect, ancestors: (typeof orgUnits.$inferSelect)[]): Benchmark[] {
	return pathIds(unit.path)
		.slice(0, -1)
		.reverse()
		.map((id) => ancestors.find((u) => u.id === id))
		.filter((u): u is typeof orgUnits.$inferSelect => u !== undefined && u.kind !== 'region')
		.map((u) => ({ unit: u, relation: u.kind === 'kommun' ? 'kommun' : u.id === unit.parentId ? 'parent' : 'above' }));
}

/** Whether anyone in the unit (and below) was asked in the round with this område and titel. */
async function anyoneAsked(db: Db, roundId: string, unitPath: string, area: ActivityArea | null, title: CaseworkerTitle | null): Promise<boolean> {
	const [row] = await query<{ found: boolean }>(
		db,
		sql`select exists (select 1 from round_members m join org_units u on u.id = m.org_unit_id
		    where m.round_id = ${roundId} and u.path like ${startsWithPattern(unitPath)} ${filterSql(area, title, 'm')}) as found`
	);
	return row.found;
}

async function loadProgress(db: Db, roundId: string, unitPath: string, area: ActivityArea | null, title: CaseworkerTitle | null) {
	return query<{ members: number; respondents: number }>(
		db,
		sql`select count(*)::int as members, count(r.id)::int as respondents
		    from round_members m join org_units u on u.id = m.org_unit_id
		    left join responses r on r.round_id = m.round_id and r.person_id = m.person_id
		    where m.round_id = ${roundId} and u.path like ${startsWithPattern(unitPath)} ${filterSql(area, title, 'm')}`
	);
}

/**
 * Motivations of a closed round never change while its basis (tree version, rounds, rules) is
 * the same, so the sorted groups are kept per basis, unit and filter: at the top of a large
 * organisation they are tens of thousands of texts. Derived data, bounded, per process.
 */
const textCache = new Map<string, { groups: TextGroups; bytes: number }>();
let textCacheBytes = 0;
const TEXT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

async function cachedTexts(key: string, load: () => Promise<TextGroups>): Promise<TextGroups> {
	const hit = textCache.get(key);
	if (hit) {
		textCache.delete(key); // most recently used last
		textCache.set(key, hit);
		return hit.groups;
	}
	const groups = await load();
	// Shared by every request that hits the cache: nobody may change them.
	for (const list of Object.values(groups)) Object.freeze(list);
	Object.freeze(groups);
	const bytes = Object.values(groups).reduce((sum, list) => sum + list.reduce((s, t) => s + 2 * t.length + 40, 0), 0);
	if (bytes > TEXT_CACHE_MAX_BYTES / 4) return groups;
	textCache.set(key, { groups, bytes });
	textCacheBytes += bytes;
	for (const [oldest, entry] of textCache) {
		if (textCacheBytes <= TEXT_CACHE_MAX_BYTES) break;
		textCache.delete(oldest);
		textCacheBytes -= entry.bytes;
	}
	return groups;
}

/** Motivations without names, sorted alphabetically so their order says nothing about who wrote them. */
async function loadTexts(
	db: Db,
	roundId: string,
	unitPath: string,
	area: ActivityArea | null,
	title: CaseworkerTitle | null,
	search: string | null,
	theme: Theme | null
): Promise<TextGroups> {
	const rows = await query<{ situation: string | null; quality: string | null; recommend: string | null; positive: string | null; tagged: string[] | null }>(
		db,
		sql`select r.situation_comment as situation, r.quality_comment as quality, r.recommend_comment as recommend, r.positive_text as positive,
		      ${theme ? sql`array(select t.statement from response_themes t where t.response_id = r.id and t.theme = ${theme})` : sql`null`} as tagged
		    from responses r join org_units u on u.id = r.org_unit_id
		    where r.round_id = ${roundId} and u.path like ${startsWithPattern(unitPath)} ${filterSql(area, title, 'r')}`
	);
	const needle = search?.toLocaleLowerCase('sv-SE') ?? null;
	const groups = emptyTexts();
	for (const row of rows) {
		for (const key of TEXT_GROUPS) {
			const text = row[key];
			if (!text || (row.tagged && !row.tagged.includes(key))) continue;
			if (!needle || text.toLocaleLowerCase('sv-SE').includes(needle)) groups[key].push(text);
		}
	}
	for (const key of Object.keys(groups) as (keyof TextGroups)[]) groups[key].sort(swedish.compare);
	return groups;
}

/** The order of localeCompare(…, 'sv-SE'), with one collator instead of one per comparison. */
const swedish = new Intl.Collator('sv-SE');
