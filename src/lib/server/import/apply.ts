/**
 * Applies a planned import with set-based SQL: each kind of change is one statement, whatever
 * the number of rows, its data passed as one JSON parameter (jsonb_to_recordset). Runs inside
 * the caller's transaction, so either everything is applied or nothing.
 */
import { sql } from 'drizzle-orm';
import { addDays } from '$lib/time';
import { todayInStockholm } from '../clock';
import type { Db } from '../db';
import { startImportedIntroductions } from '../introductions/service';
import type { ImportOps } from './plan';

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const idList = (ids: string[]) => sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`;

export interface ApplyContext {
	actorId: string;
	importId: string;
	ip: string | null;
	now: Date;
	/** unit id → readable path, for the audit entries. */
	unitLabel: (id: string) => string;
}

export async function applyOps(tx: Db, ops: ImportOps, ctx: ApplyContext): Promise<void> {
	const today = todayInStockholm(ctx.now);
	const yesterday = addDays(today, -1);

	if (ops.newUnits.length > 0) {
		await tx.execute(sql`
			insert into org_units (id, parent_id, kind, name, path, depth)
			select x.id, x.parent_id, x.kind::org_unit_kind, x.name, x.path, x.depth
			from jsonb_to_recordset(${json(ops.newUnits.map((u) => ({ id: u.id, parent_id: u.parentId, kind: u.kind, name: u.name, path: u.path, depth: u.depth })))})
			  as x(id uuid, parent_id uuid, kind text, name text, path text, depth int)`);
	}
	if (ops.reactivateUnitIds.length > 0) {
		await tx.execute(sql`update org_units set active = true where id in ${idList(ops.reactivateUnitIds)}`);
	}
	if (ops.releaseEmails.length > 0) {
		await tx.execute(sql`
			update people p set email = x.email
			from jsonb_to_recordset(${json(ops.releaseEmails)}) as x(id uuid, email text) where p.id = x.id`);
	}
	if (ops.emailChangeIds.length > 0) {
		// A placeholder first, so that two people may swap addresses without tripping the unique index.
		await tx.execute(sql`update people set email = id::text || '@byte.invalid' where id in ${idList(ops.emailChangeIds)}`);
	}
	if (ops.insertPeople.length > 0) {
		await tx.execute(sql`
			insert into people (id, employee_id, name, email, gender, org_unit_id, title, activity_area)
			select x.id, x.employee_id, x.name, x.email, x.gender::gender, x.org_unit_id, x.title::title, x.activity_area::activity_area
			from jsonb_to_recordset(${json(ops.insertPeople.map((p) => ({ id: p.id, employee_id: p.employeeId, name: p.name, email: p.email, gender: p.gender, org_unit_id: p.orgUnitId, title: p.title, activity_area: p.activityArea })))})
			  as x(id uuid, employee_id text, name text, email text, gender text, org_unit_id uuid, title text, activity_area text)`);
	}
	if (ops.updatePeople.length > 0) {
		await tx.execute(sql`
			update people p set name = x.name, email = x.email, gender = x.gender::gender, org_unit_id = x.org_unit_id,
			       title = x.title::title, activity_area = x.activity_area::activity_area, active = true, deactivated_at = null
			from jsonb_to_recordset(${json(ops.updatePeople.map((p) => ({ id: p.id, name: p.name, email: p.email, gender: p.gender, org_unit_id: p.orgUnitId, title: p.title, activity_area: p.activityArea })))})
			  as x(id uuid, name text, email text, gender text, org_unit_id uuid, title text, activity_area text)
			where p.id = x.id`);
	}
	if (ops.deactivateIds.length > 0) {
		await tx.execute(sql`update people set active = false, deactivated_at = ${ctx.now.toISOString()}::timestamptz where id in ${idList(ops.deactivateIds)}`);
		await tx.execute(sql`delete from sessions where person_id in ${idList(ops.deactivateIds)}`);
	}
	if (ops.endRoles.length > 0) {
		const ids = ops.endRoles.map((r) => r.id);
		// An assignment that had not started yet is removed; the others end yesterday, so history stays.
		await tx.execute(sql`delete from role_assignments where id in ${idList(ids)} and valid_from is not null and valid_from > ${yesterday}::date`);
		await tx.execute(sql`update role_assignments set valid_to = ${yesterday}::date where id in ${idList(ids)}`);
	}
	if (ops.insertRoles.length > 0) {
		await tx.execute(sql`
			insert into role_assignments (id, person_id, org_unit_id, role, valid_from)
			select x.id, x.person_id, x.org_unit_id, x.role::role, ${today}::date
			from jsonb_to_recordset(${json(ops.insertRoles.map((r) => ({ id: r.id, person_id: r.personId, org_unit_id: r.orgUnitId, role: r.role })))})
			  as x(id uuid, person_id uuid, org_unit_id uuid, role text)`);
	}

	if (ops.startIntroductions.length > 0) await startImportedIntroductions(tx, ops.startIntroductions, { personId: ctx.actorId, ip: ctx.ip }, { now: ctx.now, importId: ctx.importId });

	// The audit trail of what changes who may see what: roles, moves and departures (arrivals are
	// counted in the import's own entry).
	const via = { via: 'import', importId: ctx.importId };
	const entries = [
		...ops.insertRoles.map((r) => ({ action: 'role.assign', subject_id: r.personId, detail: { role: r.role, orgUnitId: r.orgUnitId, unit: ctx.unitLabel(r.orgUnitId), validFrom: today, ...via } })),
		...ops.endRoles.map((r) => ({ action: 'role.end', subject_id: r.personId, detail: { role: r.role, orgUnitId: r.orgUnitId, unit: ctx.unitLabel(r.orgUnitId), validTo: yesterday, ...via } })),
		...ops.moves.map((m) => ({ action: 'person.move', subject_id: m.personId, detail: { from: ctx.unitLabel(m.from), to: ctx.unitLabel(m.to), ...via } })),
		...ops.deactivateIds.map((id) => ({ action: 'person.deactivate', subject_id: id, detail: via }))
	].map((e) => ({ ...e, actor_id: ctx.actorId, subject_type: 'person', ip: ctx.ip }));
	if (entries.length > 0) {
		await tx.execute(sql`
			insert into audit_log (at, actor_id, action, subject_type, subject_id, detail, ip)
			select ${ctx.now.toISOString()}::timestamptz, x.actor_id, x.action, x.subject_type, x.subject_id, x.detail, x.ip
			from jsonb_to_recordset(${json(entries)}) as x(actor_id uuid, action text, subject_type text, subject_id text, detail jsonb, ip text)`);
	}
}
