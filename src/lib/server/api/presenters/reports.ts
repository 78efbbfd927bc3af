/** The aggregated report of a round (reports/service.ts): every figure through the anonymity module. */
import { z } from 'zod';
import { ACTIVITY_AREAS, CASEWORKER_TITLES, ORG_UNIT_KINDS, ROUND_STATUSES } from '$lib/domain';
import { THEMES } from '../../themes/themes';
import { disclosedCell, disclosedProgress, disclosedText, surveyCell } from './disclosure';
import { id, presenter } from './presenter';

export const unitWithKind = z.object({ id, name: z.string(), kind: z.enum(ORG_UNIT_KINDS) });
const roundRef = z.object({ id, name: z.string(), status: z.enum(ROUND_STATUSES) });
const delta = z.number().nullable();
const change = z.object({
	statements: z.object({ situation: delta, quality: delta, recommend: delta }).describe('Difference of the means.'),
	responseRate: delta.describe('In percentage points.'),
	casesMedian: delta
});
const count = z.number().int();
export const themeRow = z.object({
	theme: z.enum(THEMES),
	label: z.string(),
	wrote: count.describe('Respondents who wrote about the theme in any text.'),
	share: z.number().describe('Of the respondents, in per cent.'),
	low: count.nullable().describe('Wrote about it under a statement they answered 1–2; null where the anonymity rule withholds the answers.'),
	middle: count.nullable(),
	high: count.nullable(),
	positive: count.describe('Wrote about it under "Vad fungerar bra?".'),
	previousShare: z.number().nullable(),
	change: z.number().nullable().describe('Percentage points since previousRound; null when either is hidden.')
});
const texts = z.object({ situation: z.array(z.string()), quality: z.array(z.string()), recommend: z.array(z.string()), positive: z.array(z.string()) });

export const presentReport = presenter(
	z.object({
		unit: unitWithKind,
		breadcrumbs: z.array(unitWithKind),
		scopeRoots: z.array(unitWithKind),
		filters: z.object({ area: z.enum(ACTIVITY_AREAS).nullable(), title: z.enum(CASEWORKER_TITLES).nullable(), q: z.string().nullable(), theme: z.enum(THEMES).nullable() }),
		rounds: z.array(roundRef),
		round: roundRef.nullable(),
		rows: z
			.array(
				z.object({
					unit: unitWithKind,
					isTotal: z.boolean(),
					cell: surveyCell,
					previous: surveyCell.nullable().describe('The same unit in previousRound, through the same rule.'),
					change: change.nullable().describe('This round minus previousRound, only where both cells are shown.')
				})
			)
			.describe('The unit itself first, then its children; empty while the round is open.'),
		previousRound: z.object({ id, name: z.string() }).nullable(),
		benchmarks: z
			.array(z.object({ unit: unitWithKind, relation: z.enum(['parent', 'above', 'kommun']), cell: surveyCell }))
			.describe('Every unit above, nearest first, up to the kommun, in the same round, to compare with.'),
		trend: z.array(z.object({ roundId: id, roundName: z.string(), cell: surveyCell })),
		texts: disclosedText(texts).nullable().describe('Motivations per statement, at most textLimit each; a hidden group’s texts are never sent.'),
		textTotals: z.object({ situation: z.number().int(), quality: z.number().int(), recommend: z.number().int(), positive: z.number().int() }).nullable().describe('Motivations per statement in all, when shown.'),
		progress: z.object({ members: z.number().int(), respondents: z.number().int() }).nullable().describe('While the round is open, where the anonymity rule lets it be shown.'),
		progressRows: z.array(z.object({ unit: unitWithKind, isTotal: z.boolean(), cell: disclosedProgress })).describe('While the round is open: answered per unit and child, each through the anonymity rule.'),
		filterMatchesNoOne: z.boolean().describe('The område/titel filter matches no one asked in the round within the unit (from who was asked, not from answers).'),
		rules: z.object({ minGroup: z.number().int(), minTextGroup: z.number().int() }),
		themes: disclosedCell(z.array(themeRow))
			.nullable()
			.describe('What the respondents wrote about, per theme (most first), through the anonymity rule like every figure; null while the round is open.')
	})
);
