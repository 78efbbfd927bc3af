/**
 * The app's own roles, given and ended by the kommun's administrators on a person's page: the
 * steering groups, administrators and the readers the plan names (facklig representant,
 * följeforskare). The manager roles come from the HR system and are kept in step by the staff
 * import (import/plan.ts), so they are not given here. Every change is written to the audit log.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { roleLabel, type OrgUnitKind, type Role } from '$lib/domain';
import type { Actor } from '../access/actor';
import { mayAdministerPeople } from '../access/policy';
import { isValidOn } from '../access/rules';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { orgUnits, people, roleAssignments } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { isUuid, optionalIsoDate, parseInput } from '../validation';
import { now as clockNow, todayInStockholm } from '../clock';
import { addDays } from '$lib/time';

/** Each app role and the kinds of unit it is given on. */
export const APP_ROLE_UNITS = {
	local_steering: ['forvaltning'],
	central_steering: ['kommun'],
	admin: ['kommun'],
	union_representative: ['forvaltning', 'kommun'],
	researcher: ['forvaltning', 'kommun']
} as const satisfies Partial<Record<Role, readonly OrgUnitKind[]>>;
export type AppRole = keyof typeof APP_ROLE_UNITS;
export const APP_ROLES = Object.keys(APP_ROLE_UNITS) as AppRole[];
export const isAppRole = (role: string): role is AppRole => role in APP_ROLE_UNITS;

/** An app role that has not ended yet (running or still to start), which an administrator may end. */
export const isEndable = (r: { role: string; validTo: string | null }, today: string) => isAppRole(r.role) && isValidOn({ validFrom: null, validTo: r.validTo }, today);

const WHERE: Record<string, string> = { forvaltning: 'en förvaltning', kommun: 'kommunen' };

export const giveRoleInput = z.object({
	role: z.enum(APP_ROLES as [AppRole, ...AppRole[]], { error: 'Välj en roll.' }),
	unitId: z.string({ error: 'Välj var rollen gäller.' }).refine(isUuid, 'Välj var rollen gäller.'),
	validFrom: optionalIsoDate(),
	validTo: optionalIsoDate()
});

function requireAdmin(actor: Actor) {
	if (!mayAdministerPeople(actor)) throw notFound('Personen');
}

/** The units an app role can be given on: the kommun and its förvaltningar. */
export async function roleUnits(db: Db, actor: Actor) {
	requireAdmin(actor);
	return db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
		.from(orgUnits)
		.where(and(eq(orgUnits.active, true), sql`${orgUnits.kind} in ('kommun', 'forvaltning')`))
		.orderBy(orgUnits.depth, orgUnits.name);
}

async function activePerson(db: Db, personId: string) {
	if (!isUuid(personId)) throw notFound('Personen');
	const [person] = await db.select({ id: people.id, name: people.name, active: people.active }).from(people).where(eq(people.id, personId));
	if (!person) throw notFound('Personen');
	return person;
}

export async function giveRole(db: Db, actor: Actor, personId: string, input: unknown, now = clockNow()) {
	requireAdmin(actor);
	const person = await activePerson(db, personId);
	const data = parseInput(giveRoleInput, input);
	if (!person.active) throw invalid('Personen har slutat och kan inte få en roll.');
	const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, data.unitId));
	if (!unit || !unit.active) throw notFound('Enheten');
	const kinds: readonly OrgUnitKind[] = APP_ROLE_UNITS[data.role];
	if (!kinds.includes(unit.kind)) {
		throw invalid('Ett fält behöver rättas.', { unitId: `${roleLabel[data.role]} gäller ${kinds.map((k) => WHERE[k]).join(' eller ')}. Välj ${kinds.length > 1 ? 'en av dem' : WHERE[kinds[0]]}.` });
	}
	const from = data.validFrom ?? todayInStockholm(now);
	if (data.validTo && data.validTo < from) throw invalid('Ett fält behöver rättas.', { validTo: 'Slutdatumet kan inte vara före startdatumet.' });
	// The same role on the same unit, still running or not yet started: one is enough.
	const [running] = await db
		.select({ id: roleAssignments.id })
		.from(roleAssignments)
		.where(
			and(
				eq(roleAssignments.personId, personId),
				eq(roleAssignments.role, data.role),
				eq(roleAssignments.orgUnitId, unit.id),
				or(isNull(roleAssignments.validTo), sql`${roleAssignments.validTo} >= ${from}::date`)
			)
		);
	if (running) throw conflict(`${person.name} har redan rollen ${roleLabel[data.role].toLowerCase()} i ${unit.name}.`);
	const [row] = await db
		.insert(roleAssignments)
		.values({ personId, orgUnitId: unit.id, role: data.role, validFrom: from, validTo: data.validTo ?? null })
		.returning();
	await audit(db, actor, { action: 'role.assign', subjectType: 'person', subjectId: personId, detail: { role: data.role, orgUnitId: unit.id, unit: unit.name, validFrom: from, validTo: data.validTo ?? null } });
	return row;
}

/**
 * Ends an app role from today: it held until yesterday, or, if it had not started before today,
 * it is removed. An administrator may not end their own administrator role (someone must be left).
 */
export async function endRole(db: Db, actor: Actor, personId: string, assignmentId: string, now = clockNow()) {
	requireAdmin(actor);
	await activePerson(db, personId);
	if (!isUuid(assignmentId)) throw notFound('Rollen');
	const [row] = await db
		.select({ assignment: roleAssignments, unitName: orgUnits.name })
		.from(roleAssignments)
		.innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
		.where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.personId, personId)));
	if (!row) throw notFound('Rollen');
	const a = row.assignment;
	if (!isAppRole(a.role)) throw invalid('Chefsroller kommer från personalsystemet och avslutas genom personalimporten.');
	if (a.role === 'admin' && personId === actor.personId) throw invalid('Du kan inte avsluta din egen administratörsroll. Be en annan administratör göra det.');
	const today = todayInStockholm(now);
	const yesterday = addDays(today, -1);
	if (!isEndable(a, today)) throw invalid('Rollen har redan upphört.');
	if (a.validFrom !== null && a.validFrom > yesterday) await db.delete(roleAssignments).where(eq(roleAssignments.id, a.id));
	else await db.update(roleAssignments).set({ validTo: yesterday }).where(eq(roleAssignments.id, a.id));
	await audit(db, actor, { action: 'role.end', subjectType: 'person', subjectId: personId, detail: { role: a.role, orgUnitId: a.orgUnitId, unit: row.unitName } });
}
