/**
 * A generated HR file of a few thousand rows (the benchmark's, scripts/bench/import.ts: a kommun,
 * then a month of leavers, hires, moves, renames and new chefs) checked row by row: after each
 * apply the database says exactly what the file says, the dry run lists every change with its
 * line, and a file with bad rows is refused with each of them, by line and column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles, type StaffPerson } from '../../../../scripts/bench/import';
import type { Actor } from '../access/actor';
import { loadActor } from '../access/load-actor';
import type { Database } from '../db/client';
import { query, sql } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { assignRole, insertOrgUnit, insertPerson } from '../demo/factories';
import { readManagerRole, readTitle } from './columns';
import { applyImport, previewImport, type ImportSource } from './service';

const ROWS = 3000;
const files = importFiles(ROWS, { domain: 'bulk.se', idPrefix: 'B' });
const source = (bytes: Uint8Array): ImportSource => ({ kind: 'file', fileName: 'personal.csv', bytes });

/** The line of each person's (first) row: the header is line 1, a second unit takes a line of its own. */
function linesOf(list: StaffPerson[]): Map<string, number> {
	const lines = new Map<string, number>();
	let line = 2;
	for (const p of list) {
		lines.set(p.employeeId, line);
		line += p.secondUnit ? 2 : 1;
	}
	return lines;
}

