/**
 * FROZEN reference (tests only): the anonymity decision as it was before issue 11 (December 2026),
 * self-contained — it imports nothing from the application, so no change there can change it.
 * Do not edit; the equivalence test says where the live module is expected to differ.
 */
// FROZEN REFERENCE, for tests only: disclosure.ts exactly as it was when the anonymity tests were
// written (commit ccda927), before it was made faster. disclosure.equivalence.unit.test.ts checks
// that the decisions of the current code are still exactly these. Never change this file.
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
 * The rules, and why they are enough:
 *  1. Primary: a cell with 1 ≤ n < k is hidden.
 *  2. Secondary (differencing within a round), the BLOCK ARGUMENT: give every respondent the
 *     signature "set of shown cells that contain me", and group respondents with the same
 *     non-empty signature into blocks. Each shown cell is a union of whole blocks, so every
 *     linear combination of shown aggregates — whatever the coefficients — weights all members
 *     of a block equally and gives 0 to people in no shown cell: it can at most reveal sums
 *     over whole blocks. If every block has ≥ k members, no group of fewer than k (no single
 *     person, no hidden small cell, no "parent minus shown children" residual) can be computed
 *     from what is shown, however many views are combined. Overlapping filters (område ×
 *     titel × enhet) are just more cells and are covered by the same argument.
 *  3. Differencing across rounds: the same cell in a later round whose members are a strict
 *     superset or subset of its members in an earlier round, differing by fewer than k people,
 *     would reveal the answers of the few who came or left (if the others answer much as
 *     before). If the earlier cell was shown, the later one is hidden, and it is also kept from
 *     being a union of blocks — otherwise "avdelning minus the other enheter" would give it
 *     anyway. Earlier rounds are never revisited, so history stays stable when a round is
 *     added. A swap (one left, one joined) is not a subset relation and is allowed.
 *  4. Free text is decided by the same rules with k = minTextGroup, and is only shown where
 *     the figures are shown too. (Hiding more cells only merges blocks, so that keeps rule 2.)
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
 * unit totals win.
 *
 * Cells with exactly the same members are the same vector: they are decided together (a
 * "class"), otherwise one could show what its twin hides.
 *
 * Note for report code: the guarantee is about groups of respondents. A figure over a subset
 * of a cell's respondents (e.g. only those who answered an optional question) must be treated
 * as its own group by the caller.
 */
// Inlined, as they were when this copy was frozen (December 2026), so that no change to the live
// domain or reason texts can change what the reference decides.
const ACTIVITY_AREAS = ['barn_och_unga', 'ekonomiskt_bistand', 'socialpsykiatri', 'missbruk_beroende', 'funktionsnedsattning', 'aldreomsorg'] as const;
const CASEWORKER_TITLES = ['socialsekreterare', 'bistandshandlaggare'] as const;
type ActivityArea = (typeof ACTIVITY_AREAS)[number];
type CaseworkerTitle = (typeof CASEWORKER_TITLES)[number];

type Rules = Pick<AnonymityRules, 'minGroup' | 'minTextGroup'>;

function reasonText(reason: SuppressionReason, rules: Rules): string {
	switch (reason) {
		case 'empty':
			return 'Inga svar i den här gruppen.';
		case 'too_few':
			return `Färre än ${rules.minGroup} svarande – visas inte för att ingen ska kunna pekas ut.`;
		case 'protects_other_group':
			return 'Dold för att skydda en mindre grupp: annars kunde den räknas fram ur de andra siffrorna.';
		case 'changed_since_earlier_round':
			return `Dold: gruppen har ändrats med färre än ${rules.minGroup} personer sedan en tidigare omgång, så en enskild persons svar kunde räknas fram.`;
	}
}

function textReasonText(reason: SuppressionReason, rules: Rules): string {
	switch (reason) {
		case 'empty':
			return 'Inga svar i den här gruppen.';
		case 'too_few':
			return `Motiveringarna visas bara för grupper med minst ${rules.minTextGroup} svarande, så att ingen ska kunna kännas igen på hur de skriver.`;
		case 'protects_other_group':
			return 'Motiveringarna är dolda för att skydda en mindre grupp: annars kunde den gruppens svar pekas ut genom att jämföra med andra grupper.';
		case 'changed_since_earlier_round':
			return `Motiveringarna är dolda: gruppen har ändrats med färre än ${rules.minTextGroup} personer sedan en tidigare omgång, så en enskild persons svar kunde pekas ut.`;
	}
}

