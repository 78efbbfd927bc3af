/** A role assignment as given by an administrator (the kommun's own roles). */
import { ROLES } from '$lib/domain';
import { z } from 'zod';
import { date, dateTime, id, presenter } from './presenter';

export const presentRoleAssignment = presenter(z.object({ id, personId: id, orgUnitId: id, role: z.enum(ROLES), validFrom: date.nullable(), validTo: date.nullable(), createdAt: dateTime }));
export const presentRoleEnded = presenter(z.object({ ended: z.literal(true) }));
