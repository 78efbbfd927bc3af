/**
 * A small seeded pseudo-random generator (mulberry32) so demo and test data are identical on
 * every run. Never use Math.random in the demo code.
 */

/** mulberry32: a 32-bit state, fast, and good enough for test data (not for secrets). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A 32-bit string hash (FNV-1a), used to derive independent streams from one seed. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export class Random {
	private readonly next01: () => number;

	constructor(readonly seed: number) {
		this.next01 = mulberry32(seed);
	}

	/**
	 * An independent stream for one purpose, so drawing more numbers in one part of the data
	 * does not shift every number drawn after it elsewhere.
	 */
	fork(label: string): Random {
		return new Random(hashString(`${this.seed}:${label}`));
	}

	/** [0, 1) */
	next(): number {
		return this.next01();
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next01() * (max - min + 1));
	}

	float(min: number, max: number): number {
		return min + this.next01() * (max - min);
	}

	chance(probability: number): boolean {
		return this.next01() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next01() * items.length)];
	}

	/** Picks by weight: [[value, weight], …]. */
	weighted<T>(options: readonly (readonly [T, number])[]): T {
		const total = options.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next01() * total;
		for (const [value, w] of options) {
			r -= w;
			if (r < 0) return value;
		}
		return options[options.length - 1][0];
	}

	/** Normal distribution (Box–Muller). */
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next01(); // (0, 1], so log() stays finite
		const v = this.next01();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** A shuffled copy (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(this.next01() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy;
	}

	/** A version-4-shaped uuid from the stream, so ids are the same on every run too. */
	uuid(): string {
		const bytes: number[] = [];
		for (let i = 0; i < 16; i++) bytes.push(Math.floor(this.next01() * 256));
		bytes[6] = (bytes[6] & 0x0f) | 0x40;
		bytes[8] = (bytes[8] & 0x3f) | 0x80;
		const h = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
	}

	/** A moment uniformly between two dates. */
	dateBetween(from: Date, to: Date): Date {
		return new Date(from.getTime() + Math.floor(this.next01() * Math.max(0, to.getTime() - from.getTime())));
	}
}
