import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { orgUnits, people, roleAssignments } from '../db/schema';
import type { Actor } from './actor';

/** Loads a person with their assignments; null when missing or deactivated. */
export async function loadActor(db: Db, personId: string): Promise<Actor | null> {
	const [person] = await db
		.select({
			personId: people.id,
			name: people.name,
			email: people.email,
			title: people.title,
			activityArea: people.activityArea,
			orgUnitId: people.orgUnitId,
			orgUnitPath: orgUnits.path,
			active: people.active
		})
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(eq(people.id, personId));
	if (!person || !person.active) return null;
	const assignments = await db
		.select({
			role: roleAssignments.role,
			orgUnitId: roleAssignments.orgUnitId,
			orgUnitPath: orgUnits.path,
			orgUnitKind: orgUnits.kind,
			orgUnitName: orgUnits.name,
			validFrom: roleAssignments.validFrom,
			validTo: roleAssignments.validTo
		})
		.from(roleAssignments)
		.innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
		.where(eq(roleAssignments.personId, personId));
	const { active: _active, ...rest } = person;
	return { ...rest, assignments };
}
