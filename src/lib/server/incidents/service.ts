/**
 * Otillåten påverkan, hot och våld mot tjänstepersoner: an employee (or their nearest manager on
 * their behalf) reports an incident; the employee later says whether the support was enough; the
 * manager records measures and, for a serious incident, when it was reported to
 * Arbetsmiljöverket and whether a work-injury report was made.
 *
 * The details are individual-level data: visible to the employee, the nearest manager of the
 * unit where it happened (policy namedScopes) and the people the kommun designates for a part of
 * the organisation (incident_readers). Every read by someone other than the employee is audited.
 * Statistics upward go through the anonymity rule (statistics.ts).
 */
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { titleLabel, type Title } from '$lib/domain';
import type { Actor } from '../access/actor';
import { canManageIncident, canReportIncidentFor, canSeeIncident, namedScopes } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { query } from '../db/client';
import { pathIn } from '../db/paths';
import { incidentReaders, incidents, orgUnits, people } from '../db/schema';
import { invalid, notFound, notYours } from '../errors';
import { isUuid, parseInput } from '../validation';
import { isSerious, measuresInput, occurredAt, occursInFuture, reportInput, supportInput, type ExportIncident } from './rules';
import { now as clockNow, todayInStockholm } from '../clock';
import { dateInStockholm } from '$lib/time';

export type Incident = typeof incidents.$inferSelect;

/** The parts of the organisation the kommun has designated the actor to read incidents in. */
export async function designatedScopes(db: Db, actor: Actor): Promise<string[]> {
	const rows = await db
		.select({ path: orgUnits.path })
		.from(incidentReaders)
		.innerJoin(orgUnits, eq(orgUnits.id, incidentReaders.orgUnitId))
		.where(eq(incidentReaders.personId, actor.personId));
	return rows.map((r) => r.path);
}

/** The people a manager may report for: their own staff (active), by name. */
export async function reportableStaff(db: Db, actor: Actor) {
	const scopes = namedScopes(actor);
	if (scopes.length === 0) return [];
	return db
		.select({ id: people.id, name: people.name })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(and(eq(people.active, true), pathIn(orgUnits.path, scopes), sql`${people.id} <> ${actor.personId}`))
		.orderBy(asc(people.name));
}

async function personWithUnit(db: Db, personId: string) {
	const [row] = await db
		.select({ id: people.id, name: people.name, active: people.active, unitId: people.orgUnitId, path: orgUnits.path, activityArea: people.activityArea })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(eq(people.id, personId));
	return row;
}

