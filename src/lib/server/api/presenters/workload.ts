/** Workload between the rounds (issue 14): one's own ratings, the nearest manager's view, and the monthly figures. */
import { z } from 'zod';
import { disclosedCell } from './disclosure';
import { date, dateTime, id, presenter } from './presenter';

const rating = z.object({
	id,
	personId: id,
	orgUnitId: id,
	level: z.number().int().describe('1 = mycket låg … 5 = mycket hög'),
	openCases: z.number().int().nullable(),
	note: z.string().nullable(),
	ratedOn: date,
	createdAt: dateTime
});

export const presentWorkloadRating = presenter(rating);
export const presentMyWorkload = presenter(z.object({ ratings: z.array(rating).describe('Newest first.') }));
export const presentTeamWorkload = presenter(
	z.object({
		members: z.array(
			z.object({
				personId: id,
				name: z.string(),
				unitName: z.string(),
				ratings: z.array(z.object({ ratedOn: date, level: z.number().int(), openCases: z.number().int().nullable(), note: z.string().nullable() })).describe('Oldest first, the latest 12.'),
				signals: z.array(z.enum(['high_three_times', 'jumped'])).describe('high_three_times: the last three at 4–5; jumped: the latest two steps or more above the one before.')
			})
		)
	})
);
const unit = z.object({ id, name: z.string(), kind: z.string() });
export const presentMonthlyWorkload = presenter(
	z.object({
		unit,
		scopeRoots: z.array(z.object({ id, name: z.string() })),
		months: z.array(z.object({ month: z.string().describe('YYYY-MM'), label: z.string() })).describe('Months that are over, the latest 12, oldest first.'),
		rows: z.array(
			z.object({
				unit,
				isTotal: z.boolean(),
				cells: z.array(disclosedCell(z.object({ people: z.number().int(), shareHigh: z.number().nullable(), median: z.number().nullable() }))).describe('One per month, through the anonymity rule.')
			})
		),
		rules: z.object({ minGroup: z.number().int() })
	})
);
