/** The people register for administrators: find a person, see who they are and what they may do. */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { roleLabel, titleLabel, type Role, type Title } from '$lib/domain';
import type { Actor } from '../access/actor';
import { mayAdministerPeople } from '../access/policy';
import type { Db } from '../db';
import { query } from '../db/client';
import { notFound } from '../errors';

import { isUuid, optionalField, parseInput } from '../validation';
import { containsPattern } from '../db/paths';

export const peopleQuery = z.object({
	q: optionalField(z.string().trim().max(100, 'Högst 100 tecken.'))
});

export interface PersonSummary {
	id: string;
	employeeId: string | null;
	name: string;
	email: string;
	title: Title;
	titleLabel: string;
	unit: string;
	active: boolean;
}

export const PEOPLE_LIMIT = 50;

/** "Förvaltning / Avdelning / Enhet" of a unit, by SQL over the path (kommun and region left out). */
export const unitLabelSql = (unitColumn: ReturnType<typeof sql>) =>
	sql`(select string_agg(ancestor.name, ' / ' order by ancestor.depth) from org_units unit_ join org_units ancestor on unit_.path like ancestor.path || '%' and ancestor.kind not in ('region', 'kommun') where unit_.id = ${unitColumn})`;

/** People by name, e-mail or anställningsnummer (the stand-ins of retained rounds are not people). */
export async function searchPeople(db: Db, actor: Actor, input: unknown): Promise<{ q: string | null; people: PersonSummary[]; more: boolean }> {
	if (!mayAdministerPeople(actor)) throw notFound('Sidan');
	const { q } = parseInput(peopleQuery, input);
	if (!q) return { q: null, people: [], more: false };
	const pattern = containsPattern(q);
	const rows = await query<Omit<PersonSummary, 'titleLabel'>>(
		db,
		sql`select p.id, p.employee_id as "employeeId", p.name, p.email, p.title, p.active, ${unitLabelSql(sql`p.org_unit_id`)} as unit
		    from people p
		    where not exists (select 1 from retention_pseudonyms ps where ps.person_id = p.id)
		      and (p.name ilike ${pattern} or p.email ilike ${pattern} or p.employee_id = ${q})
		    order by p.active desc, p.name, p.id
		    limit ${PEOPLE_LIMIT + 1}`
	);
	return { q, people: rows.slice(0, PEOPLE_LIMIT).map((r) => ({ ...r, titleLabel: titleLabel[r.title] })), more: rows.length > PEOPLE_LIMIT };
}

/** One person with their roles; not found for the stand-ins of retained rounds. */
export async function getPerson(db: Db, actor: Actor, personId: string) {
	if (!mayAdministerPeople(actor) || !isUuid(personId)) throw notFound('Personen');
	const [person] = await query<Omit<PersonSummary, 'titleLabel'> & { createdAt: Date; deactivatedAt: Date | null; gender: string | null }>(
		db,
		sql`select p.id, p.employee_id as "employeeId", p.name, p.email, p.title, p.active, p.gender, p.created_at as "createdAt", p.deactivated_at as "deactivatedAt",
		       ${unitLabelSql(sql`p.org_unit_id`)} as unit
		    from people p
		    where p.id = ${personId} and not exists (select 1 from retention_pseudonyms ps where ps.person_id = p.id)`
	);
	if (!person) throw notFound('Personen');
	const roles = await query<{ id: string; role: Role; unit: string; validFrom: string | null; validTo: string | null }>(
		db,
		sql`select a.id, a.role, ${unitLabelSql(sql`a.org_unit_id`)} as unit, a.valid_from::text as "validFrom", a.valid_to::text as "validTo"
		    from role_assignments a where a.person_id = ${personId} order by a.valid_from nulls first, a.created_at`
	);
	return { ...person, titleLabel: titleLabel[person.title], roles: roles.map((r) => ({ ...r, roleLabel: roleLabel[r.role] })) };
}
