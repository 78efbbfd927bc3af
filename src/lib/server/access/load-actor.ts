import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { preparedPerDb } from '../db/client';
import { orgUnits, people, sessions } from '../db/schema';
import type { Actor, Assignment, PersonActor } from './actor';

/**
 * The actor's columns: the person, their unit's path and every assignment as a JSON array, so that
 * loading an actor is one query. Every request loads one: this is the app's hottest read, so both
 * queries below are prepared once per database.
 */
const actorColumns = {
	personId: people.id,
	name: people.name,
	email: people.email,
	title: people.title,
	activityArea: people.activityArea,
	orgUnitId: people.orgUnitId,
	orgUnitPath: orgUnits.path,
	active: people.active,
	assignments: sql<Assignment[] | string>`coalesce((
		select json_agg(json_build_object(
			'role', ra.role, 'orgUnitId', ra.org_unit_id, 'orgUnitPath', au.path, 'orgUnitKind', au.kind,
			'orgUnitName', au.name, 'validFrom', ra.valid_from, 'validTo', ra.valid_to) order by ra.created_at, ra.id)
		from role_assignments ra join org_units au on au.id = ra.org_unit_id
		where ra.person_id = ${people.id}), '[]'::json)`
};

type ActorRow = Awaited<ReturnType<ReturnType<typeof actorById>['execute']>>[number];

const actorById = preparedPerDb((db) =>
	db
		.select(actorColumns)
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(eq(people.id, sql.placeholder('personId')))
		.prepare('actor_by_id')
);

const actorBySession = preparedPerDb((db) =>
	db
		.select({ expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt, ...actorColumns })
		.from(sessions)
		.innerJoin(people, eq(people.id, sessions.personId))
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(eq(sessions.id, sql.placeholder('sessionId')))
		.prepare('actor_by_session')
);

/** Null when the person is deactivated: they may not act, whatever session they hold. */
function toActor(row: ActorRow): PersonActor | null {
	if (!row.active) return null;
	const { active: _active, assignments, ...person } = row;
	return { ...person, assignments: typeof assignments === 'string' ? (JSON.parse(assignments) as Assignment[]) : assignments };
}

/**
 * Loads a person with their assignments, acting from `ip`; null when missing or deactivated.
 * For tests and scripts: a request's actor comes from its session, with the request's address
 * added in hooks.server.ts (the type PersonActor makes that step impossible to skip).
 */
export async function loadActor(db: Db, personId: string, ip: string | null = null): Promise<Actor | null> {
	const [row] = await actorById(db).execute({ personId });
	const person = row ? toActor(row) : null;
	return person ? { ...person, ip } : null;
}

export interface SessionActor {
	personId: string;
	expiresAt: Date;
	lastSeenAt: Date;
	/** Null when the person has been deactivated since the session began. */
	actor: PersonActor | null;
}

/** A stored session (by its hashed id) with its actor, in one query. */
export async function loadSessionActor(db: Db, sessionId: string): Promise<SessionActor | null> {
	const [row] = await actorBySession(db).execute({ sessionId });
	if (!row) return null;
	const { expiresAt, lastSeenAt, ...actorRow } = row;
	return { personId: row.personId, expiresAt, lastSeenAt, actor: toActor(actorRow) };
}
