/**
 * The wire shapes of what the anonymity module lets out (anonymity/disclosure.ts): a shown
 * cell with its figures, or a hidden one with only its reason — never numbers.
 */
import { z } from 'zod';
import { STATEMENTS } from '$lib/domain';

export const suppressionReason = z.enum(['too_few', 'protects_other_group', 'changed_since_earlier_round']);

export const hidden = z.object({ shown: z.literal(false), reason: suppressionReason, reasonText: z.string() });

/** DisclosedCell: figures and whether the free text may be shown with them. */
export const disclosedCell = <T extends z.ZodType>(figures: T) =>
	z.discriminatedUnion('shown', [
		z.object({
			shown: z.literal(true),
			n: z.number().int(),
			figures,
			textShown: z.boolean(),
			textReason: suppressionReason.nullable(),
			textReasonText: z.string().nullable()
		}),
		hidden
	]);

/** DisclosedCount: a count with no free text (individual plans, incidents). */
export const disclosedCount = <T extends z.ZodType>(figures: T) =>
	z.discriminatedUnion('shown', [z.object({ shown: z.literal(true), n: z.number().int(), figures }), hidden]);

export const disclosedText = <T extends z.ZodType>(texts: T) =>
	z.discriminatedUnion('shown', [z.object({ shown: z.literal(true), n: z.number().int(), texts }), hidden]);

const share = z.number().nullable();

export const statementFigures = z.object({
	mean: z.number().nullable(),
	shareLow: share.describe('Share answering 1–2.'),
	shareHigh: share.describe('Share answering 5–6.'),
	distribution: z.array(z.number().int()).max(6).describe('Count per answer 1–6; empty when withheld.'),
	reasonText: z.string().optional().describe('Present when the figures of this statement are withheld: everyone in part of the group gave the same answer.')
});

export const cellFigures = z.object({
	respondents: z.number().int(),
	members: z.number().int(),
	responseRate: z.number().nullable(),
	casesMean: z.number().nullable(),
	casesMedian: z.number().nullable(),
	statements: z.object(Object.fromEntries(STATEMENTS.map((s) => [s, statementFigures])) as Record<(typeof STATEMENTS)[number], typeof statementFigures>)
});

export const surveyCell = disclosedCell(cellFigures);

/** DisclosedProgress: how many of an open round's members have answered, where the block rule allows. */
export const disclosedProgress = z.discriminatedUnion('shown', [z.object({ shown: z.literal(true), members: z.number().int(), respondents: z.number().int() }), hidden]);
