/** The nearest manager's view of own staff by name (team/service.ts). */
import { z } from 'zod';
import { ACTIVITY_AREAS, ROUND_STATUSES, TITLES } from '$lib/domain';
import { date, dateTime, id, presenter } from './presenter';

const score = z.number().int().nullable();

const member = z.object({
	personId: id,
	name: z.string(),
	title: z.enum(TITLES),
	activityArea: z.enum(ACTIVITY_AREAS),
	unitId: id,
	unitName: z.string(),
	answered: z.boolean(),
	caseCount: z.number().int().nullable(),
	situationScore: score,
	situationComment: z.string().nullable(),
	qualityScore: score,
	qualityComment: z.string().nullable(),
	recommendScore: score,
	recommendComment: z.string().nullable(),
	positiveText: z.string().nullable(),
	updatedAt: dateTime.nullable(),
	planId: id.nullable().describe('The latest individual action plan the caller may open, if any.'),
	planStatus: z.string().nullable(),
	planFollowUpOn: date.nullable(),
	trend: z
		.array(z.object({ roundId: id, roundName: z.string(), situation: z.number().int(), quality: z.number().int(), recommend: z.number().int(), caseCount: z.number().int() }))
		.describe('The member’s answers up to this round given in a unit the caller manages, oldest first (at most six).'),
	change: z.object({ situation: score, quality: score, recommend: score }).nullable().describe('This answer minus the member’s previous one.'),
	changeSince: z.string().nullable().describe('The round of the previous answer.'),
	support: z.array(z.enum(['low', 'drop', 'cases'])).describe('Why the member may need support: answered 1–2, dropped two steps or more, or more cases than most of the team (thresholds in the settings).')
});

export const presentTeam = presenter(
	z.object({
		round: z.object({ id, name: z.string(), status: z.enum(ROUND_STATUSES) }),
		members: z.array(member),
		summary: z.object({
			members: z.number().int(),
			answered: z.number().int(),
			casesMean: z.number().nullable(),
			casesMedian: z.number().nullable(),
			casesTotal: z.number().int(),
			lowSituation: z.number().int().describe('Those at 1–2 on "Jag har en bra arbetssituation".'),
			needSupport: z.number().int(),
			casesLimit: z.number().nullable().describe('Cases above this count as many (the team’s percentile in the settings).')
		})
	})
);
