/**
 * A cell's breakdown into categories of which one person may carry several — the forms of the
 * incidents an employee reported in a year (hot, våld, …; decision 0021). Decided after the cells'
 * own decisions (computeDisclosure) and only where those show the cell.
 *
 * The categories are not units: nobody outside knows who had which form, so carrying them as
 * virtual units (decision 0015) asked more than the block argument needs — the overlap "threat and
 * harassment" of 3 in a whole kommun was treated as computable, and hid the kommun's forms. Here a
 * category is a per-person 0/1 value shown as a sum over the cell, like a figure, with a rule of
 * its own that makes the linear argument hold for it (exact linear algebra in
 * breakdown.property.unit.test.ts):
 *
 *  - A cell shows all its categories or none, the zeros included ("the breakdown cells"), and only
 *    where its own count is shown. So what can be combined from the categories is constant on the
 *    blocks of the breakdown cells (people grouped by the breakdown cells that contain them), and
 *    those blocks are unions of the blocks of the shown counts.
 *  - In every block G of the breakdown cells, for each category f present in G: at least k people
 *    have f, and nobody or at least k do not; where exactly two categories are present, nobody or
 *    at least k have both, and nobody or at least k have only one.
 *
 * Why that is enough: with three or more categories possible in a block, the only counts a linear
 * combination can give there are "everyone", "with f" and "without f" (any other mix counts some
 * person twice or negatively for some combination of categories); with two, also "both" and "only
 * one"; with one, only "everyone". Sums of figures per category give, per block, sums over the
 * people with some category in a set — at least the k with any one of them. So every count or sum
 * that can be computed is a sum of such pieces, each nobody or at least k, on top of the shown
 * counts' own blocks. Categories of different years (rounds) are different values, so nothing is
 * carried across rounds.
 *
 * Cells are offered once each, by rank (lower first), then larger first, then by key: a cell is
 * taken only if every block still meets the rule with it, so the decisions depend on the data only.
 */
import type { AnonymityRules, CellKey, Disclosure, DisclosedCount } from './disclosure';
import { reasonText, type ReasonSubject } from './reasons';

export interface BreakdownCandidate {
	key: CellKey;
	/** The people counted in the cell (its respondents). */
	members: readonly string[];
	/** From the data (the tree), never from who asks; lower is offered first. */
	rank: number;
}

export interface Breakdown {
	/** The rules the counts were decided by (the reasons name them). */
	readonly rules: AnonymityRules;
	shown(key: CellKey): boolean;
}

const keyOf = (k: CellKey) => `${k.roundId}\u0000${k.unitId}\u0000${k.area ?? ''}\u0000${k.title ?? ''}`;

/** Per block: how many people, how many with each category, how many with each pair. */
interface Stats {
	n: number;
	with: number[];
	both: number[][];
}

const emptyStats = (c: number): Stats => ({ n: 0, with: Array(c).fill(0), both: Array.from({ length: c }, () => Array(c).fill(0)) });

function addPerson(s: Stats, cats: readonly number[], sign: 1 | -1): void {
	s.n += sign;
	for (const f of cats) s.with[f] += sign;
	for (const f of cats) for (const g of cats) if (f < g) s.both[f][g] += sign;
}

function minus(a: Stats, b: Stats): Stats {
	return {
		n: a.n - b.n,
		with: a.with.map((x, f) => x - b.with[f]),
		both: a.both.map((row, f) => row.map((x, g) => x - b.both[f][g]))
	};
}

/** The rule for one block (see the head of the file). */
export function blockMeetsRule(s: Stats, k: number): boolean {
	if (s.n === 0) return true;
	const nobodyOrK = (x: number) => x === 0 || x >= k;
	const present = s.with.flatMap((x, f) => (x > 0 ? [f] : []));
	for (const f of present) if (s.with[f] < k || !nobodyOrK(s.n - s.with[f])) return false;
	if (present.length === 2) {
		const both = s.both[present[0]][present[1]];
		if (!nobodyOrK(both) || !nobodyOrK(s.n - both)) return false;
	}
	return true;
}

/**
 * Decides which cells show their breakdown. `categoriesOf` gives each person's categories (each
 * from `categories`); a candidate whose count the disclosure hides is never taken.
 */
export function decideBreakdown(
	disclosure: Disclosure,
	categories: readonly string[],
	categoriesOf: ReadonlyMap<string, readonly string[]>,
	candidates: readonly BreakdownCandidate[]
): Breakdown {
	const k = disclosure.rules.minGroup;
	const catIndex = new Map(categories.map((c, i) => [c, i]));
	const shown = new Set<string>();
	// Blocks per round: the breakdown cells of one round are one family; rounds are independent.
	const rounds = new Map<string, { blockOf: Map<string, number>; stats: Map<number, Stats>; next: number }>();

	const ordered = candidates
		.map((c) => ({ ...c, id: keyOf(c.key) }))
		.sort((a, b) => a.rank - b.rank || b.members.length - a.members.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const c of ordered) {
		const d = disclosure.get(c.key.roundId, c.key.unitId, c.key.area, c.key.title);
		if (!d.shown || c.members.length === 0) continue;
		let r = rounds.get(c.key.roundId);
		if (!r) rounds.set(c.key.roundId, (r = { blockOf: new Map(), stats: new Map(), next: 1 }));

		// Split every block the cell touches into its part inside the cell and the rest. Block 0 is
		// the people in no breakdown cell yet: nothing is shown about them, so it has no rule.
		const inside = new Map<number, Stats>();
		for (const id of c.members) {
			const b = r.blockOf.get(id) ?? 0;
			let s = inside.get(b);
			if (!s) inside.set(b, (s = emptyStats(categories.length)));
			addPerson(s, catsOf(id), 1);
		}
		const fits = [...inside].every(([b, part]) => blockMeetsRule(part, k) && (b === 0 || blockMeetsRule(minus(r.stats.get(b)!, part), k)));
		if (!fits) continue;

		shown.add(c.id);
		const renamed = new Map<number, number>();
		for (const [b, part] of inside) {
			const to = r.next++;
			renamed.set(b, to);
			r.stats.set(to, part);
			if (b !== 0) r.stats.set(b, minus(r.stats.get(b)!, part));
		}
		for (const id of c.members) r.blockOf.set(id, renamed.get(r.blockOf.get(id) ?? 0)!);
	}

	function catsOf(id: string): number[] {
		return [...new Set(categoriesOf.get(id) ?? [])].map((c) => {
			const i = catIndex.get(c);
			if (i === undefined) throw new Error(`unknown category ${c}`);
			return i;
		});
	}

	return { rules: disclosure.rules, shown: (key) => shown.has(keyOf(key)) };
}

/**
 * The only way from a category's raw count and figures in a cell to what may be shown: back only
 * where the cell shows its breakdown; otherwise the reason (fewer than k, or none; or that it
 * protects a smaller group), never the count.
 */
export function discloseBreakdown<T>(breakdown: Breakdown, key: CellKey, count: number, figures: T, subject: Exclude<ReasonSubject, 'respondents'>): DisclosedCount<T> {
	if (breakdown.shown(key)) return { shown: true, n: count, figures };
	const reason = count < breakdown.rules.minGroup ? 'too_few' : 'protects_other_group';
	return { shown: false, reason, reasonText: reasonText(reason, breakdown.rules, subject) };
}
