/** Individual action plans (individuella handlingsplaner): only the employee and that manager read them. */
import { z } from 'zod';
import { INDIVIDUAL_PLAN_STATUSES } from '$lib/domain';
import { date, dateTime, id, presenter } from './presenter';

const plan = z.object({
	id,
	personId: id,
	managerId: id,
	roundId: id.nullable().describe('The round whose answer led to the offer, when there is one.'),
	status: z.enum(INDIVIDUAL_PLAN_STATUSES),
	offeredAt: dateTime,
	followUpOn: date,
	goals: z.string(),
	measures: z.string(),
	outcome: z.string().nullable(),
	closedAt: dateTime.nullable(),
	updatedAt: dateTime
});

const note = z.object({ id, individualPlanId: id, authorId: id, body: z.string(), createdAt: dateTime });

export const presentIndividualPlans = presenter(
	z.object({
		managed: z.array(plan.extend({ employeeName: z.string() })).describe('Plans the caller follows up as nearest manager.'),
		own: z.array(plan.extend({ managerName: z.string() })).describe('The caller’s own plans.')
	})
);

export const presentIndividualPlan = presenter(plan);

export const presentIndividualPlanWithNotes = presenter(
	z.object({
		plan,
		notes: z.array(z.object({ id, body: z.string(), createdAt: dateTime, authorName: z.string(), authorId: id })),
		employeeName: z.string(),
		managerName: z.string(),
		isManager: z.boolean()
	})
);

export const presentIndividualPlanNote = presenter(note);
