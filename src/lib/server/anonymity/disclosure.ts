/**
 * Which report cells may be shown: the one place every report figure passes through.
 *
 * A cell is (round, org unit, verksamhetsområde | all, titel | all). Its members are the
 * respondents of that round whose unit path contains the unit and who match the filters.
 * Everything a report shows about a cell (count, sums, histograms, cases per caseworker, mean
 * of a statement) is ADDITIVE over its members: a sum over the members of per-person values.
 *
 * WHY the decisions are taken for the whole cube at once, from the data alone: a reader can
 * ask many views with different filters and combine what they get (subtract one from another).
 * If the decision for a cell depended on the view, two views could together reveal what each
 * one hides. So every cell of every round is decided once, deterministically, here.
 *
 * The rules, and why they are enough (docs/decisions/0002 and 0010):
 *  1. Primary: a cell with fewer than k respondents — none included — is hidden, with one reason
 *     ('too_few') for both: a reason that told 0 from 1–4 would itself be a count.
 *  2. Secondary (differencing within a round), the BLOCK ARGUMENT: give every MEMBER of the round
 *     (respondents and those who did not answer) the signature "set of shown cells that contain
 *     me", and group members with the same non-empty signature into blocks. Each shown cell is a
 *     union of whole blocks, so every linear combination of shown figures — answers, counts of
 *     respondents, of members and of non-respondents, whatever the coefficients — weights all
 *     members of a block equally: it can at most reveal sums over whole blocks. If every block
 *     has ≥ k respondents, no group of fewer than k respondents can be computed, and nobody can
 *     be shown not to have answered (a block of non-respondents only, or one non-respondent
 *     beside fewer than k respondents, is refused). Overlapping filters (område × titel ×
 *     enhet) are just more cells and are covered by the same argument.
 *  3. Differencing across rounds: a cell whose respondents are a strict superset or subset of
 *     those of ANY cell shown in an earlier round (the same cell, another filter, another unit,
 *     after moves and re-hires alike), differing by fewer than k people, would reveal the answers
 *     of the few who differ (if the others answer much as before). It is hidden, and it is also
 *     kept from being a union of blocks — otherwise "avdelning minus the other enheter" would
 *     give it anyway. Earlier rounds are never revisited, so a figure once shown stays shown when
 *     a round is added; the later cell is always the one hidden. A swap (one left, one joined)
 *     is not a subset relation and is allowed.
 *  4. Free text is decided by the same rules with k = minTextGroup, and is only shown where
 *     the figures are shown too. (Hiding more cells only merges blocks, so that keeps rule 2.)
 *  5. Homogeneous groups: per statement, a shown cell withholds its mean and distribution if
 *     showing them would leave a block (of the cells showing that statement) whose respondents
 *     all gave one answer — that would tell each of them. Decided block by block as rule 2.
 *  6. Non-additive figures (the median of cases): see discloseMedian.
 *
 * HOW: rather than hiding cells one at a time until the invariant holds, each class is offered
 * once, in a fixed priority order (unit totals, then one filter, then two; larger first), and
 * shown only if the invariant still holds with it. Showing a cell only splits blocks, and a
 * piece that is too small stays too small whatever is shown later, so a refused cell could
 * never be shown later either: one pass is final, O(total cell size), and deterministic.
 * Offered largest first, the smaller sibling is the one left out ("parent minus children of
 * 7, 6 and 2": the 2 is too small, and then the 6 is refused because it would leave the 2 as
 * a residual). The priority matters: a person whose verksamhetsområde differs from the rest
 * of their enhet cannot have both the enhet total and the område breakdowns above it shown;
 * unit totals win. A caller may rank units (DisclosureOptions.unitRank, e.g. by depth): then the
 * kommun's and förvaltningar's cells are offered before a larger enhet's, and the deeper unit is
 * the one left out. The order only decides WHICH cells are shown; every cell is still shown only
 * if the invariant holds with it, so the guarantee is the same in any order.
 *
 * Cells with exactly the same members are the same vector: they are decided together (a
 * "class"), otherwise one could show what its twin hides.
 *
 * Note for report code: the guarantee is about groups of respondents. A figure over a subset
 * of a cell's respondents (e.g. only those who answered an optional question) must be treated
 * as its own group by the caller.
 */
import {
	ACTIVITY_AREAS,
	CASEWORKER_TITLES,
	type ActivityArea,
	type CaseworkerTitle
} from '../../domain';
import { reasonText, textReasonText, type ReasonSubject } from './reasons';

// --- Public types -------------------------------------------------------------------------

/**
 * Why a cell is hidden. There is one reason for "fewer than the limit, including none": a reason
 * that told an empty group from a small one would be a count of its own (issue 11).
 */
export type SuppressionReason = 'too_few' | 'protects_other_group' | 'changed_since_earlier_round';

export interface AnonymityRules {
	/** Smallest group whose figures may be shown. Default 5, never below 3. */
	minGroup: number;
	/** Smallest group whose free-text answers may be shown. Default max(10, minGroup). */
	minTextGroup: number;
}

/**
 * How cells compete, beyond the thresholds. Kept apart from AnonymityRules: the rules are
 * configuration shown in reason texts and stored with decisions, this is a choice of the caller.
 */
