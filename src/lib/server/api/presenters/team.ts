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
	planFollowUpOn: date.nullable()
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
			lowSituation: z.number().int().describe('Those at 1–2 on "Jag har en bra arbetssituation".')
		})
	})
);