// --- Public types -------------------------------------------------------------------------

export type SuppressionReason = 'empty' | 'too_few' | 'protects_other_group' | 'changed_since_earlier_round';

export interface AnonymityRules {
	/** Smallest group whose figures may be shown. Default 5, never below 3. */
	minGroup: number;
	/** Smallest group whose free-text answers may be shown. Default max(10, minGroup). */
	minTextGroup: number;
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
}

export interface RoundInput {
	roundId: string;
	/** Those who answered the round. */
	respondents: readonly Respondent[];
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
	/** Why the figures are hidden; null when shown. */
	reason: SuppressionReason | null;
	/** Why the free text is hidden; null when shown. */
	textReason: SuppressionReason | null;
}

export type CellEntry = CellKey & CellDecision;

export interface Disclosure {
	readonly rules: AnonymityRules;
	/** In the chronological order given. */
	readonly roundIds: readonly string[];
	/** The decision for any cell; a cell nobody is in is hidden with reason 'empty'. */
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
	/** Per class: members as local indices, increasing. */
	classMembers: Int32Array[];
	/** Per class: its smallest cell key, the deterministic tie-breaker. */
	classKey: string[];
	/** Per class: the keys of its cells (all with the same members). */
	classCells: string[][];
	/** Per local person: the classes that contain the person, increasing. */
	personClasses: Int32Array[];
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
	const respondents = [...input.respondents].sort((a, b) => compareStrings(a.personId, b.personId));
	const globalIndex = new Int32Array(respondents.length);
	// Cells are first collected under a numeric id (unit × area × title) to spare the garbage
	// collector ~20 string keys per respondent; the string key is made once per cell.
	const unitIndex = new Map<string, number>();
	type Collected = { unitId: string; area: ActivityArea | null; title: CaseworkerTitle | null; list: number[] };
	const byId = new Map<number, Collected>();