export interface DisclosureOptions {
	/**
	 * Shallow units first (issue 15): a rank per unit, lower first — typically its depth in the tree
	 * (kommun 0, förvaltning 1, …). When given, cells are offered by rank before size (after the
	 * number of filters), so when two cells cannot both be shown the one of the higher rank is
	 * hidden: the kommun's and the förvaltningar's figures win over an enhet's even where the enhet
	 * is larger. A cell shared by units of different ranks (the same members) takes the lowest.
	 * Must come from the data (the tree), never from who asks, and be a finite number for every
	 * unit given. Left out (the default), larger cells are offered first at any level — what
	 * reports decide and what their stored decisions (DISCLOSURE_ALGORITHM_VERSION) assume.
	 */
	unitRank?: (unitId: string) => number;
}

export const DEFAULT_MIN_GROUP = 5;
export const DEFAULT_MIN_TEXT_GROUP = 10;
/** Below this no group size gives meaningful protection; configuration below it is refused. */
export const ABSOLUTE_MIN_GROUP = 3;

export interface Respondent {
	/** Stable id of the person (the same across rounds). */
	personId: string;
	/** Org unit ids from the root (kommun) down to the unit the person answered in. */
	unitPath: readonly string[];
	activityArea: ActivityArea;
	title: CaseworkerTitle;
	/**
	 * The person's answer to each statement (small non-negative integers, the same statements in
	 * the same order for everyone in the round), for the rule on homogeneous groups. Left out
	 * when the figures are not distributions of answers (counts of plans or incidents).
	 */
	values?: readonly number[];
}

export interface RoundInput {
	roundId: string;
	/** Those who answered the round. */
	respondents: readonly Respondent[];
	/**
	 * Members of the round who did not answer (the rest of the base of the response rate). They
	 * are in the cells' member counts, so they are in the block argument too: no block of members
	 * may have fewer than k respondents, or a reader could tell that someone did not answer.
	 */
	absent?: readonly Respondent[];
	/**
	 * Cells that rule 3 held back when the round was decided with everyone's identity, kept by
	 * retention (privacy/retention.ts), which cuts the link between a person's answers in
	 * different rounds that rule 3 compares. They are held back again, so the decisions stay what
	 * they were (docs/decisions/0008-retention.md). Holding back more never shows more.
	 */
	frozenGuards?: FrozenGuards;
}

/** A cell (without its round) that rule 3 held back, at each threshold. */
export interface GuardCell {
	unitId: string;
	area: ActivityArea | null;
	title: CaseworkerTitle | null;
}
export interface FrozenGuards {
	figures: readonly GuardCell[];
	text: readonly GuardCell[];
}

/** null means "all" for area and title. */
export interface CellKey {
	roundId: string;
	unitId: string;
	area: ActivityArea | null;
	title: CaseworkerTitle | null;
}

export interface CellDecision {
	/** The figures of the cell may be shown. */
	shown: boolean;
	/** The free-text answers of the cell may be shown (implies `shown`). */
	textShown: boolean;
	/** The true number of respondents. Never show it for a hidden cell — use discloseCell. */
	n: number;
	/** The true number of members (respondents and absent). Shown only with the figures. */
	members: number;
	/** Why the figures are hidden; null when shown. */
	reason: SuppressionReason | null;
	/** Why the free text is hidden; null when shown. */
	textReason: SuppressionReason | null;
	/**
	 * Of a shown cell: the statements (indices into the respondents' values) whose mean and
	 * distribution are withheld because a block of respondents gave one value (rule 5).
	 */
	hiddenStatements: readonly number[];
}

export type CellEntry = CellKey & CellDecision;

export interface Disclosure {
	readonly rules: AnonymityRules;
	/** In the chronological order given. */
	readonly roundIds: readonly string[];
	/** The decision for any cell; a cell nobody is in is hidden as 'too_few', like a small one. */
	get(
		roundId: string,
		unitId: string,
		area: ActivityArea | null,
		title: CaseworkerTitle | null
	): CellDecision;
	/** Every non-empty cell of a round with its decision, sorted by unit, area, title. */
	cells(roundId: string): CellEntry[];
}

// --- Rules ----------------------------------------------------------------------------------

export function resolveRules(rules: Partial<AnonymityRules> = {}): AnonymityRules {
	const minGroup = rules.minGroup ?? DEFAULT_MIN_GROUP;
	if (!Number.isInteger(minGroup) || minGroup < ABSOLUTE_MIN_GROUP) {
		throw new RangeError(`minGroup must be an integer ≥ ${ABSOLUTE_MIN_GROUP}, got ${minGroup}`);
	}
	const minTextGroup = rules.minTextGroup ?? Math.max(DEFAULT_MIN_TEXT_GROUP, minGroup);
	if (!Number.isInteger(minTextGroup) || minTextGroup < minGroup) {
		throw new RangeError(`minTextGroup must be an integer ≥ minGroup (${minGroup}), got ${minTextGroup}`);
	}
	return Object.freeze({ minGroup, minTextGroup });
}

// --- Preparation: cells and classes of one round --------------------------------------------

const ALL = '*';
const SEP = '\u0000';
/** 0 stands for "all". */
const AREA_CODE: ReadonlyMap<string, number> = new Map(ACTIVITY_AREAS.map((a, i) => [a, i + 1]));
const TITLE_CODE: ReadonlyMap<string, number> = new Map(CASEWORKER_TITLES.map((t, i) => [t, i + 1]));
const AREA_CODES = ACTIVITY_AREAS.length + 1;
const TITLE_CODES = CASEWORKER_TITLES.length + 1;

/** Code-unit order: the same on every machine and locale. */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function cellKeyString(unitId: string, area: string | null, title: string | null): string {
	return unitId + SEP + (area ?? ALL) + SEP + (title ?? ALL);
}

