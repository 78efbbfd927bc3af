/**
 * Change since the previous round, per cell: the difference of two figures the anonymity module
 * has already let out (both cells shown), so it reveals nothing the two do not. When either is
 * hidden, or a statement's figures are withheld in either, there is no change ("–").
 */
import { STATEMENTS, type Statement } from '$lib/domain';
import type { DisclosedCell } from '../anonymity';
import type { CellFigures } from './figures';

export interface CellChange {
	/** Difference of the means, per statement (this round minus the previous). */
	statements: Record<Statement, number | null>;
	/** In percentage points. */
	responseRate: number | null;
	casesMedian: number | null;
}

const diff = (now: number | null | undefined, before: number | null | undefined) => (now === null || now === undefined || before === null || before === undefined ? null : now - before);

export function cellChange(now: DisclosedCell<CellFigures>, before: DisclosedCell<CellFigures> | null): CellChange | null {
	if (!now.shown || !before?.shown) return null;
	const a = now.figures;
	const b = before.figures;
	const statement = (s: Statement) => (a.statements[s].reasonText || b.statements[s].reasonText ? null : diff(a.statements[s].mean, b.statements[s].mean));
	return {
		statements: Object.fromEntries(STATEMENTS.map((s) => [s, statement(s)])) as Record<Statement, number | null>,
		responseRate: a.responseRate === null || b.responseRate === null ? null : (a.responseRate - b.responseRate) * 100,
		casesMedian: diff(a.casesMedian, b.casesMedian)
	};
}