export async function reportIncident(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<Incident> {
	const data = parseInput(reportInput, input);
	const personId = data.personId ?? actor.personId;
	const person = await personWithUnit(db, personId);
	if (!person || !person.active || !canReportIncidentFor(actor, { personId, unitPath: person.path })) {
		throw invalid('Ett fält behöver rättas.', { personId: 'Välj en medarbetare i listan.' });
	}
	if (occursInFuture(data.occurredOn, data.occurredTime, now)) {
		throw invalid('Ett fält behöver rättas.', { occurredOn: 'Händelsen kan inte ha hänt i framtiden.' });
	}
	const when = occurredAt(data.occurredOn, data.occurredTime);
	const [incident] = await db
		.insert(incidents)
		.values({
			personId,
			reportedBy: actor.personId,
			orgUnitId: person.unitId,
			form: data.form,
			occurredAt: when.at,
			occurredTimeKnown: when.timeKnown,
			activityArea: data.activityArea,
			setting: data.setting,
			description: data.description,
			policeReported: data.policeReported,
			threatTakenSeriously: data.threatTakenSeriously,
			createdAt: now,
			updatedAt: now
		})
		.returning();
	await audit(db, actor, { action: 'incident.report', subjectType: 'incident', subjectId: incident.id, detail: { onBehalf: personId !== actor.personId } });
	return incident;
}

/**
 * For the manager's start page: how many serious incidents in their staff are not yet reported
 * to Arbetsmiljöverket. A count only (no names), so it is not a read of individual data.
 */
export async function unreportedSeriousCount(db: Db, actor: Actor): Promise<number> {
	const scopes = namedScopes(actor);
	if (scopes.length === 0) return 0;
	const [row] = await query<{ n: number }>(
		db,
		sql`select count(*)::int as n from incidents i join org_units u on u.id = i.org_unit_id
		    where ${pathIn(sql`u.path`, scopes)} and i.authority_reported_on is null
		      and (i.form = 'vald' or (i.form = 'hot' and i.threat_taken_seriously))`
	);
	return row.n;
}

export interface IncidentListItem {
	id: string;
	form: Incident['form'];
	occurredAt: Date;
	occurredTimeKnown: boolean;
	personName: string;
	unitName: string;
	serious: boolean;
	policeReported: boolean;
	authorityReportedOn: string | null;
	supportEnough: Incident['supportEnough'];
	mine: boolean;
}

/** The incidents the actor may see: their own, their staff's, and where they are designated. */
export async function listIncidents(db: Db, actor: Actor) {
	const scopes = [...namedScopes(actor), ...(await designatedScopes(db, actor))];
	const rows = await db
		.select({ i: incidents, personName: people.name, unitName: orgUnits.name })
		.from(incidents)
		.innerJoin(people, eq(people.id, incidents.personId))
		.innerJoin(orgUnits, eq(orgUnits.id, incidents.orgUnitId))
		.where(or(eq(incidents.personId, actor.personId), pathIn(orgUnits.path, scopes)))
		.orderBy(desc(incidents.occurredAt));
	const list = rows.map(
		({ i, personName, unitName }): IncidentListItem => ({
			id: i.id,
			form: i.form,
			occurredAt: i.occurredAt,
			occurredTimeKnown: i.occurredTimeKnown,
			personName,
			unitName,
			serious: isSerious(i),
			policeReported: i.policeReported,
			authorityReportedOn: i.authorityReportedOn,
			supportEnough: i.supportEnough,
			mine: i.personId === actor.personId
		})
	);
	const others = list.filter((i) => !i.mine).length;
	if (others > 0) await audit(db, actor, { action: 'read.incidents', subjectType: 'incident', detail: { incidents: others } });
	return {
		own: list.filter((i) => i.mine),
		others: list.filter((i) => !i.mine),
		/** Serious incidents not yet reported to Arbetsmiljöverket that the actor manages. */
		unreportedSerious: list.filter((i) => !i.mine && i.serious && !i.authorityReportedOn).length,
		seesOthers: scopes.length > 0
	};
}

async function visibleIncident(db: Db, actor: Actor, incidentId: string) {
	if (!isUuid(incidentId)) throw notFound('Händelsen');
	const [row] = await db
		.select({ i: incidents, unitPath: orgUnits.path, unitName: orgUnits.name })
		.from(incidents)
		.innerJoin(orgUnits, eq(orgUnits.id, incidents.orgUnitId))
		.where(eq(incidents.id, incidentId));
	if (!row || !canSeeIncident(actor, { personId: row.i.personId, unitPath: row.unitPath }, await designatedScopes(db, actor))) throw notFound('Händelsen');
	return row;
}

export async function getIncident(db: Db, actor: Actor, incidentId: string) {
	const { i, unitPath, unitName } = await visibleIncident(db, actor, incidentId);
	const names = await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, [i.personId, i.reportedBy]));
	const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? '';
	const mine = i.personId === actor.personId;
	if (!mine) await audit(db, actor, { action: 'read.incident', subjectType: 'incident', subjectId: i.id });
	return {
		incident: i,
		personName: nameOf(i.personId),
		reportedByName: nameOf(i.reportedBy),
		unitName,
		serious: isSerious(i),
		permissions: { answerSupport: mine, manage: canManageIncident(actor, { unitPath }) }
	};
}

/** The employee says whether the support they got was enough (and may change the answer). */
export async function answerSupport(db: Db, actor: Actor, incidentId: string, input: unknown, now = clockNow()): Promise<Incident> {
	const { i } = await visibleIncident(db, actor, incidentId);
	if (i.personId !== actor.personId) throw notYours('Bara medarbetaren som det hände kan svara på om stödet räckte.');
	const data = parseInput(supportInput, input);
	const [saved] = await db
		.update(incidents)
		.set({ supportEnough: data.supportEnough, supportComment: data.supportComment, supportAnsweredAt: now, updatedAt: now })
		.where(eq(incidents.id, i.id))
		.returning();
	return saved;
}