describe(`a generated staff file, row by row (${testBackend})`, () => {
	let database: Database;
	let admin: Actor;
	let kommunId: string;

	beforeAll(async () => {
		database = await createTestDatabase();
		const kommun = await insertOrgUnit(database.db, { parent: null, kind: 'kommun', name: 'Bulkstad' });
		kommunId = kommun.id;
		const office = await insertOrgUnit(database.db, { parent: kommun, kind: 'forvaltning', name: 'Stadsledningskontoret' });
		const p = await insertPerson(database.db, { orgUnitId: office.id, email: 'hr@bulkstad.se', title: 'ovrig' });
		await assignRole(database.db, { personId: p.id, orgUnitId: kommun.id, role: 'admin' });
		admin = (await loadActor(database.db, p.id, null))!;
	});
	afterAll(() => database.close());

	/** Everyone with an anställningsnummer as the database has them, units as names from the förvaltning down. */
	async function stored() {
		const units = await query<{ id: string; parentId: string | null; name: string }>(database.db, sql`select id, parent_id as "parentId", name from org_units`);
		const byId = new Map(units.map((u) => [u.id, u]));
		const names = (id: string): string[] => (id === kommunId ? [] : [...names(byId.get(id)!.parentId!), byId.get(id)!.name]);
		const rows = await query<{ id: string; employeeId: string; name: string; email: string; gender: string | null; orgUnitId: string; title: string; activityArea: string | null; active: boolean }>(
			database.db,
			sql`select id, employee_id as "employeeId", name, email, gender, org_unit_id as "orgUnitId", title, activity_area as "activityArea", active from people where employee_id like 'B%'`
		);
		const roles = await query<{ personId: string; orgUnitId: string; role: string }>(database.db, sql`select person_id as "personId", org_unit_id as "orgUnitId", role from role_assignments where valid_to is null and role <> 'admin'`);
		const byPerson = new Map(rows.map((r) => [r.id, r]));
		return {
			people: new Map(rows.map((r) => [r.employeeId, { ...r, path: names(r.orgUnitId) }])),
			roles: roles.map((r) => `${byPerson.get(r.personId)?.employeeId}:${r.role}@${names(r.orgUnitId).join('/')}`).sort()
		};
	}

	async function expectDatabaseToBe(list: StaffPerson[], gone: StaffPerson[]) {
		const { people, roles } = await stored();
		for (const p of list) {
			const s = people.get(p.employeeId);
			expect(s, p.employeeId).toBeDefined();
			expect({ name: s!.name, email: s!.email, gender: s!.gender, path: s!.path, title: s!.title, active: s!.active }).toEqual({
				name: p.name,
				email: p.email,
				gender: p.gender,
				path: p.path,
				title: readTitle(p.title),
				active: true
			});
		}
		for (const p of gone) expect(people.get(p.employeeId)?.active, p.employeeId).toBe(false);
		const expected = list.flatMap((p) => [
			...(p.role ? [`${p.employeeId}:${readManagerRole(p.role)}@${p.path.join('/')}`] : []),
			...(p.secondUnit ? [`${p.employeeId}:unit_manager@${p.secondUnit.join('/')}`] : [])
		]);
		expect(roles).toEqual(expected.sort());
	}

	it('sets the kommun up from the first file', async () => {
		const preview = await previewImport(database.db, admin, source(files.first), { scope: 'listed', kommun: kommunId });
		expect(preview.errors).toEqual([]);
		expect(preview.rowCount).toBe(ROWS);
		const lines = linesOf(files.firstPeople);
		expect(preview.plan!.summary.newPeople).toBe(files.firstPeople.length);
		for (const p of preview.plan!.newPeople) expect(p.line).toBe(lines.get(p.employeeId!));
		await applyImport(database.db, admin, preview.importId!, { fingerprint: preview.plan!.fingerprint });
		await expectDatabaseToBe(files.firstPeople, []);
	});

	it('lists every change of the second file with its line, then makes exactly those', async () => {
		const preview = await previewImport(database.db, admin, source(files.second), { scope: 'listed', kommun: kommunId });
		expect(preview.errors).toEqual([]);
		const plan = preview.plan!;
		const before = new Map(files.firstPeople.map((p) => [p.employeeId, p]));
		const after = new Map(files.secondPeople.map((p) => [p.employeeId, p]));
		const lines = linesOf(files.secondPeople);
		const gone = files.firstPeople.filter((p) => !after.has(p.employeeId));
		const hired = files.secondPeople.filter((p) => !before.has(p.employeeId));
		const moved = files.secondPeople.filter((p) => before.has(p.employeeId) && before.get(p.employeeId)!.path.join('/') !== p.path.join('/'));
		expect(gone.length).toBeGreaterThan(0);
		expect(moved.length).toBeGreaterThan(0);
		expect(plan.leavers.map((l) => l.employeeId).sort()).toEqual(gone.map((p) => p.employeeId).sort());
		expect(plan.newPeople.map((p) => [p.employeeId, p.line]).sort()).toEqual(hired.map((p) => [p.employeeId, lines.get(p.employeeId)]).sort());
		expect(plan.moved.map((p) => [p.employeeId, p.line, p.to]).sort()).toEqual(moved.map((p) => [p.employeeId, lines.get(p.employeeId), p.path.join(' / ')]).sort());
		expect(plan.releasedEmails.length).toBeGreaterThan(0);
		for (const r of plan.releasedEmails) expect(gone.map((p) => p.email)).toContain(r.email);
		// Sorted by name, then number, in Swedish order.
		const collator = new Intl.Collator('sv-SE');
		for (let i = 1; i < plan.moved.length; i++) {
			const [a, b] = [plan.moved[i - 1], plan.moved[i]];
			expect(collator.compare(a.name, b.name) || collator.compare(a.employeeId!, b.employeeId!)).toBeLessThan(0);
		}

		await applyImport(database.db, admin, preview.importId!, { fingerprint: plan.fingerprint });
		await expectDatabaseToBe(files.secondPeople, gone);
		const audit = await query<{ action: string; n: number }>(database.db, sql`select action, count(*)::int as n from audit_log group by action`);
		const n = (action: string) => audit.find((a) => a.action === action)?.n ?? 0;
		expect(n('import.apply')).toBe(2);
		expect(n('person.move')).toBe(moved.length);
		expect(n('person.deactivate')).toBe(gone.length);
	});

	it('refuses a file with bad rows, naming each by line and column', async () => {
		const text = new TextDecoder().decode(files.second).split('\r\n');
		// Rows of people without a chef role, one in each part of the file: [line, column index, bad value, column].
		const staffLine = (from: number) => {
			for (let line = from; ; line++) if (text[line - 1].split(';')[10] === '') return line;
		};
		const bad: [number, number, string, string][] = [
			[staffLine(10), 2, 'inte-en-adress', 'E-post'],
			[staffLine(500), 3, 'Okänt', 'Kön'],
			[staffLine(1234), 10, 'Överchef', 'Chefsroll'],
			[staffLine(2900), 4, '', 'Förvaltning']
		];
		for (const [line, column, value] of bad) {
			const cells = text[line - 1].split(';');
			cells[column] = value;
			text[line - 1] = cells.join(';');
		}
		const preview = await previewImport(database.db, admin, source(new TextEncoder().encode(text.join('\r\n'))), { scope: 'listed', kommun: kommunId });
		expect(preview.plan).toBeNull();
		expect(preview.errors.map((e) => [e.line, e.column])).toEqual(bad.map(([line, , , column]) => [line, column]));
	});
});
