/**
 * The dry run: what an HR file would change, computed from the checked rows and the database in
 * a handful of queries (whatever the number of rows) and a pass over maps in memory. The same
 * function runs again inside the apply transaction, so what is applied is exactly what the
 * administrator saw, or the apply is refused (the fingerprint differs).
 *
 * People are matched by anställningsnummer, never by e-mail (addresses change and are reused).
 * Leavers are the active people in the chosen scope who are not in the file; they are
 * deactivated, their answers kept. Only the HR manager roles (biträdande enhetschef,
 * enhetschef, avdelningschef) without an end date are kept in step with the file; roles with an
 * end date (vikarierande chef) and the app's own roles (styrgrupp, administratör) are left alone.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { CASEWORKER_TITLES, roleLabel, titleLabel, activityAreaLabel, genderLabel, type ActivityArea, type Gender, type OrgUnitKind, type Role, type Title } from '$lib/domain';
import { isValidOn } from '../access/rules';
import type { Db } from '../db';
import { startsWithPattern } from '../db/paths';
import { query, queryMany } from '../db/client';
import { HR_ROLES, type HrRole } from './columns';
import type { ExtraRoleRow, RowError, StaffRow } from './rows';
import { now as clockNow, todayInStockholm } from '../clock';

export type ImportScope = 'all' | 'listed' | string;

interface UnitState {
	id: string;
	parentId: string | null;
	kind: OrgUnitKind;
	name: string;
	path: string;
	depth: number;
	active: boolean;
}

interface PersonState {
	id: string;
	employeeId: string | null;
	name: string;
	email: string;
	gender: Gender | null;
	orgUnitId: string;
	title: Title;
	activityArea: ActivityArea | null;
	active: boolean;
	path: string;
}

interface RoleState {
	id: string;
	personId: string;
	orgUnitId: string;
	role: Role;
	validFrom: string | null;
	validTo: string | null;
}

export interface PersonRef {
	line: number | null;
	employeeId: string | null;
	name: string;
}

export interface FieldChange {
	field: string;
	from: string;
	to: string;
}

/** What the administrator sees, and what the API returns. */
export interface ImportPlan {
	kommun: { id: string; name: string };
	scope: { value: ImportScope; label: string };
	summary: ImportSummary;
	newUnits: { path: string; kind: OrgUnitKind }[];
	reactivatedUnits: { path: string }[];
	newPeople: (PersonRef & { unit: string; title: string })[];
	moved: (PersonRef & { from: string; to: string })[];
	changed: (PersonRef & { changes: FieldChange[] })[];
	reactivated: (PersonRef & { unit: string })[];
	roles: (PersonRef & { change: 'added' | 'ended'; role: string; unit: string })[];
	leavers: (PersonRef & { unit: string })[];
	/** Not in the file but left active, with the reason. */
	kept: (PersonRef & { reason: string })[];
	/** Addresses taken over from someone who has left (e-mail addresses are reused). */
	releasedEmails: { email: string; from: PersonRef; to: PersonRef }[];
	unchanged: number;
	/** Active people in the scope before the import: what the share of leavers is taken of. */
	activeInScope: number;
	/** The counts of each kind of change, per förvaltning (by name), for the summary. */
	byForvaltning: { name: string; counts: Record<ChangeKind, number> }[];
	fingerprint: string;
}

