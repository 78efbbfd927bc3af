import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { assertConfirmed, leaverGuard, pageOf } from './guard';

/** Swedish numbers group thousands with a no-break space; compared here with a plain one. */
const plain = (s: string | undefined) => s?.replace(/\u00a0/g, ' ');
const refusal = (f: () => void) => {
	try {
		f();
	} catch (e) {
		if (e instanceof DomainError) return e;
		throw e;
	}
	return null;
};

describe('the leaver guard', () => {
	it('needs confirmation only above the share', () => {
		expect(leaverGuard(10, 100, 10).needsConfirm).toBe(false); // exactly 10 %: not more than
		expect(leaverGuard(11, 100, 10)).toMatchObject({ needsConfirm: true, share: 0.11, activeInScope: 100, leavers: 11, limitPercent: 10 });
		expect(leaverGuard(0, 0, 10).needsConfirm).toBe(false);
		expect(leaverGuard(0, 100, 0).needsConfirm).toBe(false);
		expect(leaverGuard(1, 1000, 0).needsConfirm, 'a limit of 0 % asks for every leaver').toBe(true);
		expect(leaverGuard(1727, 1729, 10).needsConfirm).toBe(true);
	});

	it('refuses a missing or wrong count with a Swedish field message, and accepts the right one', () => {
		const guard = leaverGuard(1727, 1729, 10);
		const missing = refusal(() => assertConfirmed(guard, undefined));
		expect(missing?.kind).toBe('invalid');
		expect(plain(missing?.message)).toContain('1 727 av 1 729');
		expect(plain(missing?.fieldErrors.confirm)).toBe('Skriv antalet personer som slutar, 1 727, för att bekräfta.');
		const wrong = refusal(() => assertConfirmed(guard, 17));
		expect(plain(wrong?.fieldErrors.confirm)).toMatch(/^Du skrev 17, men 1 727 personer slutar/);
		expect(refusal(() => assertConfirmed(guard, 1727))).toBeNull();
		expect(refusal(() => assertConfirmed(leaverGuard(1, 100, 10), undefined)), 'below the limit nothing is asked').toBeNull();
	});
});

describe('pageOf', () => {
	const list = Array.from({ length: 250 }, (_, i) => i);
	it('gives one page of a list, clamped to the pages there are', () => {
		expect(pageOf(list, 1, 100)).toMatchObject({ page: 1, pages: 3, total: 250, items: list.slice(0, 100) });
		expect(pageOf(list, 3, 100).items).toEqual(list.slice(200));
		expect(pageOf(list, 99, 100).page).toBe(3);
		expect(pageOf(list, Number('nonsense'), 100).page).toBe(1);
		expect(pageOf(list, -2, 100).page).toBe(1);
		expect(pageOf([], 1, 100)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
	});
});
