/** Rounds (mätomgångar) and one's own answers. */
import { z } from 'zod';
import { ROUND_KINDS, ROUND_STATUSES } from '$lib/domain';
import { dateTime, id, presenter, unitRef } from './presenter';

const status = z.enum(ROUND_STATUSES);

const round = z.object({
	id,
	kind: z.enum(ROUND_KINDS),
	year: z.number().int(),
	name: z.string(),
	status,
	opensAt: dateTime,
	closesAt: dateTime,
	units: z.array(unitRef)
});

const response = z.object({
	roundId: id,
	caseCount: z.number().int(),
	situationScore: z.number().int(),
	situationComment: z.string().nullable(),
	qualityScore: z.number().int(),
	qualityComment: z.string().nullable(),
	recommendScore: z.number().int(),
	recommendComment: z.string().nullable(),
	positiveText: z.string().nullable(),
	updatedAt: dateTime
});

export const presentRounds = presenter(z.object({ rounds: z.array(round) }));
export const presentCreated = presenter(z.object({ id }));
export const presentMyResponse = presenter(z.object({ participates: z.boolean(), response: response.nullable() }));
export const presentSavedResponse = presenter(z.object({ response }));
export const presentMyHistory = presenter(
	z.object({ history: z.array(z.object({ round: z.object({ id, name: z.string(), status }), response })) })
);

/** Opening and closing answer with the round's new state. */
export const presentRoundState = presenter(z.object({ id, status }));
export const presentReminders = presenter(z.object({ reminded: z.number().int(), emailed: z.number().int() }));