export const CHANGE_KINDS = ['newPeople', 'moved', 'changed', 'reactivated', 'rolesAdded', 'rolesEnded', 'leavers'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ImportSummary {
	rows: number;
	newUnits: number;
	reactivatedUnits: number;
	newPeople: number;
	moved: number;
	changed: number;
	reactivated: number;
	rolesAdded: number;
	rolesEnded: number;
	leavers: number;
	kept: number;
	unchanged: number;
}

/** The database work of an apply, in set form. */
export interface ImportOps {
	newUnits: { id: string; parentId: string; kind: OrgUnitKind; name: string; path: string; depth: number }[];
	reactivateUnitIds: string[];
	releaseEmails: { id: string; email: string }[];
	/** Existing people whose e-mail changes: parked on a unique placeholder first, so two people may swap addresses. */
	emailChangeIds: string[];
	insertPeople: { id: string; employeeId: string; name: string; email: string; gender: Gender | null; orgUnitId: string; title: Title; activityArea: ActivityArea | null }[];
	updatePeople: { id: string; name: string; email: string; gender: Gender | null; orgUnitId: string; title: Title; activityArea: ActivityArea | null }[];
	deactivateIds: string[];
	endRoles: { id: string; personId: string; role: Role; orgUnitId: string }[];
	insertRoles: { id: string; personId: string; role: HrRole; orgUnitId: string }[];
	moves: { personId: string; from: string; to: string }[];
	/** New social workers with a start date: their introduction starts (introductions/service.ts). */
	startIntroductions: { personId: string; startDate: string }[];
}

export interface PlanResult {
	plan: ImportPlan;
	ops: ImportOps;
	/** Problems that need the database to see (unknown scope, units of the wrong kind, addresses in use). */
	errors: RowError[];
	/** unit id → "Förvaltning / Avdelning / Enhet", new units included. */
	unitLabel: (id: string) => string;
}

const collator = new Intl.Collator('sv-SE');
const KIND_AT_LEVEL: OrgUnitKind[] = ['forvaltning', 'avdelning', 'enhet', 'arbetsgrupp'];
const kindWord: Record<OrgUnitKind, string> = { region: 'region', kommun: 'kommun', forvaltning: 'förvaltning', avdelning: 'avdelning', enhet: 'enhet', arbetsgrupp: 'arbetsgrupp' };
const nameKey = (parentId: string, name: string) => `${parentId}|${comparableName(name)}`;
/** A unit name as compared: white space folded, Swedish lower case (memoised: a file repeats its few hundred names). */
function comparableName(name: string): string {
	let folded = comparableNames.get(name);
	if (folded === undefined) {
		folded = name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');
		if (comparableNames.size >= 50_000) comparableNames.clear();
		comparableNames.set(name, folded);
	}
	return folded;
}
const comparableNames = new Map<string, string>();

export async function planImport(
	db: Db,
	input: { rows: StaffRow[]; extraRoles: ExtraRoleRow[]; kommun: { id: string; name: string; path: string }; scope: ImportScope; actorId: string },
	now = clockNow()
): Promise<PlanResult> {
	const { rows, extraRoles, kommun, scope, actorId } = input;
	const errors: RowError[] = [];
	const today = todayInStockholm(now);

	// --- The database as it is -------------------------------------------------------------
	const units = await query<UnitState>(
		db,
		sql`select id, parent_id as "parentId", kind, name, path, depth, active from org_units where path like ${startsWithPattern(kommun.path)} order by depth, name`
	);
	const unitById = new Map(units.map((u) => [u.id, u]));
	const childByName = new Map<string, UnitState>();
	for (const u of units) if (u.parentId && u.id !== kommun.id) childByName.set(nameKey(u.parentId, u.name), u);

	// Everyone in the kommun, and anyone elsewhere whom the file names (by number or address).
	const ids = JSON.stringify(rows.map((r) => r.employeeId));
	const emails = JSON.stringify(rows.map((r) => r.email));
	const columns = sql`p.id, p.employee_id as "employeeId", p.name, p.email, p.gender, p.org_unit_id as "orgUnitId", p.title,
	       p.activity_area as "activityArea", p.active`;
	const notPseudonym = sql`not exists (select 1 from retention_pseudonyms ps where ps.person_id = p.id)`;
	// The bulk of the work: everyone in the kommun (their unit's path is known from the units above).
	const inKommun = await queryMany<Omit<PersonState, 'path'>>(
		db,
		sql`select ${columns} from people p join org_units u on u.id = p.org_unit_id where u.path like ${startsWithPattern(kommun.path)} and ${notPseudonym}`
	);
	const elsewhere = await query<PersonState>(
		db,
		sql`select ${columns}, u.path from people p join org_units u on u.id = p.org_unit_id
		    where u.path not like ${startsWithPattern(kommun.path)} and ${notPseudonym}
		      and (p.employee_id in (select jsonb_array_elements_text(${ids}::jsonb)) or p.email in (select jsonb_array_elements_text(${emails}::jsonb)))`
	);
	for (const p of inKommun) (p as PersonState).path = unitById.get(p.orgUnitId)!.path;
	const people = [...(inKommun as PersonState[]), ...elsewhere];
	const roles = await query<RoleState>(
		db,
		sql`select a.id, a.person_id as "personId", a.org_unit_id as "orgUnitId", a.role, a.valid_from::text as "validFrom", a.valid_to::text as "validTo"
		    from role_assignments a
		    where a.person_id in (select p.id from people p join org_units u on u.id = p.org_unit_id where u.path like ${startsWithPattern(kommun.path)})
		       or a.person_id in (select (jsonb_array_elements_text(${JSON.stringify(elsewhere.map((p) => p.id))}::jsonb))::uuid)`
	);
	const byEmployee = new Map(people.filter((p) => p.employeeId !== null).map((p) => [p.employeeId!, p]));
	const byEmail = new Map(people.map((p) => [p.email, p]));
	const rolesOf = new Map<string, RoleState[]>();
	for (const r of roles) {
		let list = rolesOf.get(r.personId);
		if (!list) rolesOf.set(r.personId, (list = []));
		list.push(r);
	}
	const isActiveAdmin = (personId: string) =>
		(rolesOf.get(personId) ?? []).some((r) => r.role === 'admin' && isValidOn(r, today));

	// --- Scope ---------------------------------------------------------------------------------
	const forvaltningar = units.filter((u) => u.parentId === kommun.id && u.kind === 'forvaltning');
	let scopePaths: string[];
	let scopeLabel: string;
	let scopeForvaltning: UnitState | null = null;
	if (scope === 'all') {
		scopePaths = [kommun.path];
		scopeLabel = `Hela ${kommun.name}`;
	} else if (scope === 'listed') {
		const named = new Set(rows.map((r) => nameKey(kommun.id, r.path[0])));
		scopePaths = forvaltningar.filter((f) => named.has(nameKey(kommun.id, f.name))).map((f) => f.path);
		scopeLabel = 'Förvaltningarna som finns i filen';
	} else {
		scopeForvaltning = forvaltningar.find((f) => f.id === scope) ?? null;
		if (!scopeForvaltning) {
			errors.push({ line: 0, column: null, message: 'Den valda förvaltningen finns inte. Välj i listan.' });
			scopePaths = [];
			scopeLabel = '–';
		} else {
			scopePaths = [scopeForvaltning.path];
			scopeLabel = scopeForvaltning.name;
		}
	}
	const inScope = (path: string) => scopePaths.some((s) => path.startsWith(s));

	// --- Units -----------------------------------------------------------------------------------
	const ops: ImportOps = { newUnits: [], reactivateUnitIds: [], releaseEmails: [], emailChangeIds: [], insertPeople: [], updatePeople: [], deactivateIds: [], endRoles: [], insertRoles: [], moves: [], startIntroductions: [] };
	const plan: Omit<ImportPlan, 'fingerprint' | 'summary' | 'unchanged' | 'activeInScope' | 'byForvaltning'> = {
		kommun: { id: kommun.id, name: kommun.name },
		scope: { value: scope, label: scopeLabel },
		newUnits: [],
		reactivatedUnits: [],
		newPeople: [],
		moved: [],
		changed: [],
		reactivated: [],
		roles: [],
		leavers: [],
		kept: [],
		releasedEmails: []
	};
	const labelCache = new Map<string, string>();
	const unitLabel = (id: string): string => {
		let label = labelCache.get(id);
		if (label === undefined) {
			const u = unitById.get(id);
			label = !u ? '?' : u.parentId === kommun.id || !u.parentId || u.id === kommun.id ? u.name : `${unitLabel(u.parentId)} / ${u.name}`;
			labelCache.set(id, label);
		}
		return label;
	};
	const reactivated = new Set<string>();
	/** The förvaltning a unit is under (its name), for the per-förvaltning summary. */
	const OUTSIDE = `Utanför ${kommun.name}`;
	const forvaltningOf = (id: string): string => {
		let u = unitById.get(id);
		while (u && u.parentId && u.parentId !== kommun.id) u = unitById.get(u.parentId);
		return u && u.parentId === kommun.id ? u.name : OUTSIDE;
	};
	const tallies = new Map<string, Record<ChangeKind, number>>();
	const tally = (kind: ChangeKind, unitId: string) => {
		const name = forvaltningOf(unitId);
		let counts = tallies.get(name);
		if (!counts) tallies.set(name, (counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>));
		counts[kind]++;
	};

	/** The unit of a row's path, creating (in the plan) what is missing; null with an error when a name is taken by another kind. */
	const resolved = new Map<string, string>();
	const resolveUnit = (line: number, path: string[]): string | null => {
		// Many rows share a path: once it has resolved, it resolves the same way again. (Names are
		// cleaned of line breaks by rows.ts, so joining them on one is unambiguous.)
		const pathKey = path.join('\n');
		const known = resolved.get(pathKey);
		if (known !== undefined) return known;
		const id = resolveUnitAnew(line, path);
		if (id !== null) resolved.set(pathKey, id);
		return id;
	};
	const resolveUnitAnew = (line: number, path: string[]): string | null => {
		let parent: UnitState = unitById.get(kommun.id)!;
		for (let level = 0; level < path.length; level++) {
			const kind = KIND_AT_LEVEL[level];
			const key = nameKey(parent.id, path[level]);
			let unit = childByName.get(key);
			if (unit && unit.kind !== kind) {
				errors.push({ line, column: ['Förvaltning', 'Avdelning', 'Enhet', 'Arbetsgrupp'][level], message: `”${unit.name}” finns redan som ${kindWord[unit.kind]} under ${parent.name}, inte som ${kindWord[kind]}.` });
				return null;
			}
			if (!unit) {
				if (level === 0 && scopeForvaltning) {
					errors.push({ line, column: 'Förvaltning', message: `Raden hör till ${path[0]}, men importen gäller bara ${scopeForvaltning.name}.` });
					return null;
				}
				const id = randomUUID();
				unit = { id, parentId: parent.id, kind, name: path[level].replace(/\s+/g, ' ').trim(), path: `${parent.path}${id}/`, depth: parent.depth + 1, active: true };
				units.push(unit);
				unitById.set(id, unit);
				childByName.set(key, unit);
				ops.newUnits.push({ id, parentId: parent.id, kind, name: unit.name, path: unit.path, depth: unit.depth });
				plan.newUnits.push({ path: unitLabel(id), kind });
			} else if (level === 0 && scopeForvaltning && unit.id !== scopeForvaltning.id) {
				errors.push({ line, column: 'Förvaltning', message: `Raden hör till ${unit.name}, men importen gäller bara ${scopeForvaltning.name}.` });
				return null;
			} else if (!unit.active && !reactivated.has(unit.id)) {
				reactivated.add(unit.id);
				ops.reactivateUnitIds.push(unit.id);
				plan.reactivatedUnits.push({ path: unitLabel(unit.id) });
			}
			parent = unit;
		}
		return parent.id;
	};

	// --- People ----------------------------------------------------------------------------------
	const inFile = new Set(rows.map((r) => r.employeeId));
	const leavers = people.filter(
		(p) => p.active && inScope(p.path) && (p.employeeId === null || !inFile.has(p.employeeId))
	);
	const keptIds = new Set<string>();
	for (const p of leavers) {
		const reason = p.id === actorId ? 'Det är du, som gör importen.' : isActiveAdmin(p.id) ? 'Har rollen systemadministratör.' : null;
		if (reason) {
			keptIds.add(p.id);
			plan.kept.push({ line: null, employeeId: p.employeeId, name: p.name, reason });
		}
	}
	const leaving = leavers.filter((p) => !keptIds.has(p.id));
	const leavingIds = new Set(leaving.map((p) => p.id));
	const fileEmailOf = new Map(rows.map((r) => [r.employeeId, r.email]));

	const roleKey = (role: string, unitId: string) => `${role}@${unitId}`;
	const desiredRoles = new Map<string, Map<string, { role: HrRole; unitId: string; line: number }>>();
	const wantRole = (employeeId: string, role: HrRole, unitId: string, line: number) => {
		let m = desiredRoles.get(employeeId);
		if (!m) desiredRoles.set(employeeId, (m = new Map()));
		m.set(roleKey(role, unitId), { role, unitId, line });
	};
	const personIdOf = new Map<string, string>();
	const refOf = new Map<string, PersonRef>();
	const same = (a: string | null, b: string | null) => (a ?? '') === (b ?? '');

	for (const row of rows) {
		const unitId = resolveUnit(row.line, row.path);
		if (!unitId) continue;
		const existing = byEmployee.get(row.employeeId);
		const ref: PersonRef = { line: row.line, employeeId: row.employeeId, name: row.name };
		refOf.set(row.employeeId, ref);

		// Is the address free? The one holding it may be leaving, gone, or changing address in this same file.
		const holder = byEmail.get(row.email);
		if (holder && holder.id !== existing?.id) {
			const holderChanges = holder.employeeId !== null && fileEmailOf.has(holder.employeeId) && fileEmailOf.get(holder.employeeId) !== holder.email;
			if (!holderChanges) {
				if (holder.active && !leavingIds.has(holder.id)) {
					errors.push({ line: row.line, column: 'E-post', message: `E-postadressen ${row.email} används redan av ${holder.name}${holder.employeeId ? ` (anställningsnummer ${holder.employeeId})` : ''}, som inte slutar.` });
					continue;
				}
				ops.releaseEmails.push({ id: holder.id, email: `${holder.id}@inaktiv.invalid` });
				plan.releasedEmails.push({ email: row.email, from: { line: null, employeeId: holder.employeeId, name: holder.name }, to: ref });
			}
		}

		if (row.managerRole) wantRole(row.employeeId, row.managerRole, unitId, row.line);
		if (existing && existing.active && existing.orgUnitId === unitId && existing.name === row.name && existing.email === row.email && same(existing.gender, row.gender) && same(existing.title, row.title) && same(existing.activityArea, row.activityArea)) {
			personIdOf.set(row.employeeId, existing.id); // most rows: nothing changes (the checks below would find no difference)
			continue;
		}
		const target = { name: row.name, email: row.email, gender: row.gender, orgUnitId: unitId, title: row.title, activityArea: row.activityArea };
		if (!existing) {
			const id = randomUUID();
			personIdOf.set(row.employeeId, id);
			ops.insertPeople.push({ id, employeeId: row.employeeId, ...target });
			if (row.startDate && (CASEWORKER_TITLES as readonly string[]).includes(row.title)) ops.startIntroductions.push({ personId: id, startDate: row.startDate });
			plan.newPeople.push({ ...ref, unit: unitLabel(unitId), title: titleLabel[row.title] });
			tally('newPeople', unitId);
			continue;
		}
		personIdOf.set(row.employeeId, existing.id);
		const changes: FieldChange[] = [];
		const diff = (field: string, from: string | null, to: string | null, label: (v: string) => string = (v) => v) => {
			if ((from ?? '') !== (to ?? '')) changes.push({ field, from: from ? label(from) : '–', to: to ? label(to) : '–' });
		};
		diff('Namn', existing.name, row.name);
		diff('E-post', existing.email, row.email);
		diff('Kön', existing.gender, row.gender, (v) => genderLabel[v as Gender]);
		diff('Yrkestitel', existing.title, row.title, (v) => titleLabel[v as Title]);
		diff('Verksamhetsområde', existing.activityArea, row.activityArea, (v) => activityAreaLabel[v as ActivityArea]);
		const moved = existing.orgUnitId !== unitId;
		if (changes.length > 0) {
			plan.changed.push({ ...ref, changes });
			tally('changed', unitId);
		}
		if (moved) {
			plan.moved.push({ ...ref, from: unitLabel(existing.orgUnitId), to: unitLabel(unitId) });
			tally('moved', unitId);
			ops.moves.push({ personId: existing.id, from: existing.orgUnitId, to: unitId });
		}
		if (!existing.active) {
			plan.reactivated.push({ ...ref, unit: unitLabel(unitId) });
			tally('reactivated', unitId);
		}
		if (existing.email !== row.email) ops.emailChangeIds.push(existing.id);
		if (changes.length > 0 || moved || !existing.active) ops.updatePeople.push({ id: existing.id, ...target });
	}

	for (const extra of extraRoles) {
		if (!personIdOf.has(extra.employeeId)) continue; // the person's own row had a problem, already reported
		const unitId = resolveUnit(extra.line, extra.path);
		if (unitId) wantRole(extra.employeeId, extra.role, unitId, extra.line);
	}

	// --- Roles -------------------------------------------------------------------------------------
	const isHrManaged = (r: RoleState) => (HR_ROLES as readonly string[]).includes(r.role) && r.validTo === null;
	const unitName = (id: string) => unitLabel(id);
	for (const row of rows) {
		const personId = personIdOf.get(row.employeeId);
		if (!personId) continue;
		const held = rolesOf.get(personId);
		if (!held && !desiredRoles.has(row.employeeId)) continue; // most people: no role in the file or in the database
		const ref = refOf.get(row.employeeId)!;
		const wanted = desiredRoles.get(row.employeeId) ?? new Map<string, { role: HrRole; unitId: string; line: number }>();
		const current = (held ?? []).filter(isHrManaged);
		const have = new Set(current.map((r) => roleKey(r.role, r.orgUnitId)));
		for (const r of current) {
			if (wanted.has(roleKey(r.role, r.orgUnitId))) continue;
			ops.endRoles.push({ id: r.id, personId, role: r.role, orgUnitId: r.orgUnitId });
			plan.roles.push({ ...ref, change: 'ended', role: roleLabel[r.role], unit: unitName(r.orgUnitId) });
			tally('rolesEnded', r.orgUnitId);
		}
		for (const [key, w] of wanted) {
			if (have.has(key)) continue;
			ops.insertRoles.push({ id: randomUUID(), personId, role: w.role, orgUnitId: w.unitId });
			plan.roles.push({ ...ref, line: w.line, change: 'added', role: roleLabel[w.role], unit: unitName(w.unitId) });
			tally('rolesAdded', w.unitId);
		}
	}

	// --- Leavers -------------------------------------------------------------------------------------
	for (const p of leaving) {
		const ref: PersonRef = { line: null, employeeId: p.employeeId, name: p.name };
		ops.deactivateIds.push(p.id);
		plan.leavers.push({ ...ref, unit: unitLabel(p.orgUnitId) });
		tally('leavers', p.orgUnitId);
		for (const r of rolesOf.get(p.id) ?? []) {
			if (r.validTo !== null && r.validTo < today) continue;
			ops.endRoles.push({ id: r.id, personId: p.id, role: r.role, orgUnitId: r.orgUnitId });
			plan.roles.push({ ...ref, change: 'ended', role: roleLabel[r.role], unit: unitName(r.orgUnitId) });
			tally('rolesEnded', r.orgUnitId);
		}
	}
	// People in the file for whom nothing at all changes.
	const touched = new Set([...ops.updatePeople.map((u) => u.id), ...ops.endRoles.map((r) => r.personId), ...ops.insertRoles.map((r) => r.personId)]);
	const unchanged = rows.filter((r) => {
		const existing = byEmployee.get(r.employeeId);
		return existing && personIdOf.get(r.employeeId) === existing.id && !touched.has(existing.id);
	}).length;

	const sortRefs = <T extends PersonRef>(list: T[]) => sortByNameAndNumber(list);
	for (const list of [plan.newPeople, plan.moved, plan.changed, plan.reactivated, plan.roles, plan.leavers, plan.kept]) sortRefs(list as PersonRef[]);
	plan.newUnits.sort((a, b) => collator.compare(a.path, b.path));

	const summary: ImportSummary = {
		rows: rows.length + extraRoles.length,
		newUnits: plan.newUnits.length,
		reactivatedUnits: plan.reactivatedUnits.length,
		newPeople: plan.newPeople.length,
		moved: plan.moved.length,
		changed: plan.changed.length,
		reactivated: plan.reactivated.length,
		rolesAdded: plan.roles.filter((r) => r.change === 'added').length,
		rolesEnded: plan.roles.filter((r) => r.change === 'ended').length,
		leavers: plan.leavers.length,
		kept: plan.kept.length,
		unchanged
	};
	const activeInScope = people.filter((p) => p.active && inScope(p.path)).length;
	const byForvaltning = [...tallies].map(([name, counts]) => ({ name, counts })).sort((a, b) => collator.compare(a.name, b.name));
	const full = { ...plan, summary, unchanged: summary.unchanged, activeInScope, byForvaltning };
	return { plan: { ...full, fingerprint: fingerprintOf(full) }, ops, errors, unitLabel };
}

/**
 * By name, then anställningsnummer, in Swedish order, stable. A file has far fewer distinct
 * names than rows, so the names are put in order once, the rows put in a bucket per name, and
 * only the few rows of one name compared by number: the collator, which is slow, runs a few
 * times per row rather than twice per comparison of a full sort.
 */
export function sortByNameAndNumber<T extends PersonRef>(list: T[]): T[] {
	const names = [...new Set(list.map((r) => r.name))].sort(collator.compare);
	// Names the collator holds equal (é composed or not) share a bucket, so the number decides, as in a full sort.
	const bucketOf = new Map<string, T[]>();
	const buckets: T[][] = [];
	names.forEach((n, i) => {
		if (i > 0 && collator.compare(names[i - 1], n) === 0) bucketOf.set(n, bucketOf.get(names[i - 1])!);
		else {
			const bucket: T[] = [];
			buckets.push(bucket);
			bucketOf.set(n, bucket);
		}
	});
	for (const r of list) bucketOf.get(r.name)!.push(r);
	const byNumber = (a: T, b: T) => collator.compare(a.employeeId ?? '', b.employeeId ?? '');
	let i = 0;
	for (const bucket of buckets) {
		if (bucket.length > 1) bucket.sort(byNumber);
		for (const r of bucket) list[i++] = r;
	}
	return list;
}

/** A hash of everything the plan would change, free of the fresh ids it makes up. */
function fingerprintOf(plan: Omit<ImportPlan, 'fingerprint'>): string {
	return createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 32);
}