/** The nearest manager's measures, and for a serious incident the reports made. */
export async function recordMeasures(db: Db, actor: Actor, incidentId: string, input: unknown, now = clockNow()): Promise<Incident> {
	const { i, unitPath } = await visibleIncident(db, actor, incidentId);
	if (!canManageIncident(actor, { unitPath })) throw notYours('Bara närmaste chef dokumenterar åtgärder.');
	const data = parseInput(measuresInput, input);
	const today = todayInStockholm(now);
	const fieldErrors: Record<string, string> = {};
	for (const key of ['authorityReportedOn', 'workInjuryReportedOn'] as const) {
		const value = data[key];
		if (value && value > today) fieldErrors[key] = 'Datumet kan inte vara i framtiden.';
		if (value && value < dateInStockholm(i.occurredAt)) fieldErrors[key] = 'Datumet är före händelsen.';
	}
	if (Object.keys(fieldErrors).length) throw invalid(Object.keys(fieldErrors).length === 1 ? 'Ett fält behöver rättas.' : `${Object.keys(fieldErrors).length} fält behöver rättas.`, fieldErrors);
	const [saved] = await db
		.update(incidents)
		.set({
			measures: data.measures,
			measuresUpdatedAt: data.measures !== i.measures ? now : i.measuresUpdatedAt,
			authorityReportedOn: data.authorityReportedOn ?? null,
			workInjuryReportedOn: data.workInjuryReportedOn ?? null,
			updatedAt: now
		})
		.where(eq(incidents.id, i.id))
		.returning();
	await audit(db, actor, { action: 'incident.measures', subjectType: 'incident', subjectId: i.id });
	return saved;
}

/**
 * The incidents of the actor's staff and designated parts of the organisation, in the shape of
 * the work-injury reporting export. Individual-level: audited; "not found" for anyone who sees
 * no one else's incidents.
 */
export async function exportIncidents(db: Db, actor: Actor, options: { year?: number | null } = {}): Promise<ExportIncident[]> {
	const scopes = [...namedScopes(actor), ...(await designatedScopes(db, actor))];
	if (scopes.length === 0) throw notFound('Exporten');
	const year = options.year ?? null;
	const rows = await query<ExportIncident & { occurredAt: Date | string; createdAt: Date | string }>(
		db,
		sql`select i.id, i.occurred_at as "occurredAt", i.occurred_time_known as "occurredTimeKnown", p.name as "personName", p.employee_id as "employeeId", p.title::text as title,
		       coalesce(f.name, '') as "forvaltningName", u.name as "unitName", i.form::text as form, i.activity_area as "activityArea",
		       i.setting, i.description, i.police_reported as "policeReported", i.threat_taken_seriously as "threatTakenSeriously",
		       i.measures, i.authority_reported_on::text as "authorityReportedOn", i.work_injury_reported_on::text as "workInjuryReportedOn",
		       i.support_enough::text as "supportEnough", r.name as "reportedByName", i.created_at as "createdAt"
		    from incidents i
		    join people p on p.id = i.person_id
		    join people r on r.id = i.reported_by
		    join org_units u on u.id = i.org_unit_id
		    left join org_units f on f.kind = 'forvaltning' and u.path like f.path || '%'
		    where ${pathIn(sql`u.path`, scopes)}
		      ${year ? sql`and extract(year from i.occurred_at at time zone 'Europe/Stockholm') = ${year}` : sql``}
		    order by i.occurred_at`
	);
	await audit(db, actor, { action: 'export.incidents', subjectType: 'incident', detail: { incidents: rows.length, year } });
	return rows.map((r) => ({ ...r, title: titleLabel[r.title as Title] ?? r.title, occurredAt: new Date(r.occurredAt), createdAt: new Date(r.createdAt) }));
}