interface CellInfo {
	unitId: string;
	area: ActivityArea | null;
	title: CaseworkerTitle | null;
	classId: number;
}

interface PreparedRound {
	roundId: string;
	/** Global person index (rank of personId among all persons) per local index; increasing. */
	globalIndex: Int32Array;
	cellByKey: Map<string, CellInfo>;
	/** Per class: members (respondents and absent) as local indices, increasing. */
	classMembers: Int32Array[];
	/** Per class: its respondents as local indices, increasing (a subset of its members). */
	classRespondents: Int32Array[];
	/** Per class: its smallest cell key, the deterministic tie-breaker. */
	classKey: string[];
	/** Per class: the keys of its cells (all with the same members). */
	classCells: string[][];
	/** Number of members (local indices 0 … persons − 1). */
	persons: number;
	/** 1 for a respondent, 0 for an absent member, per local index. */
	responded: Uint8Array;
	/** Answers for the rule on homogeneous groups: persons × statements, or null if not given. */
	values: Int32Array | null;
	statements: number;
	/** Values are 0 … valueSlots − 1. */
	valueSlots: number;
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

function membersHash(members: readonly number[]): string {
	let h1 = 0x811c9dc5 | 0;
	let h2 = 0x9747b28c | 0;
	for (const m of members) {
		h1 = Math.imul(h1 ^ m, 0x01000193);
		h2 = Math.imul(h2 + m + 0x9e3779b9, 0x85ebca6b) ^ (h2 >>> 13);
	}
	return `${members.length}:${h1 >>> 0}:${h2 >>> 0}`;
}

function prepareRound(input: RoundInput, globalOf: ReadonlyMap<string, number>): PreparedRound {
	const everyone = [
		...input.respondents.map((r) => ({ r, responded: 1 })),
		...(input.absent ?? []).map((r) => ({ r, responded: 0 }))
	].sort((a, b) => compareStrings(a.r.personId, b.r.personId));
	const persons = everyone.length;
	const globalIndex = new Int32Array(persons);
	const responded = new Uint8Array(persons);
	const withValues = input.respondents.find((r) => r.values !== undefined);
	const statements = withValues?.values?.length ?? 0;
	let valueSlots = 0;
	for (const r of input.respondents) for (const v of r.values ?? []) valueSlots = Math.max(valueSlots, v + 1);
	const values = withValues ? new Int32Array(persons * statements) : null;
	// Cells are first collected under a numeric id (unit × area × title) to spare the garbage
	// collector ~20 string keys per respondent; the string key is made once per cell.
	const unitIndex = new Map<string, number>();
	type Collected = { unitId: string; area: ActivityArea | null; title: CaseworkerTitle | null; list: number[] };
	const byId = new Map<number, Collected>();

	everyone.forEach(({ r, responded: answered }, i) => {
		if (i > 0 && everyone[i - 1].r.personId === r.personId) {
			throw new Error(`Round ${input.roundId}: person ${r.personId} is given twice`);
		}
		const areaCode = AREA_CODE.get(r.activityArea);
		const titleCode = TITLE_CODE.get(r.title);
		if (areaCode === undefined) throw new Error(`Unknown activity area: ${String(r.activityArea)}`);
		if (titleCode === undefined) throw new Error(`Title may not answer a round: ${String(r.title)}`);
		if (r.unitPath.length === 0) throw new Error(`Round ${input.roundId}: person ${r.personId} has no unit`);
		globalIndex[i] = globalOf.get(r.personId)!;
		responded[i] = answered;
		if (values && answered) {
			if (r.values?.length !== statements) throw new Error(`Round ${input.roundId}: person ${r.personId} has no values for every statement`);
			for (let s = 0; s < statements; s++) {
				const v = r.values[s];
				if (!Number.isInteger(v) || v < 0) throw new Error(`Round ${input.roundId}: a value must be a non-negative integer`);
				values[i * statements + s] = v;
			}
		}
		for (const unitId of new Set(r.unitPath)) {
			let u = unitIndex.get(unitId);
			if (u === undefined) unitIndex.set(unitId, (u = unitIndex.size));
			for (const a of [0, areaCode]) {
				for (const t of [0, titleCode]) {
					const id = (u * AREA_CODES + a) * TITLE_CODES + t;
					let cell = byId.get(id);
					if (!cell) {
						const area = a === 0 ? null : r.activityArea;
						const title = t === 0 ? null : r.title;
						byId.set(id, (cell = { unitId, area, title, list: [] }));
					}
					cell.list.push(i); // persons are visited in increasing order, so lists stay sorted
				}
			}
		}
	});
	const members = new Map([...byId.values()].map((cell) => [cellKeyString(cell.unitId, cell.area, cell.title), cell]));

	// Group cells with identical member sets into classes.
	const buckets = new Map<string, { list: number[]; cells: string[] }[]>();
	for (const [key, cell] of members) {
		const hash = membersHash(cell.list);
		let bucket = buckets.get(hash);
		if (!bucket) buckets.set(hash, (bucket = []));
		const same = bucket.find((c) => sameMembers(c.list, cell.list));
		if (same) same.cells.push(key);
		else bucket.push({ list: cell.list, cells: [key] });
	}
	const classes = [...buckets.values()].flat();
	for (const c of classes) c.cells.sort(compareStrings);
	classes.sort((a, b) => compareStrings(a.cells[0], b.cells[0]));

	const cellByKey = new Map<string, CellInfo>();
	const classMembers: Int32Array[] = [];
	const classRespondents: Int32Array[] = [];
	const classKey: string[] = [];
	const classCells: string[][] = [];
	classes.forEach((c, classId) => {
		classMembers.push(Int32Array.from(c.list));
		classRespondents.push(Int32Array.from(c.list.filter((p) => responded[p] === 1)));
		classKey.push(c.cells[0]);
		classCells.push(c.cells);
		for (const key of c.cells) {
			const { unitId, area, title } = members.get(key)!;
			cellByKey.set(key, { unitId, area, title, classId });
		}
	});

	return {
		roundId: input.roundId,
		globalIndex,
		cellByKey,
		classMembers,
		classRespondents,
		classKey,
		classCells,
		persons,
		responded,
		values,
		statements,
		valueSlots
	};
}

// --- Decision for one round at one threshold -------------------------------------------------

interface RoundDecision {
	prep: PreparedRound;
	shown: Uint8Array;
	reason: (SuppressionReason | null)[];
}

/** Per class, lazily: respondents as global indices, increasing. Shared by both thresholds. */
function globalRespondentsOf(prep: PreparedRound, cache: (Int32Array | undefined)[], classId: number): Int32Array {
	let g = cache[classId];
	if (!g) {
		const local = prep.classRespondents[classId];
		g = new Int32Array(local.length);
		for (let i = 0; i < local.length; i++) g[i] = prep.globalIndex[local[i]];
		cache[classId] = g;
	}
	return g;
}

function intersectionSize(a: Int32Array, b: Int32Array): number {
	let i = 0;
	let j = 0;
	let n = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			n++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	return n;
}

/**
 * Rule 3, generalised (issue 11): the respondent sets (global indices) of every cell shown in an
 * earlier round, whatever its key — a område in one round and the same område × titel in the
 * next, or an enhet before an import and its avdelning after it, are compared as well.
 *
 * Finding the nested sets that differ by d < k without comparing every pair: if S ⊂ E, the
 * smallest member of S is among the first d + 1 ≤ k members of E; if E ⊂ S, the smallest member
 * of E is among the first k members of S. So each earlier set is indexed under its first k
 * members (for the first case) and under its smallest member (for the second).
 */
class ShownHistory {
	private readonly sets: Int32Array[] = [];
	private readonly byHead = new Map<number, number[]>();
	private readonly byMin = new Map<number, number[]>();

