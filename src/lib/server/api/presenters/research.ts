/** Följeforskning: the disclosed texts of a unit and round with the researcher's own codes. */
import { z } from 'zod';
import { TEXT_GROUPS } from '$lib/domain';
import { dateTime, id, presenter } from './presenter';

export const presentResearchView = presenter(
	z.object({
		units: z.array(z.object({ id, name: z.string(), kind: z.string() })),
		unit: z.object({ id, name: z.string() }),
		rounds: z.array(z.object({ id, name: z.string() })),
		round: z.object({ id, name: z.string() }).nullable(),
		statement: z.enum(TEXT_GROUPS),
		codes: z.array(z.object({ id, name: z.string() })),
		texts: z
			.array(z.object({ hash: z.string().describe('Identifies the text for coding: a hash of round, question and words.'), text: z.string(), count: z.number().int(), codeIds: z.array(id) }))
			.nullable()
			.describe('Null when the unit’s texts are not shown (then hiddenReason says why).'),
		textCount: z.number().int(),
		hiddenReason: z.string().nullable()
	})
);

export const presentResearchCode = presenter(z.object({ id, researcherId: id, name: z.string(), createdAt: dateTime }));
export const presentCoded = presenter(z.object({ codeIds: z.array(id) }));