	respondents.forEach((r, i) => {
		if (i > 0 && respondents[i - 1].personId === r.personId) {
			throw new Error(`Round ${input.roundId}: person ${r.personId} answers twice`);
		}
		const areaCode = AREA_CODE.get(r.activityArea);
		const titleCode = TITLE_CODE.get(r.title);
		if (areaCode === undefined) throw new Error(`Unknown activity area: ${String(r.activityArea)}`);
		if (titleCode === undefined) throw new Error(`Title may not answer a round: ${String(r.title)}`);
		if (r.unitPath.length === 0) throw new Error(`Round ${input.roundId}: person ${r.personId} has no unit`);
		globalIndex[i] = globalOf.get(r.personId)!;
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
	const classKey: string[] = [];
	const classCells: string[][] = [];
	const perPerson: number[][] = respondents.map(() => []);
	classes.forEach((c, classId) => {
		classMembers.push(Int32Array.from(c.list));
		classKey.push(c.cells[0]);
		classCells.push(c.cells);
		for (const key of c.cells) {
			const { unitId, area, title } = members.get(key)!;
			cellByKey.set(key, { unitId, area, title, classId });
		}
		for (const p of c.list) perPerson[p].push(classId); // class ids visited in increasing order
	});

	return {
		roundId: input.roundId,
		globalIndex,
		cellByKey,
		classMembers,
		classKey,
		classCells,
		personClasses: perPerson.map((l) => Int32Array.from(l))
	};
}

// --- Decision for one round at one threshold -------------------------------------------------

interface RoundDecision {
	prep: PreparedRound;
	shown: Uint8Array;
	reason: (SuppressionReason | null)[];
	/** Per class, lazily: members as global indices, increasing. */
	globalMembers: (Int32Array | undefined)[];
}

function globalMembersOf(d: RoundDecision, classId: number): Int32Array {
	let g = d.globalMembers[classId];
	if (!g) {
		const local = d.prep.classMembers[classId];
		g = new Int32Array(local.length);
		for (let i = 0; i < local.length; i++) g[i] = d.prep.globalIndex[local[i]];
		d.globalMembers[classId] = g;
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
 * Rule 3: is this class a small change (a strict superset or subset, by fewer than k people)
 * of the same cell shown in an earlier round? (Only shown cells can be known: decideRound
 * leaves no hidden class computable, see there.)
 */
function changedSlightly(
	decision: RoundDecision,
	classId: number,
	earlier: readonly RoundDecision[],
	k: number
): boolean {
	const mine = globalMembersOf(decision, classId);
	for (const before of earlier) {
		const compared = new Set<number>();
		for (const key of decision.prep.classCells[classId]) {
			const cell = before.prep.cellByKey.get(key);
			if (!cell || !before.shown[cell.classId] || compared.has(cell.classId)) continue;
			compared.add(cell.classId);
			const theirs = globalMembersOf(before, cell.classId);
			const difference = Math.abs(mine.length - theirs.length);
			if (difference === 0 || difference >= k) continue;
			if (intersectionSize(mine, theirs) !== Math.min(mine.length, theirs.length)) continue;
			return true;
		}
	}
	return false;
}

/**
 * The order in which classes are offered for showing; earlier ones win when two cannot both be
 * shown. Unit totals first (the figures managers follow), then cells with one filter, then
 * cells with both; within each, larger cells first (so a parent comes before its children and
 * the smaller sibling is the one left out); ties by the smallest cell key.
 */
function showingOrder(prep: PreparedRound): number[] {
	const filters = prep.classCells.map((cells) =>
		Math.min(...cells.map((key) => key.split(SEP).filter((part, i) => i > 0 && part !== ALL).length))
	);
	const order = prep.classMembers.map((_, c) => c);
	// Class ids already follow the smallest cell key.
	return order.sort(
		(a, b) => filters[a] - filters[b] || prep.classMembers[b].length - prep.classMembers[a].length || a - b
	);
}

/**
 * Decide one round at threshold k. Classes are offered in showingOrder and shown only if the
 * invariant still holds afterwards:
 *  - every block with a non-empty signature has ≥ k members (rules 1 and 2), and
 *  - no class held back by rule 3 becomes a union of blocks (it could be computed otherwise).
 * Showing a class only splits blocks, and a small piece never grows back by showing more, so a
 * class refused once would be refused at any later point too: one pass decides everything.
 * A class of n < k is always refused (it would be a block, or split one, below k).
 *
 * Consequence: no hidden class can be computed from the shown ones. At the end every hidden
 * class is refused (or n < k, or guarded); if it were a union of blocks, showing it would split
 * nothing and be accepted. So only shown cells matter for rule 3 in later rounds.
 */
function decideRound(prep: PreparedRound, k: number, earlier: readonly RoundDecision[]): RoundDecision {
	const classCount = prep.classMembers.length;
	const persons = prep.personClasses.length;
	const shown = new Uint8Array(classCount);
	const reason: (SuppressionReason | null)[] = new Array(classCount).fill(null);
	const decision: RoundDecision = { prep, shown, reason, globalMembers: new Array(classCount) };

	// Rule 3, decided before anything is shown: classes that changed slightly since an earlier
	// round are hidden, and must stay impossible to compute.
	const guarded: Int32Array[] = [];
	const guardedOf: number[][] = Array.from({ length: persons }, () => []);
	for (let c = 0; c < classCount; c++) {
		const members = prep.classMembers[c];
		if (members.length < k) reason[c] = 'too_few';
		else if (earlier.length > 0 && changedSlightly(decision, c, earlier, k)) {
			reason[c] = 'changed_since_earlier_round';
			for (const p of members) guardedOf[p].push(guarded.length);
			guarded.push(members);
		}
	}
	// Which guarded classes have members in a block (a superset is fine: they are only rechecked).
	const guardedIn: Set<number>[] = [new Set(guarded.map((_, g) => g))];

	// The blocks: respondents with the same signature share a block id. Block 0 holds those in
	// no shown class; it has no minimum size.
	// Only block 0 can ever be emptied (other blocks are split only into two non-empty parts), so
	// there are at most persons + 1 block ids.
	const blockOf = new Int32Array(persons);
	const size = [persons];
	const count = new Int32Array(persons + 1);
	const inClass = new Uint8Array(persons);
	const pieceCount = new Map<number, number>();

	const acceptable = (members: Int32Array, touched: number[]): boolean => {
		for (const b of touched) {
			const inside = count[b];
			const outside = size[b] - inside;
			if (inside < k) return false;
			if (b !== 0 && outside > 0 && outside < k) return false;
		}
		// Would a guarded class become a union of blocks?
		const recheck = new Set<number>();
		for (const b of touched) for (const g of guardedIn[b]) recheck.add(g);
		if (recheck.size === 0) return true;
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
					const pieceSize = piece & 1 ? count[b] : size[b] - count[b];
					if (n !== pieceSize) {
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
		return ok;
	};

	for (const c of showingOrder(prep)) {
		if (reason[c] !== null) continue;
		const members = prep.classMembers[c];
		const touched: number[] = [];
		for (const p of members) if (count[blockOf[p]]++ === 0) touched.push(blockOf[p]);
		if (acceptable(members, touched)) {
			shown[c] = 1;
			// Split: the class's part of each block it cuts (or of block 0) becomes a new block.
			const renamed = new Map<number, number>();
			for (const b of touched) {
				if (b !== 0 && count[b] === size[b]) continue;
				renamed.set(b, size.length);
				size.push(count[b]);
				size[b] -= count[b];
				guardedIn.push(new Set());
			}
			for (const p of members) {
				const to = renamed.get(blockOf[p]);
				if (to === undefined) continue;
				blockOf[p] = to;
				for (const g of guardedOf[p]) guardedIn[to].add(g);
			}
		} else {
			reason[c] = 'protects_other_group';
		}
		for (const b of touched) count[b] = 0;
	}
	return decision;
}

// --- The whole cube ----------------------------------------------------------------------------

const EMPTY: CellDecision = Object.freeze({
	shown: false,
	textShown: false,
	n: 0,
	reason: 'empty',
	textReason: 'empty'
});

/**
 * Decide every cell of every round. `rounds` must be in chronological order: a round's
 * decisions depend only on itself and the rounds before it.
 */
export function computeDisclosure(rounds: readonly RoundInput[], rules: Partial<AnonymityRules> = {}): Disclosure {
	const resolved = resolveRules(rules);
	const roundIds = rounds.map((r) => r.roundId);
	if (new Set(roundIds).size !== roundIds.length) throw new Error('A round is given twice');

	// Global person index = rank of the personId; the relative order of any two persons is
	// the same whatever other rounds are included, so decisions do not depend on them.
	const personIds = [...new Set(rounds.flatMap((r) => r.respondents.map((p) => p.personId)))].sort(compareStrings);
	const globalOf = new Map(personIds.map((id, i) => [id, i]));

	const figureHistory: RoundDecision[] = [];
	const textHistory: RoundDecision[] = [];
	const decided = new Map<string, { prep: PreparedRound; decisions: CellDecision[] }>();
	for (const round of rounds) {
		const prep = prepareRound(round, globalOf);
		const figures = decideRound(prep, resolved.minGroup, figureHistory);
		const text = decideRound(prep, resolved.minTextGroup, textHistory);
		figureHistory.push(figures);
		textHistory.push(text);
		const decisions = prep.classMembers.map((members, c): CellDecision => {
			const shown = figures.shown[c] === 1;
			const textShown = shown && text.shown[c] === 1;
			return Object.freeze({
				shown,
				textShown,
				n: members.length,
				reason: figures.reason[c],
				textReason: textShown ? null : (text.reason[c] ?? figures.reason[c])
			});
		});
		decided.set(round.roundId, { prep, decisions });
	}

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
			if (!round) return [];
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
		return { shown: false, reason, reasonText: reasonText(reason, disclosure.rules) };
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

/** The same for the free-text answers (motivations) of a cell. */
export function discloseText<T>(disclosure: Disclosure, key: CellKey, texts: T): DisclosedText<T> {
	const d = disclosure.get(key.roundId, key.unitId, key.area, key.title);
	if (!d.textShown) {
		const reason = d.textReason ?? 'protects_other_group';
		return { shown: false, reason, reasonText: textReasonText(reason, disclosure.rules) };
	}
	return { shown: true, n: d.n, texts };
}
