/** The audit log (granskningsloggen), for administrators. */
import { z } from 'zod';
import { dateTime, date, id, presenter } from './presenter';

const maybe = z.string().optional();

export const presentAuditSearch = presenter(
	z.object({
		query: z.object({ who: maybe, action: maybe, from: date.optional(), to: date.optional(), subject: maybe, page: z.number().int() }).describe('The search as understood.'),
		total: z.number().int(),
		page: z.number().int(),
		pages: z.number().int(),
		pageSize: z.number().int(),
		entries: z
			.array(
				z.object({
					id: z.string(),
					at: dateTime,
					actorId: id.nullable(),
					actorName: z.string().nullable(),
					actorEmployeeId: z.string().nullable(),
					action: z.string(),
					actionLabel: z.string(),
					subjectType: z.string().nullable(),
					subjectId: z.string().nullable(),
					subjectLabel: z.string().nullable(),
					detail: z.record(z.string(), z.unknown()).nullable(),
					detailText: z.string().describe('The detail as "key: value, …" in Swedish.'),
					ip: z.string().nullable()
				})
			)
			.describe('Newest first, 50 a page.')
	})
);
