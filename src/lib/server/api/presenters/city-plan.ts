/** The city's action plan (handlingsplanen) followed per förvaltning: areas, delmål, activities, follow-ups. */
import { z } from 'zod';
import { ORG_UNIT_KINDS, PLAN_AREA_STATUSES, PLAN_FOLLOW_UP_PERIODS, STATEMENTS } from '$lib/domain';
import { cityPlanActivities, cityPlanAreas, cityPlanAreaStates, cityPlanFollowUps, cityPlanSubgoals, cityPlanSuggestions } from '../../db/schema';
import { disclosedCount } from './disclosure';
import { columnsOf, date, dateTime, id, presenter, unitRef } from './presenter';
import { THEMES } from '../../themes/themes';
import { themeRow } from './reports';
import { checklistPeriod } from './unit-goals';

const withheld = z.object({ shown: z.literal(false), reasonText: z.string() });
const staffWriting = z
	.object({
		theme: z.enum(THEMES),
		rounds: z.array(
			z.object({
				roundId: id,
				roundName: z.string(),
				count: z.discriminatedUnion('shown', [z.object({ shown: z.literal(true), n: z.number().int(), row: themeRow }), withheld]),
				texts: z.discriminatedUnion('shown', [z.object({ shown: z.literal(true), list: z.array(z.string()), total: z.number().int() }), withheld])
			})
		)
	})
	.nullable()
	.describe('What the förvaltning’s staff wrote about the area in the latest closed rounds, through the anonymity rule (texts only for groups of at least 10); null for an area without a theme or a reader without the förvaltning’s aggregates.');

const status = z.enum(PLAN_AREA_STATUSES);
const area = columnsOf(cityPlanAreas, ['id', 'code', 'position', 'title', 'description', 'addedYear', 'retiredAt', 'createdAt', 'updatedAt']);
const areaRef = z.object({ id, title: z.string() });

const suggestion = z.object({
	id,
	areaId: id.nullable(),
	areaTitle: z.string().nullable(),
	body: z.string(),
	createdAt: dateTime,
	authorName: z.string().nullable().describe('For the steering group only; null for everyone else.'),
	mine: z.boolean(),
	answer: z.string().nullable(),
	answeredAt: dateTime.nullable(),
	answeredByName: z.string().nullable()
});

const areaRow = z.object({
	area,
	status,
	assessment: z.string(),
	updatedAt: dateTime.nullable(),
	subgoals: z.object({ total: z.number().int(), achieved: z.number().int() }),
	activities: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
	latestFollowUp: z.object({ period: z.enum(PLAN_FOLLOW_UP_PERIODS), year: z.number().int() }).nullable()
});

export const presentAreas = presenter(z.array(area));
export const presentArea = presenter(area);

export const presentPlanOverview = presenter(
	z.object({
		forvaltning: unitRef,
		steeringGroup: z.array(z.string()).describe('Names of the lokal styrgrupp.'),
		areas: z.array(areaRow),
		retiredAreas: z.array(areaRow).describe('Retired areas that have something recorded.'),
		activeAreas: z.array(areaRef),
		suggestions: z.array(suggestion),
		permissions: z.object({ edit: z.boolean(), suggest: z.boolean() })
	})
);

const progressPoint = z.object({ label: z.string(), value: z.number().nullable(), reasonText: z.string().nullable() });
const subgoal = columnsOf(cityPlanSubgoals, ['id', 'forvaltningId', 'areaId', 'title', 'targetDate', 'statement', 'metric', 'indicatorId', 'targetValue', 'status', 'createdBy', 'createdAt', 'updatedAt']).extend({
	indicator: z.object({ key: z.string(), name: z.string(), unit: z.string(), decimals: z.number().int(), higherIsBetter: z.boolean() }).nullable(),
	progress: z
		.object({ points: z.array(progressPoint), latest: z.object({ label: z.string(), value: z.number(), reached: z.boolean() }).nullable() })
		.nullable()
		.describe('From the survey through the anonymity rule, or from the indicator; null when the reader may not see the figures.')
});

