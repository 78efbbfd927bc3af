/** People for administrators: search, the register extract (GDPR art. 15) and retention of named answers. */
import { z } from 'zod';
import { TITLES } from '$lib/domain';
import { dateTime, id, presenter } from './presenter';

export const presentPeopleSearch = presenter(
	z.object({
		q: z.string().nullable(),
		people: z.array(
			z.object({ id, employeeId: z.string().nullable(), name: z.string(), email: z.string(), title: z.enum(TITLES), titleLabel: z.string(), unit: z.string(), active: z.boolean() })
		),
		more: z.boolean().describe('More than the 50 shown match.')
	})
);

const text = z.string();
const maybe = z.string().nullable();

export const presentRegisterExtract = presenter(
	z.object({
		createdAt: text,
		createdBy: text,
		person: z.object({
			id,
			employeeId: maybe,
			name: text,
			email: text,
			gender: maybe,
			title: text,
			unit: text,
			active: z.boolean(),
			createdAt: text,
			deactivatedAt: maybe,
			localPassword: z.boolean()
		}),
		roles: z.array(z.object({ role: text, unit: text, validFrom: maybe, validTo: maybe })),
		rounds: z.array(z.object({ round: text, status: text, unit: text, title: text, activityArea: maybe })),
		answers: z.array(
			z.object({
				round: text,
				unit: text,
				caseCount: z.number().int(),
				situationScore: z.number().int(),
				situationComment: maybe,
				qualityScore: z.number().int(),
				qualityComment: maybe,
				recommendScore: z.number().int(),
				recommendComment: maybe,
				positiveText: maybe,
				answeredAt: text,
				changedAt: text
			})
		),
		reminders: z.array(z.object({ round: text, channel: text, sentAt: text })),
		actionPlans: z
			.array(
				z.object({
					manager: text,
					round: maybe,
					status: text,
					offeredAt: text,
					followUpOn: text,
					goals: text,
					measures: text,
					outcome: maybe,
					notes: z.array(z.object({ by: text, at: text, text }))
				})
			)
			.describe('The person’s own individual action plans (the name predates the rename and is kept for existing clients).'),
		plansAsManager: z.array(z.object({ employee: text, round: maybe, status: text, offeredAt: text, notesWritten: z.number().int() })),
		workload: z.array(z.object({ ratedOn: text, unit: text, level: z.number().int(), openCases: z.number().int().nullable(), note: maybe })),
		workloadDismissedWeeks: z.array(text),
		checklists: z.array(z.object({ closedOn: text, enhet: text, clientGender: text, ageBand: text, answers: z.array(z.object({ item: text, answer: text })) })),
		introductions: z.array(
			z.object({
				unit: text,
				startDate: text,
				endDate: text,
				mentor: maybe,
				completedOn: maybe,
				steps: z.array(z.object({ title: text, dueWeek: z.number().int(), doneOn: maybe, doneBy: maybe })),
				notes: z.array(z.object({ by: text, at: text, step: maybe, text }))
			})
		),
		introductionsAsMentor: z.array(z.object({ employee: text, startDate: text, notesWritten: z.number().int() })),
		incidents: z.array(
			z.object({
				occurredAt: text,
				form: text,
				unit: text,
				setting: text,
				description: text,
				policeReported: z.boolean(),
				reportedBy: text,
				supportEnough: maybe,
				supportComment: maybe,
				measures: text,
				authorityReportedOn: maybe,
				workInjuryReportedOn: maybe
			})
		),
		incidentsReportedForOthers: z.array(z.object({ employee: text, reportedAt: text })),
		sessions: z.array(z.object({ createdAt: text, lastSeenAt: text, expiresAt: text })),
		failedLogins: z.array(z.object({ at: text, ip: text })),
		auditByPerson: z.array(z.object({ at: text, action: text, subject: maybe, ip: maybe })),
		auditAboutPerson: z.array(z.object({ at: text, action: text, by: maybe, ip: maybe })),
		other: z
			.array(z.object({ table: text, column: text, rows: z.array(z.record(z.string(), z.unknown())) }))
			.describe('Rows of every other table that points at the person, as stored (secrets left out).'),
		notes: z.array(text)
	})
);

const roundRef = z.object({ id, name: z.string() });

export const presentRetentionStatus = presenter(
	z.object({
		years: z.number().int().nullable().describe('RETENTION_YEARS; null when retention is off.'),
		cutoff: dateTime.nullable(),
		due: z.array(roundRef.extend({ closedAt: dateTime.nullable() })),
		done: z.array(roundRef.extend({ retainedAt: dateTime, pseudonymised: z.number().int(), retentionYears: z.number().int() }))
	})
);

export const presentRetentionRun = presenter(z.object({ rounds: z.array(roundRef), pseudonymised: z.number().int() }));
