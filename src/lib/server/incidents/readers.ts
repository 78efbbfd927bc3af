/**
 * The people the kommun designates to read incident details (incident_readers: person × unit
 * subtree), e.g. the arbetsmiljö or HR function. Administrators list, add and remove them; each
 * change is in the audit log. A designation grants reading incidents in that part of the
 * organisation and nothing else (decision 0005).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ORG_UNIT_KINDS, orgUnitKindLabel } from '$lib/domain';
import type { Actor } from '../access/actor';
import { mayDesignateIncidentReaders } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { incidentReaders, orgUnits, people } from '../db/schema';
import { invalid, notFound } from '../errors';
import { pathIds } from '../org/service';
import { isUuid, refuseControlCharacters } from '../validation';


/** Arbetsgrupper are left out of the choice: a designation is for a whole enhet or more. */
const DESIGNATABLE_KINDS = ORG_UNIT_KINDS.filter((k) => k !== 'arbetsgrupp');

export const readerInput = z.object({
	person: z
		.string({ error: 'Skriv personens e-postadress eller anställningsnummer.' })
		.trim()
		.min(1, 'Skriv personens e-postadress eller anställningsnummer.')
		.max(200, 'Skriv personens e-postadress eller anställningsnummer.'),
	unitId: z.string({ error: 'Välj vilken del av organisationen personen ska läsa händelser i.' }).uuid('Välj vilken del av organisationen personen ska läsa händelser i.')
});

function requireAdmin(actor: Actor) {
	if (!mayDesignateIncidentReaders(actor)) throw notFound('Sidan');
}

export interface IncidentReader {
	id: string;
	personId: string;
	personName: string;
	email: string;
	active: boolean;
	unitId: string;
	unitName: string;
	unitKind: string;
	createdAt: Date;
}

/** Everyone designated, by name, and the units that may be chosen (in tree order). */
export async function listIncidentReaders(db: Db, actor: Actor) {
	requireAdmin(actor);
	const readers = await db
		.select({
			id: incidentReaders.id,
			personId: people.id,
			personName: people.name,
			email: people.email,
			active: people.active,
			unitId: orgUnits.id,
			unitName: orgUnits.name,
			unitKind: orgUnits.kind,
			createdAt: incidentReaders.createdAt
		})
		.from(incidentReaders)
		.innerJoin(people, eq(people.id, incidentReaders.personId))
		.innerJoin(orgUnits, eq(orgUnits.id, incidentReaders.orgUnitId))
		.orderBy(asc(people.name), asc(orgUnits.path));
	const units = await db
		.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
		.from(orgUnits)
		.where(and(eq(orgUnits.active, true), inArray(orgUnits.kind, DESIGNATABLE_KINDS)))
		.orderBy(asc(orgUnits.path));
	const forvaltningar = units.filter((u) => u.kind === 'forvaltning');
	// Tree order with siblings by name: the names from the top down.
	const nameOf = new Map(units.map((u) => [u.id, u.name]));
	const sortKey = (path: string) => pathIds(path).map((id) => nameOf.get(id) ?? '').join('\u0000');
	units.sort((a, b) => sortKey(a.path).localeCompare(sortKey(b.path), 'sv'));
	return {
		readers: readers.map((r): IncidentReader => ({ ...r, unitKind: orgUnitKindLabel[r.unitKind] })),
		// Enheter of the same name exist in several förvaltningar: below one, its name goes with the unit's.
		units: units.map(({ path, ...u }) => {
			const f = u.kind === 'avdelning' || u.kind === 'enhet' ? forvaltningar.find((x) => path.startsWith(x.path)) : undefined;
			return { ...u, label: f ? `${u.name} (${f.name})` : u.name };
		})
	};
}

/** Designates a person (found by e-mail or anställningsnummer) to read incidents in a unit's subtree. */
export async function addIncidentReader(db: Db, actor: Actor, input: unknown) {
	requireAdmin(actor);
	refuseControlCharacters(input);
	// Each field is checked on its own, so that every problem is reported at once.
	const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
	const fieldErrors: Record<string, string> = {};
	const personKey = readerInput.shape.person.safeParse(raw.person);
	const unitId = readerInput.shape.unitId.safeParse(raw.unitId);
	const [person] = personKey.success
		? await db
				.select({ id: people.id, name: people.name })
				.from(people)
				.where(and(eq(people.active, true), sql`(lower(${people.email}) = lower(${personKey.data}) or ${people.employeeId} = ${personKey.data})`))
		: [];
	if (!personKey.success) fieldErrors.person = personKey.error.issues[0].message;
	else if (!person) fieldErrors.person = 'Ingen aktiv person har den e-postadressen eller det anställningsnumret. Kontrollera stavningen.';
	const [unit] = unitId.success
		? await db
				.select()
				.from(orgUnits)
				.where(and(eq(orgUnits.id, unitId.data), eq(orgUnits.active, true), inArray(orgUnits.kind, DESIGNATABLE_KINDS)))
		: [];
	if (!unit) fieldErrors.unitId = 'Välj vilken del av organisationen personen ska läsa händelser i.';
	if (person && unit) {
		// Already designated for this unit, or for one that contains it: nothing to add.
		const [covering] = await db
			.select({ name: orgUnits.name })
			.from(incidentReaders)
			.innerJoin(orgUnits, eq(orgUnits.id, incidentReaders.orgUnitId))
			.where(and(eq(incidentReaders.personId, person.id), sql`${unit.path} like ${orgUnits.path} || '%'`));
		if (covering) fieldErrors.unitId = `${person.name} läser redan händelser i ${covering.name}, som omfattar ${unit.name}.`;
	}
	const count = Object.keys(fieldErrors).length;
	if (count) throw invalid(count === 1 ? 'Ett fält behöver rättas.' : `${count} fält behöver rättas.`, fieldErrors);
	return db.transaction(async (tx) => {
		const [saved] = await tx.insert(incidentReaders).values({ personId: person.id, orgUnitId: unit.id }).returning();
		await audit(tx, actor, { action: 'incident_reader.add', subjectType: 'person', subjectId: person.id, detail: { unit: unit.name, unitId: unit.id } });
		return { id: saved.id, personName: person.name, unitName: unit.name };
	});
}

/** Ends a designation: the person no longer reads incidents there (other designations stay). */
export async function removeIncidentReader(db: Db, actor: Actor, readerId: string) {
	requireAdmin(actor);
	if (!isUuid(readerId)) throw notFound('Utseendet');
	const [row] = await db
		.select({ id: incidentReaders.id, personId: incidentReaders.personId, personName: people.name, unitId: orgUnits.id, unitName: orgUnits.name })
		.from(incidentReaders)
		.innerJoin(people, eq(people.id, incidentReaders.personId))
		.innerJoin(orgUnits, eq(orgUnits.id, incidentReaders.orgUnitId))
		.where(eq(incidentReaders.id, readerId));
	if (!row) throw notFound('Utseendet');
	await db.transaction(async (tx) => {
		await tx.delete(incidentReaders).where(eq(incidentReaders.id, row.id));
		await audit(tx, actor, { action: 'incident_reader.remove', subjectType: 'person', subjectId: row.personId, detail: { unit: row.unitName, unitId: row.unitId } });
	});
	return { personName: row.personName, unitName: row.unitName };
}
