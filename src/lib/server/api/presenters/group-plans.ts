/**
 * The group's action plans (gruppens handlingsplan). `results` is the group's total as the
 * anonymity module disclosed it when the plan was made. Above the group, `ownerId`/`ownerName`
 * are null and `comments` is null (the service leaves them out).
 */
import { z } from 'zod';
import { GROUP_PLAN_OUTCOMES, GROUP_PLAN_STATUSES, STATEMENTS } from '$lib/domain';
import { surveyCell } from './disclosure';
import { date, dateTime, id, presenter, unitRef } from './presenter';

const plan = z.object({
	id,
	orgUnitId: id,
	roundId: id,
	managerId: id,
	results: surveyCell.describe('The group’s own total in the round, as the anonymity module disclosed it when the plan was made.'),
	focusStatements: z.array(z.enum(STATEMENTS)),
	summary: z.string(),
	status: z.enum(GROUP_PLAN_STATUSES),
	followUpOn: date,
	outcome: z.enum(GROUP_PLAN_OUTCOMES).nullable(),
	followUpText: z.string(),
	followedUpAt: dateTime.nullable(),
	createdAt: dateTime,
	updatedAt: dateTime
});

const action = z.object({
	id,
	title: z.string(),
	ownerId: id.nullable().describe('A member of the group; null for the whole group, and always null above the group.'),
	ownerName: z.string().nullable(),
	dueOn: date,
	doneAt: dateTime.nullable(),
	subgoal: z.object({ id, title: z.string() }).nullable().describe('A delmål of the förvaltning’s plan the action serves.')
});

const reading = z.enum(['lead', 'member', 'above']).describe('lead: the group’s nearest manager; member: in the group; above: oversees it (no comments, no owners).');

export const presentGroupPlans = presenter(
	z.object({
		groupPlans: z.array(
			z.object({
				id,
				unit: unitRef,
				roundName: z.string(),
				status: z.enum(GROUP_PLAN_STATUSES),
				outcome: z.enum(GROUP_PLAN_OUTCOMES).nullable(),
				followUpOn: date,
				actions: z.number().int(),
				actionsDone: z.number().int(),
				reading
			})
		)
	})
);

export const presentGroupPlan = presenter(plan);

export const presentGroupPlanView = presenter(
	z.object({
		plan,
		unit: z.object({ id, name: z.string(), kind: z.string() }),
		roundName: z.string(),
		managerName: z.string(),
		reading,
		areas: z.array(z.object({ id, title: z.string() })),
		actions: z.array(action),
		comments: z.array(z.object({ id, body: z.string(), createdAt: dateTime, authorName: z.string() })).nullable().describe('Only within the group.'),
		members: z.array(z.object({ id, name: z.string() })).describe('Who may own an action: for the group’s manager only, else empty.'),
		subgoals: z.array(z.object({ id, title: z.string(), areaTitle: z.string() })).describe('The förvaltning’s open delmål to link actions to: for the group’s manager only, else empty.')
	})
);

export const presentGroupPlanAction = presenter(z.object({ id, groupPlanId: id, title: z.string(), ownerId: id.nullable(), dueOn: date, subgoalId: id.nullable(), doneAt: dateTime.nullable(), createdAt: dateTime }));

export const presentGroupPlanComment = presenter(z.object({ id, groupPlanId: id, authorId: id, body: z.string(), createdAt: dateTime }));
