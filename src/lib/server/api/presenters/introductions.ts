/** Introduction programmes and mentors (issue 14, part 3): the manager's list, one programme, the enhet's placements. */
import { z } from 'zod';
import { GENDERS, PLACEMENT_KINDS } from '$lib/domain';
import { date, dateTime, id, presenter } from './presenter';

const person = z.object({ id, name: z.string() });
const progress = z.object({
	done: z.number().int(),
	total: z.number().int(),
	behind: z.number().int().describe('Steps past their week, not ticked off.'),
	status: z.enum(['klar', 'efter', 'enligt_plan'])
});
const summary = z.object({
	id,
	person,
	unitName: z.string(),
	mentor: person.nullable(),
	startDate: date,
	endDate: date.describe('Six months after the start.'),
	completedOn: date.nullable().describe('The day the last step was ticked off.'),
	progress
});
const detail = summary.extend({
	reading: z.enum(['self', 'mentor', 'manager']).describe('How the caller reads it: the new employee, the mentor or the nearest manager.'),
	steps: z.array(
		z.object({ id, title: z.string(), dueWeek: z.number().int(), dueDate: date, doneOn: date.nullable(), doneBy: z.string().nullable().describe('Who ticked it off (name).'), behind: z.boolean() })
	),
	notes: z.array(z.object({ id, stepId: id.nullable(), author: z.string(), body: z.string(), createdAt: dateTime }))
});

export const presentIntroductionList = presenter(
	z.object({
		introductions: z.array(summary).describe('Newest start first.'),
		startable: z
			.array(z.object({ person: person.extend({ unitName: z.string() }), enhet: z.object({ id, name: z.string() }).nullable(), mentors: z.array(person), templateSteps: z.number().int() }))
			.describe('Staff without a programme under way, with the mentors and template a start would use.')
	})
);
export const presentMyIntroduction = presenter(z.object({ introduction: detail.nullable(), mentored: z.array(summary) }));
export const presentIntroduction = presenter(detail);
export const presentStarted = presenter(z.object({ id }));
export const presentPlacements = presenter(
	z.object({
		unit: z.object({ id, name: z.string() }),
		units: z.array(z.object({ id, name: z.string() })),
		placements: z.array(z.object({ id, semester: z.string().describe('e.g. 2026-HT'), kind: z.enum(PLACEMENT_KINDS), gender: z.enum(GENDERS).nullable() }))
	})
);
