/**
 * "Behöver stöd": which of a manager's own staff to look at first after a round. A person is
 * flagged when they answered low on any statement, dropped markedly on any statement since their
 * previous answer, or carry more cases than most of the team. The thresholds are the kommun's
 * (settings, with these defaults); the signal is a prompt for a conversation, never a verdict,
 * and it is computed only where names are shown (the nearest manager's view).
 */
import { STATEMENTS, type Statement, type SupportReason } from '$lib/domain';
import type { Db } from '../db';
import { getSetting } from '../settings';

export interface SupportThresholds {
	/** An answer at or below this on any statement (default 2: the plan's "1–2"). */
	lowScore: number;
	/** A drop of at least this many steps on any statement since the previous answer (default 2). */
	drop: number;
	/** Cases above this percentile of the team's answers (default 75). */
	casesPercentile: number;
}

export const DEFAULT_SUPPORT_THRESHOLDS: SupportThresholds = { lowScore: 2, drop: 2, casesPercentile: 75 };
export const SUPPORT_THRESHOLDS_KEY = 'team.support_thresholds';

export async function supportThresholds(db: Db): Promise<SupportThresholds> {
	const saved = await getSetting<Partial<SupportThresholds>>(db, SUPPORT_THRESHOLDS_KEY);
	return { ...DEFAULT_SUPPORT_THRESHOLDS, ...(saved ?? {}) };
}

export type Scores = Record<Statement, number | null>;

export type { SupportReason } from '$lib/domain';

/** The value at percentile p (0–100) of the sorted values, by linear interpolation; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = (p / 100) * (sorted.length - 1);
	const lo = Math.floor(rank);
	const hi = Math.ceil(rank);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Why a person needs support (empty: they do not, by these thresholds). */
export function supportReasons(
	person: { scores: Scores; previous: Scores | null; caseCount: number | null },
	casesLimit: number | null,
	t: SupportThresholds
): SupportReason[] {
	const reasons: SupportReason[] = [];
	if (STATEMENTS.some((s) => person.scores[s] !== null && person.scores[s]! <= t.lowScore)) reasons.push('low');
	const before = person.previous;
	if (before && STATEMENTS.some((s) => person.scores[s] !== null && before[s] !== null && before[s]! - person.scores[s]! >= t.drop)) reasons.push('drop');
	if (casesLimit !== null && person.caseCount !== null && person.caseCount > casesLimit) reasons.push('cases');
	return reasons;
}