export const presentAreaPlan = presenter(
	z.object({
		forvaltning: unitRef,
		area,
		state: z.object({ status, assessment: z.string(), updatedAt: dateTime.nullable() }),
		subgoals: z.array(subgoal),
		progressHidden: z.boolean().describe('Linked sub-goals exist but the reader may not see the förvaltning’s figures.'),
		activities: z.array(columnsOf(cityPlanActivities, ['id', 'forvaltningId', 'areaId', 'title', 'responsible', 'dueDate', 'doneOn', 'createdBy', 'createdAt', 'updatedAt'])),
		followUps: z.array(columnsOf(cityPlanFollowUps, ['id', 'forvaltningId', 'areaId', 'period', 'year', 'comment', 'status', 'writtenBy', 'createdAt', 'updatedAt'])),
		history: z.array(z.object({ at: dateTime, text: z.string() })),
		suggestions: z.array(suggestion),
		defaultPeriod: z.object({ period: z.enum(PLAN_FOLLOW_UP_PERIODS), year: z.number().int() }),
		today: date,
		permissions: z.object({ edit: z.boolean(), suggest: z.boolean() }),
		statements: z.object(Object.fromEntries(STATEMENTS.map((s) => [s, z.string()])) as Record<(typeof STATEMENTS)[number], z.ZodString>),
		staffWriting,
		unitGoals: z
			.array(
				z.object({
					subgoalId: id,
					enhet: z.object({ id, name: z.string() }),
					goal: z.object({ id, title: z.string(), expectedShare: z.number().int() }),
					period: checklistPeriod.nullable(),
					share: disclosedCount(z.number().nullable()).nullable()
				})
			)
			.describe('The enheter’s own goals linked to a delmål: share "ja" in the latest closed tertial, through the anonymity rule (null figures: withheld as homogeneous).'),
		indicators: z.array(z.object({ key: z.string(), name: z.string(), unit: z.string() })).describe('What a delmål may follow besides the survey (editors only).')
	})
);

export const presentAreaState = presenter(columnsOf(cityPlanAreaStates, ['id', 'forvaltningId', 'areaId', 'status', 'assessment', 'updatedBy', 'updatedAt']));
export const presentSubgoal = presenter(columnsOf(cityPlanSubgoals, ['id', 'forvaltningId', 'areaId', 'title', 'targetDate', 'statement', 'metric', 'indicatorId', 'targetValue', 'status', 'createdBy', 'createdAt', 'updatedAt']));
export const presentSuggestion = presenter(columnsOf(cityPlanSuggestions, ['id', 'forvaltningId', 'areaId', 'authorId', 'body', 'answer', 'answeredBy', 'answeredAt', 'createdAt']));

export const presentPlanMatrix = presenter(
	z.object({
		filters: z.object({ status: status.nullable(), area: id.nullable(), since: z.string() }),
		sinceAt: dateTime.nullable(),
		sinceInvalid: z.boolean(),
		sinceLabel: z.string().nullable().describe('What the changed marks compare with, in Swedish: by default the previous follow-up (T2 or VB).'),
		sinceOptions: z.array(z.object({ value: z.string(), label: z.string() })),
		areas: z.array(z.object({ id, title: z.string(), position: z.number().int() })),
		allAreas: z.array(areaRef),
		rows: z.array(
			z.object({
				forvaltning: unitRef,
				cells: z.array(z.object({ areaId: id, status, changed: z.boolean().describe('Anything recorded since the chosen point.'), statusBefore: status.nullable() }))
			})
		),
		counts: z.object(Object.fromEntries(PLAN_AREA_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof PLAN_AREA_STATUSES)[number], z.ZodNumber>),
		changes: z.array(z.object({ at: dateTime, forvaltningId: id, forvaltningName: z.string(), areaId: id, areaTitle: z.string(), text: z.string() }))
	})
);

const unit = z.object({ id, name: z.string(), kind: z.enum(ORG_UNIT_KINDS) });
const planCount = disclosedCount(z.object({ plans: z.number().int() }));

export const presentIndividualPlanCounts = presenter(
	z.object({
		unit,
		breadcrumbs: z.array(unitRef),
		rows: z.array(
			z.object({
				unit,
				isTotal: z.boolean(),
				cells: z.object({ offered: planCount, active: planCount, declined: planCount, closed: planCount })
			})
		),
		rules: z.object({ minGroup: z.number().int() })
	})
);
