/**
 * Exact linear algebra over the rationals for the tests: is a vector a linear combination of
 * others? Integer (fraction-free) elimination with BigInt, so there is no rounding.
 */

function gcd(a: bigint, b: bigint): bigint {
	a = a < 0n ? -a : a;
	b = b < 0n ? -b : b;
	while (b !== 0n) [a, b] = [b, a % b];
	return a;
}

function normalise(v: bigint[]): void {
	let g = 0n;
	for (const x of v) if (x !== 0n) g = gcd(g, x);
	if (g > 1n) for (let i = 0; i < v.length; i++) v[i] /= g;
}

export class RationalSpan {
	/** Echelon rows: each has zeros at the pivots of the rows before it. */
	private readonly rows: { pivot: number; v: bigint[] }[] = [];

	constructor(readonly dimension: number) {}

	get rank(): number {
		return this.rows.length;
	}

	private reduce(vector: readonly (number | bigint)[]): bigint[] {
		if (vector.length !== this.dimension) throw new Error('dimension mismatch');
		const w = vector.map((x) => BigInt(x));
		for (const { pivot, v } of this.rows) {
			const a = w[pivot];
			if (a === 0n) continue;
			const p = v[pivot];
			for (let i = 0; i < w.length; i++) w[i] = w[i] * p - v[i] * a;
			normalise(w);
		}
		return w;
	}

	/** Adds a vector; returns false if it was already in the span. */
	add(vector: readonly (number | bigint)[]): boolean {
		const w = this.reduce(vector);
		const pivot = w.findIndex((x) => x !== 0n);
		if (pivot < 0) return false;
		this.rows.push({ pivot, v: w });
		return true;
	}

	contains(vector: readonly (number | bigint)[]): boolean {
		return this.reduce(vector).every((x) => x === 0n);
	}
}

/** 0/1 indicator vector of `members` over the coordinates `universe`. */
export function indicator(universe: readonly string[], members: ReadonlySet<string>): number[] {
	return universe.map((id) => (members.has(id) ? 1 : 0));
}
