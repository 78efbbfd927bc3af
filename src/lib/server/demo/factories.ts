/**
 * Small builders for test data, shared by the integration tests and the demo seed: an
 * integration test builds a tiny organisation in a few lines, the seed inserts thousands of
 * rows in chunks with the same row shapes.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import {
	type ActivityArea,
	type Gender,
	type OrgUnitKind,
	type Role,
	type RoundKind,
	type RoundStatus,
	type Title
} from '$lib/domain';
import { isCaseworker } from '../access/policy';
import { query, sql, type Db } from '../db/client';
import { snapshotRoundMembers } from '../rounds/service';
import { orgUnits, people, responses, roleAssignments, roundMembers, rounds, roundUnits } from '../db/schema';
import { now as clockNow, yearInStockholm } from '../clock';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignments.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

/** What a child unit needs of its parent to compute its materialised path. */
export interface UnitRef {
	id: string;
	path: string;
	depth: number;
}

/** Rows per INSERT in bulk helpers: well under PostgreSQL's 65 535 parameters per statement. */
export const CHUNK_SIZE = 500;

/** Inserts many rows of one table, `chunkSize` rows per statement. */
export async function insertChunked<T extends PgTable>(
	db: Db,
	table: T,
	rows: readonly T['$inferInsert'][],
	chunkSize = CHUNK_SIZE
): Promise<void> {
	for (let i = 0; i < rows.length; i += chunkSize) {
		// The generic row type is exactly what values() takes; TypeScript cannot see that for a generic table.
		await db.insert(table).values(rows.slice(i, i + chunkSize) as never);
	}
}

// --- Organisation -------------------------------------------------------------

export interface OrgUnitInput {
	parent: UnitRef | null;
	kind: OrgUnitKind;
	name: string;
	activityArea?: ActivityArea | null;
	/** Defaults to a fresh random uuid; the seed passes deterministic ones. */
	id?: string;
	active?: boolean;
	createdAt?: Date;
}

/**
 * The row of a new unit with its path ('/' + ancestor ids + own id + '/') and depth, computed
 * in JS so the path is set in the same insert as the id.
 */
export function orgUnitRow(input: OrgUnitInput): typeof orgUnits.$inferInsert & UnitRef {
	const id = input.id ?? randomUUID();
	return {
		id,
		parentId: input.parent?.id ?? null,
		kind: input.kind,
		name: input.name,
		path: `${input.parent?.path ?? '/'}${id}/`,
		depth: input.parent ? input.parent.depth + 1 : 0,
		activityArea: input.activityArea ?? null,
		active: input.active ?? true,
		...(input.createdAt ? { createdAt: input.createdAt } : {})
	};
}

export async function insertOrgUnit(db: Db, input: OrgUnitInput): Promise<OrgUnitRow> {
	const [row] = await db.insert(orgUnits).values(orgUnitRow(input)).returning();
	return row;
}

/** kommun → förvaltning → avdelning → enhet in one call, for tests that need a whole chain. */
export async function insertOrgChain(
	db: Db,
	names: { kommun?: string; forvaltning?: string; avdelning?: string; enhet?: string } = {},
	activityArea: ActivityArea = 'barn_och_unga'
): Promise<{ kommun: OrgUnitRow; forvaltning: OrgUnitRow; avdelning: OrgUnitRow; enhet: OrgUnitRow }> {
	const kommun = await insertOrgUnit(db, { parent: null, kind: 'kommun', name: names.kommun ?? 'Testkommun' });
	const forvaltning = await insertOrgUnit(db, {
		parent: kommun,
		kind: 'forvaltning',
		name: names.forvaltning ?? 'Testvikens stadsdelsförvaltning'
	});
	const avdelning = await insertOrgUnit(db, {
		parent: forvaltning,
		kind: 'avdelning',
		name: names.avdelning ?? 'Avdelningen för barn och unga'
	});
	const enhet = await insertOrgUnit(db, {
		parent: avdelning,
		kind: 'enhet',
		name: names.enhet ?? 'Utredningsenheten',
		activityArea
	});
	return { kommun, forvaltning, avdelning, enhet };
}