	constructor(private readonly k: number) {}

	get empty(): boolean {
		return this.sets.length === 0;
	}

	add(set: Int32Array): void {
		if (set.length === 0) return;
		const id = this.sets.length;
		this.sets.push(set);
		for (let i = 0; i < Math.min(this.k, set.length); i++) push(this.byHead, set[i], id);
		push(this.byMin, set[0], id);
	}

	/** Is `mine` a strict sub- or superset of an earlier shown set, differing by fewer than k? */
	nestedNear(mine: Int32Array): boolean {
		if (mine.length === 0) return false;
		const near = (id: number): boolean => {
			const theirs = this.sets[id];
			const difference = Math.abs(mine.length - theirs.length);
			if (difference === 0 || difference >= this.k) return false;
			return intersectionSize(mine, theirs) === Math.min(mine.length, theirs.length);
		};
		for (const id of this.byHead.get(mine[0]) ?? []) if (this.sets[id].length > mine.length && near(id)) return true;
		for (let i = 0; i < Math.min(this.k, mine.length); i++) {
			for (const id of this.byMin.get(mine[i]) ?? []) if (this.sets[id].length < mine.length && near(id)) return true;
		}
		return false;
	}
}

function push(map: Map<number, number[]>, key: number, value: number): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * The order in which classes are offered for showing; earlier ones win when two cannot both be
 * shown. Unit totals first (the figures managers follow), then cells with one filter, then
 * cells with both; within each, more respondents first (so a parent comes before its children
 * and the smaller sibling is the one left out), then more members; ties by the smallest cell key.
 * With options.unitRank, units of a lower rank come before larger ones within each of the three.
 */
function showingOrder(prep: PreparedRound, options: DisclosureOptions): number[] {
	const filters = prep.classCells.map((cells) =>
		Math.min(...cells.map((key) => key.split(SEP).filter((part, i) => i > 0 && part !== ALL).length))
	);
	// A class ranks as its lowest-ranked cell: twins (a förvaltning with one enhet) rank as the förvaltning.
	const { unitRank } = options;
	const rank = prep.classCells.map((cells) =>
		unitRank
			? Math.min(
					...cells.map((key) => {
						const unitId = key.split(SEP)[0];
						const r = unitRank(unitId);
						if (!Number.isFinite(r)) throw new Error(`unitRank gave no rank for unit ${unitId}`);
						return r;
					})
				)
			: 0
	);
	const order = prep.classMembers.map((_, c) => c);
	const n = (c: number) => prep.classRespondents[c].length;
	// Class ids already follow the smallest cell key.
	return order.sort(
		(a, b) =>
			filters[a] - filters[b] ||
			rank[a] - rank[b] ||
			n(b) - n(a) ||
			prep.classMembers[b].length - prep.classMembers[a].length ||
			a - b
	);
}

/**
 * Rule 5, homogeneous groups: for each statement, which shown classes may show its mean and
 * distribution. If everyone in a group gave the same answer, the group's distribution tells each
 * member's answer; and what a reader can compute from the shown distributions of one statement
 * are exactly the distributions of the blocks of the cells that show it. So the same one pass as
 * for the figures, over the classes already shown (in the same order), with one condition: no
 * block of respondents may have given a single value. A homogeneous piece stays homogeneous when
 * split further, so one pass is final. The sizes need no check: these blocks are unions of the
 * figure blocks, each of ≥ k respondents, and nothing hidden becomes computable by showing less.
 * `offered` is the showingOrder of the round. Returns, per class, the indices of the statements
 * whose figures are withheld.
 */
function decideStatements(prep: PreparedRound, offered: readonly number[], shown: Uint8Array): number[][] {
	const hidden: number[][] = prep.classMembers.map(() => []);
	const { values, statements, valueSlots: slots, persons, responded } = prep;
	if (!values) return hidden;
	const order = offered.filter((c) => shown[c] === 1);
	for (let s = 0; s < statements; s++) {
		const valueOf = (p: number) => values[p * statements + s];
		const blockOf = new Int32Array(persons);
		const size = [0];
		const hist: Int32Array[] = [new Int32Array(slots)];
		for (let p = 0; p < persons; p++) {
			if (!responded[p]) continue;
			size[0]++;
			hist[0][valueOf(p)]++;
		}
		const count = new Int32Array(persons + 1);
		const single = (h: Int32Array) => h.reduce((distinct, n) => distinct + (n > 0 ? 1 : 0), 0) <= 1;
		for (const c of order) {
			const respondents = prep.classRespondents[c];
			const touched: number[] = [];
			const inside = new Map<number, Int32Array>();
			for (const p of respondents) {
				const b = blockOf[p];
				if (count[b]++ === 0) {
					touched.push(b);
					inside.set(b, new Int32Array(slots));
				}
				inside.get(b)![valueOf(p)]++;
			}
			let ok = true;
			for (const b of touched) {
				if (b !== 0 && count[b] === size[b]) continue;
				const h = inside.get(b)!;
				if (single(h)) ok = false;
				else if (b !== 0 && single(hist[b].map((n, v) => n - h[v]))) ok = false;
				if (!ok) break;
			}
			if (ok) {
				const renamed = new Map<number, number>();
				for (const b of touched) {
					if (b !== 0 && count[b] === size[b]) continue;
					renamed.set(b, size.length);
					size.push(count[b]);
					size[b] -= count[b];
					const h = inside.get(b)!;
					for (let v = 0; v < slots; v++) hist[b][v] -= h[v];
					hist.push(h);
				}
				for (const p of respondents) {
					const to = renamed.get(blockOf[p]);
					if (to !== undefined) blockOf[p] = to;
				}
			} else {
				hidden[c].push(s);
			}
			for (const b of touched) count[b] = 0;
		}
	}
	return hidden;
}

/**
 * Decide one round at threshold k. Classes are offered in `offered` (showingOrder) and shown only if the
 * invariant still holds afterwards:
 *  - every block of MEMBERS with a non-empty signature has ≥ k respondents (rules 1 and 2; a
 *    block of members with no or few respondents would tell who did not answer), and
 *  - no class held back by rule 3 becomes a union of blocks (it could be computed otherwise).
 * Showing a class only splits blocks, and a piece with too few respondents never gains any, so a
 * class refused once would be refused at any later point too: one pass decides everything.
 *
 * Consequence: no hidden class with fewer than k respondents can be computed from the shown
 * ones, and only shown cells matter for rule 3 in later rounds.
 */
function decideRound(prep: PreparedRound, offered: readonly number[], k: number, earlier: ShownHistory, globals: (Int32Array | undefined)[], frozen: ReadonlySet<string> = new Set()): RoundDecision {
	const classCount = prep.classMembers.length;
	const persons = prep.persons;
	const shown = new Uint8Array(classCount);
	const reason: (SuppressionReason | null)[] = new Array(classCount).fill(null);
	const decision: RoundDecision = { prep, shown, reason };
	const { responded } = prep;

	// Rule 3, decided before anything is shown: classes that changed slightly since an earlier
	// round are hidden, and their respondents must stay impossible to compute.
	const guarded: Int32Array[] = [];
	const guardedOf: number[][] = Array.from({ length: persons }, () => []);
	for (let c = 0; c < classCount; c++) {
		const respondents = prep.classRespondents[c];
		if (respondents.length < k) reason[c] = 'too_few';
		else if (prep.classCells[c].some((key) => frozen.has(key)) || (!earlier.empty && earlier.nestedNear(globalRespondentsOf(prep, globals, c)))) {
			reason[c] = 'changed_since_earlier_round';
			for (const p of respondents) guardedOf[p].push(guarded.length);
			guarded.push(respondents);
		}
	}
	// Which guarded classes have respondents in a block (a superset is fine: they are only rechecked).
	const guardedIn: Set<number>[] = [new Set(guarded.map((_, g) => g))];

	// The blocks: members with the same signature share a block id. Block 0 holds those in no
	// shown class; it has no minimum. Only block 0 can ever be emptied (other blocks are split
	// only into two non-empty parts), so there are at most persons + 1 block ids.
	const blockOf = new Int32Array(persons);
	const size = [persons];
	let everyoneAnswered = 0;
	for (let p = 0; p < persons; p++) everyoneAnswered += responded[p];
	const answered = [everyoneAnswered];
	const count = new Int32Array(persons + 1);
	const answeredIn = new Int32Array(persons + 1);
	const inClass = new Uint8Array(persons);
	const pieceCount = new Map<number, number>();

	const refusal = (members: Int32Array, touched: number[]): SuppressionReason | null => {
		for (const b of touched) {
			if (b !== 0 && count[b] === size[b]) continue; // the whole block: nothing is split
			if (answeredIn[b] < k) return 'protects_other_group';
			if (b !== 0 && answered[b] - answeredIn[b] < k) return 'protects_other_group';
		}
		// Would a guarded class become a union of blocks?
		const recheck = new Set<number>();
		for (const b of touched) for (const g of guardedIn[b]) recheck.add(g);
		if (recheck.size === 0) return null;
		for (const p of members) inClass[p] = 1;
		let ok = true;
		for (const g of recheck) {
			pieceCount.clear();
			let union = true;
			for (const p of guarded[g]) {
				const b = blockOf[p];
				if (b === 0 && !inClass[p]) {
					union = false; // stays in no shown cell
					break;
				}
				const piece = b * 2 + inClass[p];
				pieceCount.set(piece, (pieceCount.get(piece) ?? 0) + 1);
			}
			if (union) {
				for (const [piece, n] of pieceCount) {
					const b = piece >> 1;
					const pieceAnswered = piece & 1 ? answeredIn[b] : answered[b] - answeredIn[b];
					if (n !== pieceAnswered) {
						union = false;
						break;
					}
				}
			}
			if (union) {
				ok = false;
				break;
			}
		}
		for (const p of members) inClass[p] = 0;
		return ok ? null : 'protects_other_group';
	};

	for (const c of offered) {
		if (reason[c] !== null) continue;
		const members = prep.classMembers[c];
		const touched: number[] = [];
		for (const p of members) {
			if (count[blockOf[p]]++ === 0) touched.push(blockOf[p]);
			answeredIn[blockOf[p]] += responded[p];
		}
		const refused = refusal(members, touched);
		if (refused === null) {
			shown[c] = 1;
			// Split: the class's part of each block it cuts (or of block 0) becomes a new block.
			const renamed = new Map<number, number>();
			for (const b of touched) {
				if (b !== 0 && count[b] === size[b]) continue;
				renamed.set(b, size.length);
				size.push(count[b]);
				size[b] -= count[b];
				answered.push(answeredIn[b]);
				answered[b] -= answeredIn[b];
				guardedIn.push(new Set());
			}
			for (const p of members) {
				const to = renamed.get(blockOf[p]);
				if (to === undefined) continue;
				blockOf[p] = to;
				for (const g of guardedOf[p]) guardedIn[to].add(g);
			}
		} else {
			reason[c] = refused;
		}
		for (const b of touched) {
			count[b] = 0;
			answeredIn[b] = 0;
		}
	}
	return decision;
}

// --- The whole cube ----------------------------------------------------------------------------

/** A cell nobody is in: hidden for the same reason as a small one, so the two cannot be told apart. */
const EMPTY: CellDecision = Object.freeze({
	shown: false,
	textShown: false,
	n: 0,
	members: 0,
	reason: 'too_few',
	textReason: 'too_few',
	hiddenStatements: Object.freeze([])
});

/**
 * Decide every cell of every round. `rounds` must be in chronological order: a round's
 * decisions depend only on itself and the rounds before it. `options` choose which cells win
 * when not all can be shown (default: larger first, as reports decide).
 */
export function computeDisclosure(rounds: readonly RoundInput[], rules: Partial<AnonymityRules> = {}, options: DisclosureOptions = {}): Disclosure {
	const resolved = resolveRules(rules);
	const roundIds = rounds.map((r) => r.roundId);
	if (new Set(roundIds).size !== roundIds.length) throw new Error('A round is given twice');

	// Global person index = rank of the personId; the relative order of any two persons is
	// the same whatever other rounds are included, so decisions do not depend on them.
	const decider = roundDecider(rounds.flatMap((r) => r.respondents.map((p) => p.personId)), resolved, options);
	const decided = new Map<string, DecidedRound>();
	for (const round of rounds) decided.set(round.roundId, decider.decide(round));

	return Object.freeze({
		rules: resolved,
		roundIds: Object.freeze([...roundIds]),
		get(roundId: string, unitId: string, area: ActivityArea | null, title: CaseworkerTitle | null): CellDecision {
			const round = decided.get(roundId);
			const cell = round?.prep.cellByKey.get(cellKeyString(unitId, area ?? null, title ?? null));
			return round && cell ? round.decisions[cell.classId] : EMPTY;
		},
		cells(roundId: string): CellEntry[] {
			const round = decided.get(roundId);
			return round ? entriesOf(roundId, round) : [];
		}
	});
}

interface DecidedRound {
	prep: PreparedRound;
	decisions: CellDecision[];
	/** The cells rule 3 held back, per threshold (what retention freezes). */
	guards: FrozenGuards;
}

function entriesOf(roundId: string, round: DecidedRound): CellEntry[] {
	return [...round.prep.cellByKey.entries()]
		.sort(([a], [b]) => compareStrings(a, b))
		.map(([, cell]) => ({
			roundId,
			unitId: cell.unitId,
			area: cell.area,
			title: cell.title,
			...round.decisions[cell.classId]
		}));
}

/**
 * Decides rounds one after another in chronological order, keeping of each decided round only
 * what rule 3 needs later (the members of its shown cells): what computeDisclosure does, for
 * callers that handle one round at a time and need not keep them all (the stored decisions of
 * reports, at national size). `persons` must include everyone who answers any of the rounds;
 * more does no harm (only the order of person ids matters).
 */
export function decideRoundsInOrder(persons: Iterable<string>, rules: Partial<AnonymityRules> = {}): { decide(round: RoundInput): CellEntry[] } {
	const decider = roundDecider(persons, resolveRules(rules));
	const seen = new Set<string>();
	return {
		decide(round: RoundInput): CellEntry[] {
			if (seen.has(round.roundId)) throw new Error('A round is given twice');
			seen.add(round.roundId);
			return entriesOf(round.roundId, decider.decide(round));
		}
	};
}

function roundDecider(persons: Iterable<string>, resolved: AnonymityRules, options: DisclosureOptions = {}) {
	const personIds = [...new Set(persons)].sort(compareStrings);
	const globalOf = new Map(personIds.map((id, i) => [id, i]));
	const figureHistory = new ShownHistory(resolved.minGroup);
	const textHistory = new ShownHistory(resolved.minTextGroup);
	return {
		decide(round: RoundInput): DecidedRound {
			const prep = prepareRound(round, globalOf);
			const globals: (Int32Array | undefined)[] = new Array(prep.classMembers.length);
			const frozen = (cells: readonly GuardCell[] = []) => new Set(cells.map((g) => cellKeyString(g.unitId, g.area, g.title)));
			const offered = showingOrder(prep, options);
			const figures = decideRound(prep, offered, resolved.minGroup, figureHistory, globals, frozen(round.frozenGuards?.figures));
			const text = decideRound(prep, offered, resolved.minTextGroup, textHistory, globals, frozen(round.frozenGuards?.text));
			// Only after the round is decided: rule 3 compares with EARLIER rounds.
			prep.classMembers.forEach((_, c) => {
				if (figures.shown[c]) figureHistory.add(globalRespondentsOf(prep, globals, c));
				if (text.shown[c]) textHistory.add(globalRespondentsOf(prep, globals, c));
			});
			const statementsHidden = decideStatements(prep, offered, figures.shown);
			const decisions = prep.classMembers.map((members, c): CellDecision => {
				const shown = figures.shown[c] === 1;
				const textShown = shown && text.shown[c] === 1;
				return Object.freeze({
					shown,
					textShown,
					n: prep.classRespondents[c].length,
					members: members.length,
					reason: figures.reason[c],
					textReason: textShown ? null : (text.reason[c] ?? figures.reason[c]),
					hiddenStatements: Object.freeze(shown ? statementsHidden[c] : [])
				});
			});
			const guarded = (decision: RoundDecision): GuardCell[] =>
				prep.classCells.flatMap((keys, c) => (decision.reason[c] === 'changed_since_earlier_round' ? keys.map((key) => prep.cellByKey.get(key)!) : [])).map(({ unitId, area, title }) => ({ unitId, area, title }));
			return { prep, decisions, guards: { figures: guarded(figures), text: guarded(text) } };
		}
	};
}

/**
 * decideRoundsInOrder, also telling which cells rule 3 held back in each round: retention stores
 * them (frozenGuards) before it cuts the link between rounds that rule 3 needs.
 */
export function decideRoundsWithGuards(persons: Iterable<string>, rules: Partial<AnonymityRules> = {}): { decide(round: RoundInput): { entries: CellEntry[]; guards: FrozenGuards } } {
	const decider = roundDecider(persons, resolveRules(rules));
	return {
		decide(round: RoundInput) {
			const decided = decider.decide(round);
			return { entries: entriesOf(round.roundId, decided), guards: decided.guards };
		}
	};
}

/**
 * Identifies the decision procedure above. Stored decisions (see reports/disclosure-store.ts)
 * record it and are recomputed when it changes: bump it with any change to what computeDisclosure
 * decides.
 */
export const DISCLOSURE_ALGORITHM_VERSION = 2;
// 2 (issue 11): blocks of members (non-respondents included), one reason for small and empty,
// rule 3 across different cells, homogeneous groups.

/**
 * A Disclosure over decisions taken earlier by computeDisclosure and stored (every non-empty cell
 * of the given rounds, or the subset a request needs). A cell not among the entries is hidden as
 * 'too_few', so a missing entry can only hide, never show.
 */
export function disclosureFromEntries(
	rules: AnonymityRules,
	roundIds: readonly string[],
	entries: readonly CellEntry[]
): Disclosure {
	const byKey = new Map<string, CellDecision>();
	for (const e of entries) {
		const { shown, textShown, n, members, reason, textReason, hiddenStatements } = e;
		byKey.set(e.roundId + SEP + cellKeyString(e.unitId, e.area, e.title), Object.freeze({ shown, textShown: shown && textShown, n, members, reason, textReason, hiddenStatements }));
	}
	return Object.freeze({
		rules: resolveRules(rules),
		roundIds: Object.freeze([...roundIds]),
		get(roundId: string, unitId: string, area: ActivityArea | null, title: CaseworkerTitle | null): CellDecision {
			return byKey.get(roundId + SEP + cellKeyString(unitId, area ?? null, title ?? null)) ?? EMPTY;
		},
		cells(roundId: string): CellEntry[] {
			return entries
				.filter((e) => e.roundId === roundId)
				.map((e) => ({ ...e, ...byKey.get(roundId + SEP + cellKeyString(e.unitId, e.area, e.title))! }))
				.sort((a, b) => compareStrings(cellKeyString(a.unitId, a.area, a.title), cellKeyString(b.unitId, b.area, b.title)));
		}
	});
}

// --- Applying a decision to figures --------------------------------------------------------------

export type DisclosedCell<T> =
	| {
			shown: true;
			n: number;
			figures: T;
			textShown: boolean;
			textReason: SuppressionReason | null;
			textReasonText: string | null;
	  }
	| { shown: false; reason: SuppressionReason; reasonText: string };

/** A count with no free text (individual plans, incidents): no text fields at all. */
export type DisclosedCount<T> = { shown: true; n: number; figures: T } | { shown: false; reason: SuppressionReason; reasonText: string };

export type DisclosedText<T> =
	| { shown: true; n: number; texts: T }
	| { shown: false; reason: SuppressionReason; reasonText: string };

/**
 * The only way from raw figures of a cell to something a report may show: the figures come
 * back only if the cell is shown; otherwise only the reason (not even the count).
 */
export function discloseCell<T>(disclosure: Disclosure, key: CellKey, figures: T): DisclosedCell<T> {
	const d = disclosure.get(key.roundId, key.unitId, key.area, key.title);
	if (!d.shown) {
		const reason = d.reason ?? 'protects_other_group';
		return { shown: false, reason, reasonText: reasonText(reason, disclosure.rules, 'respondents') };
	}
	return {
		shown: true,
		n: d.n,
		figures,
		textShown: d.textShown,
		textReason: d.textReason,
		textReasonText: d.textReason ? textReasonText(d.textReason, disclosure.rules) : null
	};
}

/**
 * The same for counts about employees that have no free text: individual action plans (the
 * people counted are those with a plan) and incidents (those who reported one). The reason
 * speaks of them, not of survey respondents.
 */
export function discloseCount<T>(disclosure: Disclosure, key: CellKey, figures: T, subject: Exclude<ReasonSubject, 'respondents'>): DisclosedCount<T> {
	const d = disclosure.get(key.roundId, key.unitId, key.area, key.title);
	if (!d.shown) {
		const reason = d.reason ?? 'protects_other_group';
		return { shown: false, reason, reasonText: reasonText(reason, disclosure.rules, subject) };
	}
	return { shown: true, n: d.n, figures };
}

/**
 * Counts of respondents who wrote about each theme in their texts (issue 15). Each is a sum over
 * the cell's respondents of a 0/1 value per person, so additive like every figure of the cell:
 * the block argument (rule 2) and the guards across rounds (rule 3) cover them, and they are
 * shown exactly when the cell's figures are. The split by score band carries the answers'
 * values, so it is withheld wherever the cell withholds a statement's distribution (rule 5).
 */
export interface ThemeCountFigures {
	wrote: number;
	low: number | null;
	middle: number | null;
	high: number | null;
	positive: number;
}

export function discloseThemeCounts<T extends ThemeCountFigures>(disclosure: Disclosure, key: CellKey, counts: readonly T[]): DisclosedCell<T[]> {
	const d = disclosure.get(key.roundId, key.unitId, key.area, key.title);
	const bandsWithheld = d.hiddenStatements.length > 0;
	return discloseCell(
		disclosure,
		key,
		counts.map((c) => (bandsWithheld ? { ...c, low: null, middle: null, high: null } : { ...c }))
	);
}

/** The same for the free-text answers (motivations) of a cell. */
export function discloseText<T>(disclosure: Disclosure, key: CellKey, texts: T): DisclosedText<T> {
	const d = disclosure.get(key.roundId, key.unitId, key.area, key.title);
	if (!d.textShown) {
		const reason = d.textReason ?? 'protects_other_group';
		return { shown: false, reason, reasonText: textReasonText(reason, disclosure.rules) };
	}
	return { shown: true, n: d.n, texts };
}

/**
 * The median of cases per employee is not additive, so the block argument does not cover it
 * (decision 0002, rule 6). It is shown only for a shown cell of at least 2k respondents, and
 * rounded to whole cases: at least k people lie on each side of it, and within a round (rule 2)
 * and across rounds (rule 3) no other shown cell differs from this one by fewer than k
 * respondents, so no comparison of medians isolates one person's value.
 */
export function discloseMedian(median: number | null, n: number, rules: AnonymityRules): number | null {
	if (median === null || n < 2 * rules.minGroup) return null;
	return Math.round(median);
}

// --- Progress of an open round ----------------------------------------------------------------

/**
 * Which cells of an open round may show their progress (respondents of members). Decided from
 * the membership alone — fixed when the round opens — with the block argument over members at
 * threshold k (rules 1 and 2): every block of members with a non-empty signature has ≥ k
 * members, so any combination of shown progress tells at most how many of ≥ k people have
 * answered, never whether one person has. Because it depends on nothing that changes while the
 * round is open, the set of shown cells does not move as answers arrive.
 */
export function decideProgress(roundId: string, members: readonly Respondent[], rules: Partial<AnonymityRules> = {}): Disclosure {
	return computeDisclosure([{ roundId, respondents: members.map((m) => ({ personId: m.personId, unitPath: m.unitPath, activityArea: m.activityArea, title: m.title })) }], rules);
}

export type DisclosedProgress = { shown: true; members: number; respondents: number } | { shown: false; reason: SuppressionReason; reasonText: string };

/** The progress of one cell of an open round, if decideProgress lets it be shown. */
export function discloseProgress(progress: Disclosure, key: CellKey, counts: { members: number; respondents: number }): DisclosedProgress {
	const d = progress.get(key.roundId, key.unitId, key.area, key.title);
	// Membership that no longer matches the decision (it changed after it was taken) is not shown.
	if (!d.shown || d.n !== counts.members) {
		const reason = d.shown ? 'protects_other_group' : (d.reason ?? 'protects_other_group');
		return { shown: false, reason, reasonText: reasonText(reason, progress.rules, 'members') };
	}
	return { shown: true, members: counts.members, respondents: counts.respondents };
}
