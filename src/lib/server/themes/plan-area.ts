/**
 * What the förvaltning's staff wrote about one area of its plan (issue 15), for the lokal
 * styrgrupp on the area's page: per recent closed round, how many wrote about the area's theme
 * and, where the group is large enough for texts, what they wrote. Everything comes from
 * buildReport, so through the anonymity module exactly as on the reports page.
 */
import type { Actor } from '../access/actor';
import { canSeeAggregate } from '../access/policy';
import type { Db } from '../db';
import { buildReport } from '../reports/service';
import { closedRoundsLatestFirst } from '../rounds/service';
import type { ThemeRow } from './report';
import { isPlanAreaTheme, type Theme } from './themes';

/** Rounds shown on the area's page, latest first. */
const ROUNDS = 2;
/** Texts per round on the area's page; the report has the rest. */
const TEXTS = 30;

export interface AreaWriting {
	roundId: string;
	roundName: string;
	/** The theme's row, or the reason the förvaltning's figures are hidden. */
	count: { shown: true; n: number; row: ThemeRow } | { shown: false; reasonText: string };
	/** The texts about the theme (at most TEXTS), or why they are not shown. */
	texts: { shown: true; list: string[]; total: number } | { shown: false; reasonText: string };
}

export async function staffWritingOnArea(
	db: Db,
	actor: Actor,
	forvaltning: { id: string; path: string },
	areaCode: string | null
): Promise<{ theme: Theme; rounds: AreaWriting[] } | null> {
	if (!areaCode || !isPlanAreaTheme(areaCode) || !canSeeAggregate(actor, forvaltning.path)) return null;
	const theme = areaCode;
	const rounds = (await closedRoundsLatestFirst(db)).slice(0, ROUNDS);
	const result: AreaWriting[] = [];
	for (const round of rounds) {
		const report = await buildReport(db, actor, { unit: forvaltning.id, round: round.id, theme, textLimit: TEXTS }, { themes: true });
		const themes = report.themes!;
		const row = themes.shown ? themes.figures.find((t) => t.theme === theme)! : null;
		const texts = report.texts!;
		const list = texts.shown ? Object.values(texts.texts).flat() : [];
		const total = report.textTotals ? Object.values(report.textTotals).reduce((a, b) => a + b, 0) : 0;
		result.push({
			roundId: round.id,
			roundName: round.name,
			count: themes.shown ? { shown: true, n: themes.n, row: row! } : { shown: false, reasonText: themes.reasonText },
			texts: texts.shown ? { shown: true, list: list.slice(0, TEXTS), total } : { shown: false, reasonText: texts.reasonText }
		});
	}
	return { theme, rounds: result };
}
