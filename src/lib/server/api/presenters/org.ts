/** The organisation tree the caller may see aggregates for. */
import { z } from 'zod';
import { ACTIVITY_AREAS, ORG_UNIT_KINDS } from '$lib/domain';
import { id, presenter } from './presenter';

export const presentOrgUnits = presenter(
	z.object({ orgUnits: z.array(z.object({ id, parentId: id.nullable(), kind: z.enum(ORG_UNIT_KINDS), name: z.string(), activityArea: z.enum(ACTIVITY_AREAS).nullable() })) })
);