// --- People and roles ------------------------------------------------------------

let personCounter = 0;

export interface PersonInput {
	orgUnitId: string;
	name?: string;
	email?: string;
	title?: Title;
	/** Defaults to 'barn_och_unga' for handläggare and null for others; pass null to leave it empty. */
	activityArea?: ActivityArea | null;
	gender?: Gender | null;
	employeeId?: string | null;
	passwordHash?: string | null;
	active?: boolean;
	deactivatedAt?: Date | null;
	createdAt?: Date;
	id?: string;
}

export function personRow(input: PersonInput): typeof people.$inferInsert & { id: string } {
	const n = ++personCounter;
	const title = input.title ?? 'socialsekreterare';
	const active = input.active ?? true;
	return {
		id: input.id ?? randomUUID(),
		employeeId: input.employeeId ?? null,
		email: input.email ?? `test.person${n}.${randomUUID().slice(0, 8)}@exempelstad.test`,
		name: input.name ?? `Testperson ${n}`,
		gender: input.gender === undefined ? 'kvinna' : input.gender,
		orgUnitId: input.orgUnitId,
		title,
		activityArea: input.activityArea === undefined ? (isCaseworker({ title }) ? 'barn_och_unga' : null) : input.activityArea,
		passwordHash: input.passwordHash ?? null,
		active,
		deactivatedAt: input.deactivatedAt ?? (active ? null : clockNow()),
		...(input.createdAt ? { createdAt: input.createdAt } : {})
	};
}

export async function insertPerson(db: Db, input: PersonInput): Promise<PersonRow> {
	const [row] = await db.insert(people).values(personRow(input)).returning();
	return row;
}

export interface RoleInput {
	personId: string;
	orgUnitId: string;
	role: Role;
	/** yyyy-mm-dd or a Date (its UTC date); null/undefined = open-ended. */
	validFrom?: string | Date | null;
	validTo?: string | Date | null;
	id?: string;
}

const isoDate = (d: string | Date | null | undefined) => (d instanceof Date ? d.toISOString().slice(0, 10) : (d ?? null));

export function roleRow(input: RoleInput): typeof roleAssignments.$inferInsert {
	return {
		id: input.id ?? randomUUID(),
		personId: input.personId,
		orgUnitId: input.orgUnitId,
		role: input.role,
		validFrom: isoDate(input.validFrom),
		validTo: isoDate(input.validTo)
	};
}

export async function assignRole(db: Db, input: RoleInput): Promise<RoleAssignmentRow> {
	const [row] = await db.insert(roleAssignments).values(roleRow(input)).returning();
	return row;
}

// --- Rounds and responses --------------------------------------------------------

const DAY = 24 * 60 * 60 * 1000;

export interface RoundInput {
	kind?: RoundKind;
	year?: number;
	name?: string;
	/** Defaults to a day ago, so an 'open' round is answerable now. */
	opensAt?: Date;
	/** Defaults to 14 days after opensAt. */
	closesAt?: Date;
	/** Defaults to 'open': what most tests want. */
	status?: RoundStatus;
	/** The förvaltningar that take part. */
	unitIds?: string[];
	/** Snapshot round_members as opening does; default true unless the round is a draft. */
	snapshotMembers?: boolean;
	id?: string;
}

export function roundRow(input: RoundInput = {}): typeof rounds.$inferInsert & { id: string } {
	const opensAt = input.opensAt ?? new Date(clockNow().getTime() - DAY);
	const closesAt = input.closesAt ?? new Date(opensAt.getTime() + 14 * DAY);
	const kind = input.kind ?? 'T2';
	const year = input.year ?? yearInStockholm(opensAt);
	const status = input.status ?? 'open';
	return {
		id: input.id ?? randomUUID(),
		kind,
		year,
		name: input.name ?? (kind === 'custom' ? `Extra mätning ${year}` : `${kind} ${year}`),
		opensAt,
		closesAt,
		status,
		openedAt: status === 'draft' ? null : opensAt,
		closedAt: status === 'closed' ? closesAt : null
	};
}

