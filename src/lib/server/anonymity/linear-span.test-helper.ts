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

/**
 * The same question modulo a prime, for tests that ask it thousands of times: a vector of small
 * integers is in the rational span exactly when it is in the span mod p, unless p divides one of
 * the (few, small) minors involved — with p ≈ 10⁶ and 0/±1 vectors of a few hundred coordinates
 * that is not a practical concern, and the slow exact class above stays for the small cases.
 */
export class ModularSpan {
	static readonly P = 1_000_003;
	private readonly rows: { pivot: number; v: Float64Array }[] = [];

	constructor(readonly dimension: number) {}

	get rank(): number {
		return this.rows.length;
	}

	private reduce(vector: readonly number[]): Float64Array {
		if (vector.length !== this.dimension) throw new Error('dimension mismatch');
		const P = ModularSpan.P;
		const w = Float64Array.from(vector, (x) => ((x % P) + P) % P);
		for (const { pivot, v } of this.rows) {
			const a = w[pivot];
			if (a === 0) continue;
			for (let i = 0; i < w.length; i++) if (v[i] !== 0) w[i] = (((w[i] - a * v[i]) % P) + P) % P;
		}
		return w;
	}

	add(vector: readonly number[]): boolean {
		const w = this.reduce(vector);
		const pivot = w.findIndex((x) => x !== 0);
		if (pivot < 0) return false;
		const inv = modPow(w[pivot], ModularSpan.P - 2, ModularSpan.P);
		for (let i = 0; i < w.length; i++) w[i] = (w[i] * inv) % ModularSpan.P;
		this.rows.push({ pivot, v: w });
		return true;
	}

	contains(vector: readonly number[]): boolean {
		return this.reduce(vector).every((x) => x === 0);
	}
}

function modPow(base: number, exp: number, mod: number): number {
	let result = 1;
	let b = base % mod;
	while (exp > 0) {
		if (exp & 1) result = (result * b) % mod;
		b = (b * b) % mod;
		exp = Math.floor(exp / 2);
	}
	return result;
}
