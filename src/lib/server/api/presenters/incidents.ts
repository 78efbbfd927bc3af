/** Incidents of otillåten påverkan, hot och våld: details for those who may read them, counts upward. */
import { z } from 'zod';
import { ACTIVITY_AREAS, INCIDENT_FORMS, INCIDENT_SUPPORT, ORG_UNIT_KINDS } from '$lib/domain';
import { disclosedCount } from './disclosure';
import { date, dateTime, id, presenter, unitRef } from './presenter';

const form = z.enum(INCIDENT_FORMS);
const support = z.enum(INCIDENT_SUPPORT).nullable();

const incident = z.object({
	id,
	personId: id,
	reportedBy: id,
	orgUnitId: id,
	form,
	occurredAt: dateTime,
	occurredTimeKnown: z.boolean().describe('False when the report gave no time: occurredAt is then the start of the day (Stockholm time).'),
	activityArea: z.enum(ACTIVITY_AREAS),
	setting: z.string(),
	description: z.string(),
	policeReported: z.boolean(),
	threatTakenSeriously: z.boolean(),
	supportEnough: support,
	supportComment: z.string().nullable(),
	supportAnsweredAt: dateTime.nullable(),
	measures: z.string(),
	measuresUpdatedAt: dateTime.nullable(),
	authorityReportedOn: date.nullable(),
	workInjuryReportedOn: date.nullable(),
	createdAt: dateTime,
	updatedAt: dateTime
});

const listItem = z.object({
	id,
	form,
	occurredAt: dateTime,
	occurredTimeKnown: z.boolean(),
	personName: z.string(),
	unitName: z.string(),
	serious: z.boolean(),
	policeReported: z.boolean(),
	authorityReportedOn: date.nullable(),
	supportEnough: support,
	mine: z.boolean()
});

export const presentIncidents = presenter(
	z.object({
		own: z.array(listItem),
		others: z.array(listItem),
		unreportedSerious: z.number().int().describe('Serious incidents the caller manages, not yet reported to Arbetsmiljöverket.'),
		seesOthers: z.boolean()
	})
);

export const presentIncident = presenter(incident);

export const presentIncidentDetail = presenter(
	z.object({
		incident,
		personName: z.string(),
		reportedByName: z.string(),
		unitName: z.string(),
		serious: z.boolean(),
		permissions: z.object({ answerSupport: z.boolean(), manage: z.boolean() })
	})
);

const figures = z.object({
	incidents: z.number().int(),
	policeReported: z.number().int(),
	serious: z.number().int(),
	support: z.object(Object.fromEntries([...INCIDENT_SUPPORT, 'unanswered'].map((k) => [k, z.number().int()])) as Record<(typeof INCIDENT_SUPPORT)[number] | 'unanswered', z.ZodNumber>)
});
const cell = disclosedCount(figures);
const unit = z.object({ id, name: z.string(), kind: z.enum(ORG_UNIT_KINDS) });

export const presentIncidentStatistics = presenter(
	z.object({
		unit,
		breadcrumbs: z.array(unitRef),
		years: z.array(z.number().int()).describe('Years published (1 February the year after), newest first.'),
		year: z.number().int().nullable(),
		area: z.enum(ACTIVITY_AREAS).nullable(),
		rows: z.array(
			z.object({
				unit,
				isTotal: z.boolean(),
				total: cell,
				byForm: z
					.object(Object.fromEntries(INCIDENT_FORMS.map((f) => [f, cell])) as Record<(typeof INCIDENT_FORMS)[number], typeof cell>)
					.describe('The row’s incidents by BRÅ form: all five shown (n = employees with the form, figures over those incidents) or all hidden, and only with the row’s total (decision 0021).')
			})
		),
		trend: z.array(z.object({ year: z.number().int(), cell })),
		nextPublication: dateTime.describe('The current year’s statistics are shown from this moment.'),
		rules: z.object({ minGroup: z.number().int() })
	})
);
