/**
 * Raw figures of a report cell, built from "atoms" (one unit × area × title in one round,
 * aggregated in SQL) and rolled up the tree. Pure: no database, no access rules. Nothing
 * here may reach a page without passing through the anonymity module (see service.ts).
 */
import { STATEMENTS, type ActivityArea, type CaseworkerTitle, type Statement } from '$lib/domain';

/** One row of the SQL aggregation. */
export interface Atom {
	roundId: string;
	unitPath: string;
	activityArea: ActivityArea;
	title: CaseworkerTitle;
	respondents: number;
	/** Counts of 1…6 per statement. */
	hist: Record<Statement, number[]>;
	caseCounts: number[];
}

export interface MemberAtom {
	roundId: string;
	unitPath: string;
	activityArea: ActivityArea;
	title: CaseworkerTitle;
	members: number;
}

export interface StatementFigures {
	mean: number | null;
	/** Share answering 1–2 (a poor situation) and 5–6 (a good one). */
	shareLow: number | null;
	shareHigh: number | null;
	/** Count per answer 1…6; empty when withheld. */
	distribution: number[];
	/** Set when the anonymity module withholds this statement's figures (a homogeneous group). */
	reasonText?: string;
}

export interface CellFigures {
	respondents: number;
	members: number;
	responseRate: number | null;
	casesMean: number | null;
	casesMedian: number | null;
	statements: Record<Statement, StatementFigures>;
}

export interface CellFilter {
	unitPath: string;
	area: ActivityArea | null;
	title: CaseworkerTitle | null;
}

const matches = (a: { unitPath: string; activityArea: ActivityArea; title: CaseworkerTitle }, f: CellFilter) =>
	a.unitPath.startsWith(f.unitPath) && (f.area === null || a.activityArea === f.area) && (f.title === null || a.title === f.title);

export function cellFigures(atoms: Atom[], members: MemberAtom[], roundId: string, filter: CellFilter): CellFigures {
	const hist = Object.fromEntries(STATEMENTS.map((s) => [s, [0, 0, 0, 0, 0, 0]])) as Record<Statement, number[]>;
	const cases: number[] = [];
	let respondents = 0;
	for (const a of atoms) {
		if (a.roundId !== roundId || !matches(a, filter)) continue;
		respondents += a.respondents;
		for (const s of STATEMENTS) for (let i = 0; i < 6; i++) hist[s][i] += a.hist[s][i];
		for (const c of a.caseCounts) cases.push(c);
	}
	let memberCount = 0;
	for (const m of members) if (m.roundId === roundId && matches(m, filter)) memberCount += m.members;
	cases.sort((a, b) => a - b);
	return {
		respondents,
		members: memberCount,
		responseRate: memberCount > 0 ? respondents / memberCount : null,
		casesMean: cases.length ? cases.reduce((a, b) => a + b, 0) / cases.length : null,
		casesMedian: median(cases),
		statements: Object.fromEntries(STATEMENTS.map((s) => [s, statementFigures(hist[s])])) as Record<Statement, StatementFigures>
	};
}

export function statementFigures(distribution: number[]): StatementFigures {
	const n = distribution.reduce((a, b) => a + b, 0);
	if (n === 0) return { mean: null, shareLow: null, shareHigh: null, distribution };
	const sum = distribution.reduce((acc, count, i) => acc + count * (i + 1), 0);
	return {
		mean: sum / n,
		shareLow: (distribution[0] + distribution[1]) / n,
		shareHigh: (distribution[4] + distribution[5]) / n,
		distribution
	};
}

export function median(sorted: number[]): number | null {
	if (sorted.length === 0) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