export async function insertRound(db: Db, input: RoundInput = {}): Promise<RoundRow> {
	const [round] = await db.insert(rounds).values(roundRow(input)).returning();
	const unitIds = input.unitIds ?? [];
	if (unitIds.length > 0) {
		await db.insert(roundUnits).values(unitIds.map((orgUnitId) => ({ roundId: round.id, orgUnitId })));
		if (input.snapshotMembers ?? round.status !== 'draft') await snapshotRoundMembers(db, round.id);
	}
	return round;
}

export { snapshotRoundMembers };

export interface ResponseInput {
	roundId: string;
	personId: string;
	/** Unit, title and area default to the person's round_members row, else the person's own. */
	orgUnitId?: string;
	title?: Title;
	activityArea?: ActivityArea;
	caseCount?: number;
	situationScore?: number;
	qualityScore?: number;
	recommendScore?: number;
	situationComment?: string | null;
	qualityComment?: string | null;
	recommendComment?: string | null;
	positiveText?: string | null;
	createdAt?: Date;
	id?: string;
}

export function responseRow(
	input: ResponseInput & { orgUnitId: string; title: Title; activityArea: ActivityArea }
): typeof responses.$inferInsert & { id: string } {
	return {
		id: input.id ?? randomUUID(),
		roundId: input.roundId,
		personId: input.personId,
		orgUnitId: input.orgUnitId,
		title: input.title,
		activityArea: input.activityArea,
		caseCount: input.caseCount ?? 15,
		situationScore: input.situationScore ?? 4,
		situationComment: input.situationComment ?? null,
		qualityScore: input.qualityScore ?? 4,
		qualityComment: input.qualityComment ?? null,
		recommendScore: input.recommendScore ?? 4,
		recommendComment: input.recommendComment ?? null,
		positiveText: input.positiveText ?? null,
		...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {})
	};
}

/** Inserts an answer and, as answering does, the person's round_members row if missing. */
export async function insertResponse(db: Db, input: ResponseInput): Promise<ResponseRow> {
	let { orgUnitId, title, activityArea } = input;
	let gender: Gender | null = null;
	if (!orgUnitId || !title || !activityArea) {
		const [member] = await db
			.select()
			.from(roundMembers)
			.where(and(eq(roundMembers.roundId, input.roundId), eq(roundMembers.personId, input.personId)));
		const [person] = member ? [] : await db.select().from(people).where(eq(people.id, input.personId));
		const source = member ?? person;
		if (!source) throw new Error(`insertResponse: no person ${input.personId}`);
		orgUnitId ??= source.orgUnitId;
		title ??= source.title;
		activityArea ??= source.activityArea ?? undefined;
		gender = source.gender;
	}
	if (!activityArea) throw new Error('insertResponse: the person has no activityArea; pass one');
	await db
		.insert(roundMembers)
		.values({ roundId: input.roundId, personId: input.personId, orgUnitId, title, activityArea, gender })
		.onConflictDoNothing();
	const [row] = await db.insert(responses).values(responseRow({ ...input, orgUnitId, title, activityArea })).returning();
	return row;
}

/** Row counts of the main tables, for summaries and assertions. */
export async function countRows(db: Db): Promise<{ units: number; people: number; rounds: number; responses: number }> {
	const [row] = await query<{ units: number; people: number; rounds: number; responses: number }>(
		db,
		sql`select (select count(*)::int from org_units) as units,
		           (select count(*)::int from people) as people,
		           (select count(*)::int from rounds) as rounds,
		           (select count(*)::int from responses) as responses`
	);
	return row;
}
