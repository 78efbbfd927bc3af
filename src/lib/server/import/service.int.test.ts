/**
 * The staff import against a real database: a first import builds the organisation, a second
 * one moves, renames, promotes and lets go; the dry run changes nothing; a broken file is
 * refused whole with line numbers; CSV in UTF-8 and Windows-1252 and XLSX are read alike.
 */
import ExcelJS from 'exceljs';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { loadActor } from '../access/load-actor';
import type { Database } from '../db/client';
import { query, sql } from '../db/client';
import { auditLog, orgUnits, people, responses, roleAssignments, staffImports } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { assignRole, insertOrgUnit, insertPerson, insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { applyImport, getImport, importNow, previewImport, type ImportSource } from './service';

const HEADER = 'Anställningsnummer;Namn;E-post;Kön;Förvaltning;Avdelning;Enhet;Arbetsgrupp;Yrkestitel;Verksamhetsområde;Chefsroll';
const F = 'Norrviks förvaltning';
const A = 'Avdelningen för barn och unga';

/** The first HR file: an avdelning with two enheter, one with an arbetsgrupp. */
const first = [
	HEADER,
	`1001;Sara Lindqvist;sara@kommun.se;Kvinna;${F};${A};Utredningsenheten;Grupp 1;Socialsekreterare;Barn och unga;`,
	`1002;Amir Haddad;amir@kommun.se;Man;${F};${A};Utredningsenheten;Grupp 1;Socialsekreterare;Barn och unga;`,
	`1003;Eva Holm;eva@kommun.se;K;${F};${A};Utredningsenheten;;Socialsekreterare;Barn och unga;`,
	`1004;Johan Berg;johan@kommun.se;M;${F};${A};Utredningsenheten;Grupp 1;Biträdande enhetschef;;Biträdande enhetschef`,
	`1005;Maria Ek;maria@kommun.se;Kvinna;${F};${A};Utredningsenheten;;Enhetschef;;Enhetschef`,
	`1006;Olle Nord;olle@kommun.se;Man;${F};${A};Mottagningsenheten;;Socialsekreterare;Barn och unga;`,
	`1007;Anders Holm;anders@kommun.se;Man;${F};${A};;;Avdelningschef;;Avdelningschef`,
	`1008;Lena Sjö;lena@kommun.se;Kvinna;${F};${A};Mottagningsenheten;;Socialsekreterare;Barn och unga;`
];

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
const file = (lines: string[], fileName = 'personal.csv'): ImportSource => ({ kind: 'file', fileName, bytes: csv(lines) });
const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));

describe(`staff import (${testBackend})`, () => {
	let database: Database;
	let admin: Actor;
	let kommunId: string;

	const person = async (employeeId: string) => (await database.db.select().from(people).where(eq(people.employeeId, employeeId)))[0];
	const unitOf = async (employeeId: string) => (await database.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, (await person(employeeId)).orgUnitId)))[0].name;
	const openRoles = async (employeeId: string) =>
		(await database.db.select({ role: roleAssignments.role, unit: orgUnits.name }).from(roleAssignments).innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId)).where(and(eq(roleAssignments.personId, (await person(employeeId)).id), isNull(roleAssignments.validTo)))).map((r) => `${r.role}@${r.unit}`);
	const counts = async () => (await query<{ units: number; people: number; roles: number }>(database.db, sql`select (select count(*)::int from org_units) as units, (select count(*)::int from people) as people, (select count(*)::int from role_assignments) as roles`))[0];

	const previewAndApply = async (source: ImportSource, options: Record<string, unknown> = {}) => {
		const preview = await previewImport(database.db, admin, source, { scope: 'all', ...options });
		expect(preview.errors).toEqual([]);
		return applyImport(database.db, admin, preview.importId!, { fingerprint: preview.plan!.fingerprint });
	};

	beforeAll(async () => {
		database = await createTestDatabase();
		const kommun = await insertOrgUnit(database.db, { parent: null, kind: 'kommun', name: 'Testkommun' });
		kommunId = kommun.id;
		const it = await insertOrgUnit(database.db, { parent: kommun, kind: 'forvaltning', name: 'Stadsledningskontoret' });
		const adminPerson = await insertPerson(database.db, { orgUnitId: it.id, name: 'Admin', email: 'admin@kommun.se', title: 'ovrig', employeeId: '9000' });
		await assignRole(database.db, { personId: adminPerson.id, orgUnitId: kommun.id, role: 'admin' });
		admin = (await loadActor(database.db, adminPerson.id, '127.0.0.1'))!;
	});
	afterAll(() => database.close());

	it('the dry run of the first file shows the new units, people and roles, and changes nothing', async () => {
		const before = await counts();
		const preview = await previewImport(database.db, admin, file(first), { scope: 'all' });
		expect(preview.errors).toEqual([]);
		expect(preview.encoding).toBe('utf-8');
		const plan = preview.plan!;
		expect(plan.newUnits.map((u) => `${u.kind}: ${u.path}`)).toEqual([
			`forvaltning: ${F}`,
			`avdelning: ${F} / ${A}`,
			`enhet: ${F} / ${A} / Mottagningsenheten`,
			`enhet: ${F} / ${A} / Utredningsenheten`,
			`arbetsgrupp: ${F} / ${A} / Utredningsenheten / Grupp 1`
		]);
		expect(plan.summary).toMatchObject({ rows: 8, newPeople: 8, rolesAdded: 3, leavers: 0, kept: 1, moved: 0 });
		expect(plan.kept).toEqual([{ line: null, employeeId: '9000', name: 'Admin', reason: 'Det är du, som gör importen.' }]);
		expect(plan.roles.map((r) => `${r.name}: ${r.role} ${r.unit}`)).toEqual([
			`Anders Holm: Avdelningschef ${F} / ${A}`,
			`Johan Berg: Biträdande enhetschef ${F} / ${A} / Utredningsenheten / Grupp 1`,
			`Maria Ek: Enhetschef ${F} / ${A} / Utredningsenheten`
		]);
		expect(await counts()).toEqual(before);
	});

	it('applies the first file in one go, and logs the roles it gives', async () => {
		const result = await previewAndApply(file(first));
		expect(result.plan.summary.newPeople).toBe(8);
		expect(await person('1001')).toMatchObject({ name: 'Sara Lindqvist', email: 'sara@kommun.se', gender: 'kvinna', title: 'socialsekreterare', activityArea: 'barn_och_unga', active: true });
		expect(await unitOf('1001')).toBe('Grupp 1');
		expect(await unitOf('1007')).toBe(A);
		expect(await openRoles('1005')).toEqual(['unit_manager@Utredningsenheten']);
		expect(await openRoles('1004')).toEqual(['deputy_unit_manager@Grupp 1']);
		const log = await database.db.select().from(auditLog).where(eq(auditLog.action, 'role.assign'));
		expect(log).toHaveLength(3);
		expect(log[0]).toMatchObject({ actorId: admin.personId, subjectType: 'person', ip: '127.0.0.1', detail: expect.objectContaining({ via: 'import' }) });
		expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'import.apply'))).toHaveLength(1);
		const [stored] = await database.db.select().from(staffImports).where(eq(staffImports.id, result.importId));
		expect(stored).toMatchObject({ status: 'applied', rows: null });
	});

	it('the same file again changes nothing', async () => {
		const preview = await previewImport(database.db, admin, file(first), { scope: 'all' });
		expect(preview.plan!.summary).toMatchObject({ newUnits: 0, newPeople: 0, moved: 0, changed: 0, rolesAdded: 0, rolesEnded: 0, leavers: 0, unchanged: 8 });
	});

	it('a second file: a move, a new title, a new enhetschef, a newcomer and a leaver, matched by anställningsnummer', async () => {
		const round = await insertRound(database.db, { status: 'closed', unitIds: [(await database.db.select().from(orgUnits).where(eq(orgUnits.name, F)))[0].id] });
		await insertResponse(database.db, { roundId: round.id, personId: (await person('1008')).id });
		const second = [
			HEADER,
			`1001;Sara Lindqvist;sara.lindqvist@kommun.se;Kvinna;${F};${A};Utredningsenheten;Grupp 1;Socialsekreterare;Barn och unga;`, // new e-mail, same person
			`1002;Amir Haddad;amir@kommun.se;Man;${F};${A};Mottagningsenheten;;Socialsekreterare;Barn och unga;`, // moved
			`1003;Eva Holm;eva@kommun.se;K;${F};${A};Utredningsenheten;;Biståndshandläggare;Äldreomsorg;`, // new title and area
			`1004;Johan Berg;johan@kommun.se;M;${F};${A};Utredningsenheten;Grupp 1;Biträdande enhetschef;;Biträdande enhetschef`,
			`1005;Maria Ek;maria@kommun.se;Kvinna;${F};${A};Utredningsenheten;;Socialsekreterare;Barn och unga;`, // no longer enhetschef
			`1006;Olle Nord;olle@kommun.se;Man;${F};${A};Utredningsenheten;;Enhetschef;;Enhetschef`, // new enhetschef
			`1007;Anders Holm;anders@kommun.se;Man;${F};${A};;;Avdelningschef;;Avdelningschef`,
			`1009;Nora Ny;nora@kommun.se;Kvinna;${F};${A};Mottagningsenheten;;Socialsekreterare;Barn och unga;` // newcomer; 1008 has left
		];
		const saraId = (await person('1001')).id;
		// Maria has been enhetschef for a while (a role given and taken back the same day is simply removed).
		await database.db.update(roleAssignments).set({ validFrom: '2020-01-01' }).where(eq(roleAssignments.personId, (await person('1005')).id));
		const preview = await previewImport(database.db, admin, file(second), { scope: 'all' });
		expect(preview.errors).toEqual([]);
		const plan = preview.plan!;
		expect(plan.newPeople.map((p) => `${p.line}: ${p.name}`)).toEqual(['9: Nora Ny']);
		expect(plan.moved.map((p) => `${p.name}: ${p.from} → ${p.to}`)).toEqual([
			`Amir Haddad: ${F} / ${A} / Utredningsenheten / Grupp 1 → ${F} / ${A} / Mottagningsenheten`,
			`Olle Nord: ${F} / ${A} / Mottagningsenheten → ${F} / ${A} / Utredningsenheten`
		]);
		expect(plan.changed.map((c) => `${c.name}: ${c.changes.map((x) => `${x.field} ${x.from} → ${x.to}`).join(', ')}`)).toEqual([
			'Eva Holm: Yrkestitel Socialsekreterare → Biståndshandläggare, Verksamhetsområde Barn och unga → Äldreomsorg',
			'Maria Ek: Yrkestitel Chef → Socialsekreterare, Verksamhetsområde – → Barn och unga',
			'Olle Nord: Yrkestitel Socialsekreterare → Chef, Verksamhetsområde Barn och unga → –',
			'Sara Lindqvist: E-post sara@kommun.se → sara.lindqvist@kommun.se'
		]);
		expect(plan.roles.map((r) => `${r.name}: ${r.change} ${r.role}`)).toEqual(['Maria Ek: ended Enhetschef', 'Olle Nord: added Enhetschef']);
		expect(plan.leavers.map((p) => `${p.employeeId} ${p.name}`)).toEqual(['1008 Lena Sjö']);
		// The summary per förvaltning leads the preview.
		expect(plan.byForvaltning).toEqual([{ name: F, counts: { newPeople: 1, moved: 2, changed: 4, reactivated: 0, rolesAdded: 1, rolesEnded: 1, leavers: 1 } }]);

		// One of the nine active people in the kommun (the administrator counts) is more than 10 %: typed confirmation.
		expect(plan.activeInScope).toBe(9);
		expect(preview.guard).toMatchObject({ needsConfirm: true, leavers: 1, activeInScope: 9, limitPercent: 10 });
		for (const confirm of [undefined, '2', 'en']) {
			const refused = await applyImport(database.db, admin, preview.importId!, { fingerprint: plan.fingerprint, confirm }).catch((e) => e);
			expect(refused).toBeInstanceOf(DomainError);
			expect(refused).toMatchObject({ kind: 'invalid', fieldErrors: { confirm: expect.any(String) } });
		}
		expect(await person('1008'), 'nothing changed').toMatchObject({ active: true });
		await applyImport(database.db, admin, preview.importId!, { fingerprint: plan.fingerprint, confirm: ' 1 ' });
		expect((await person('1001')).id).toBe(saraId);
		expect(await unitOf('1002')).toBe('Mottagningsenheten');
		expect(await openRoles('1005')).toEqual([]);
		expect(await openRoles('1006')).toEqual(['unit_manager@Utredningsenheten']);
		const leaver = await person('1008');
		expect(leaver).toMatchObject({ active: false });
		expect(leaver.deactivatedAt).toBeInstanceOf(Date);
		expect(await database.db.select().from(responses).where(eq(responses.personId, leaver.id)), 'past answers are kept').toHaveLength(1);
		const ended = await database.db.select().from(roleAssignments).where(eq(roleAssignments.personId, (await person('1005')).id));
		expect(ended).toHaveLength(1);
		expect(ended[0].validTo, 'ended yesterday, so the history stays').toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const actions = (await database.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['role.end', 'role.assign', 'person.move', 'person.deactivate']));
	});

	it('a broken file is refused whole, every problem with its line and column', async () => {
		const before = await counts();
		const broken = [
			HEADER,
			`1001;Sara Lindqvist;sara.lindqvist@kommun.se;Kvinna;${F};${A};Utredningsenheten;Grupp 1;Socialsekreterare;Barn och unga;`,
			`;Utan Nummer;utan@kommun.se;Kvinna;${F};${A};Utredningsenheten;;Socialsekreterare;Barn och unga;`,
			`2002;Fel Adress;inte-en-adress;Kvinna;${F};${A};Utredningsenheten;;Socialsekreterare;Barn och unga;`,
			`2003;Okänt Område;okant@kommun.se;Kvinna;${F};${A};Utredningsenheten;;Socialsekreterare;Rymdfart;`,
			`1001;Sara Igen;sara2@kommun.se;Kvinna;${F};${A};Utredningsenheten;;Socialsekreterare;Barn och unga;`,
			`2005;Hoppar Över;hopp@kommun.se;Kvinna;${F};;Utredningsenheten;;Socialsekreterare;Barn och unga;`,
			`2006;Chef Fel;chef@kommun.se;Kvinna;${F};${A};Utredningsenheten;Grupp 1;Enhetschef;;Enhetschef`,
			`2007;Stulen Adress;admin@kommun.se;Man;${F};${A};Utredningsenheten;;Socialsekreterare;Barn och unga;`
		];
		const preview = await previewImport(database.db, admin, file(broken), { scope: 'all' });
		expect(preview.importId).toBeNull();
		expect(preview.plan).toBeNull();
		expect(preview.errors.map((e) => `${e.line} ${e.column}: ${e.message}`)).toEqual([
			'3 Anställningsnummer: Anställningsnummer saknas.',
			'4 E-post: ”inte-en-adress” är inte en giltig e-postadress.',
			'5 Verksamhetsområde: Verksamhetsområde ”Rymdfart” känns inte igen. Använd Barn och unga, Ekonomiskt bistånd, Socialpsykiatri, Missbruk och beroende, Funktionsnedsättning eller Äldreomsorg.',
			'6 Anställningsnummer: Anställningsnummer 1001 finns redan på rad 2. En person får bara stå på flera rader om hen är chef för flera enheter (samma namn och e-post, och en chefsroll på varje rad).',
			'7 Avdelning: Avdelning saknas, men enhet är ifylld. Fyll i alla nivåer ovanför.',
			'8 Chefsroll: En enhetschef ska stå på en enhet: fyll i Förvaltning, Avdelning och Enhet men inte Arbetsgrupp.',
			'9 E-post: E-postadressen admin@kommun.se används redan av Admin (anställningsnummer 9000), som inte slutar.'
		]);
		expect(await counts()).toEqual(before);
	});

	it('a missing column is one error about the header, not one per row', async () => {
		const preview = await previewImport(database.db, admin, file(['Namn;E-post;Förvaltning;Yrkestitel', 'A;a@b.se;F;Socialsekreterare']), { scope: 'all' });
		expect(preview.errors).toEqual([{ line: 1, column: 'Anställningsnummer', message: 'Kolumnen Anställningsnummer saknas i rubrikraden.' }]);
	});

	it('reads Windows-1252 (Excel’s ”CSV semikolonavgränsad”) and XLSX alike', async () => {
		const lines = [HEADER.replace('Anställningsnummer', 'Anst.nr'), `3001;Åsa Öberg;asa@kommun.se;Kvinna;${F};${A};Mottagningsenheten;;Socialsekreterare;Ekonomiskt bistånd;`];
		const latin = { kind: 'file' as const, fileName: 'hr.csv', bytes: new Uint8Array(Buffer.from(lines.join('\r\n'), 'latin1')) };
		const fromCsv = await previewImport(database.db, admin, latin, { scope: 'listed' });
		expect(fromCsv.encoding).toBe('windows-1252');
		expect(fromCsv.errors).toEqual([]);
		expect(fromCsv.plan!.newPeople).toEqual([{ line: 2, employeeId: '3001', name: 'Åsa Öberg', unit: `${F} / ${A} / Mottagningsenheten`, title: 'Socialsekreterare' }]);

		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Personal');
		for (const line of lines) sheet.addRow(line.split(';').map((v, i) => (i === 0 && /^\d+$/.test(v) ? Number(v) : v)));
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const fromXlsx = await previewImport(database.db, admin, { kind: 'file', fileName: 'hr.xlsx', bytes }, { scope: 'listed' });
		expect(fromXlsx.format).toBe('xlsx');
		expect(fromXlsx.plan!.newPeople).toEqual(fromCsv.plan!.newPeople);
		// 'listed': only the förvaltningar in the file; 'all' would let everyone else in the kommun go.
		expect(fromXlsx.plan!.leavers.map((l) => l.employeeId).sort()).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1009']);
	});

	it('two people may swap e-mail addresses, and an address is taken over from someone who left', async () => {
		const current = [
			HEADER,
			`1001;Sara Lindqvist;amir@kommun.se;Kvinna;${F};${A};Utredningsenheten;Grupp 1;Socialsekreterare;Barn och unga;`,
			`1002;Amir Haddad;sara.lindqvist@kommun.se;Man;${F};${A};Mottagningsenheten;;Socialsekreterare;Barn och unga;`,
			`1003;Eva Holm;eva@kommun.se;K;${F};${A};Utredningsenheten;;Biståndshandläggare;Äldreomsorg;`,
			`1004;Johan Berg;johan@kommun.se;M;${F};${A};Utredningsenheten;Grupp 1;Biträdande enhetschef;;Biträdande enhetschef`,
			`1005;Maria Ek;maria@kommun.se;Kvinna;${F};${A};Utredningsenheten;;Socialsekreterare;Barn och unga;`,
			`1006;Olle Nord;olle@kommun.se;Man;${F};${A};Utredningsenheten;;Enhetschef;;Enhetschef`,
			`1007;Anders Holm;anders@kommun.se;Man;${F};${A};;;Avdelningschef;;Avdelningschef`,
			`1009;Nora Ny;nora@kommun.se;Kvinna;${F};${A};Mottagningsenheten;;Socialsekreterare;Barn och unga;`,
			`1010;Lena Sjöberg;lena@kommun.se;Kvinna;${F};${A};Mottagningsenheten;;Socialsekreterare;Barn och unga;` // Lena Sjö (1008) left; a new Lena gets the address
		];
		const result = await previewAndApply(file(current));
		expect(result.plan.releasedEmails.map((r) => `${r.email}: ${r.from.employeeId} → ${r.to.employeeId}`)).toEqual(['lena@kommun.se: 1008 → 1010']);
		expect((await person('1001')).email).toBe('amir@kommun.se');
		expect((await person('1002')).email).toBe('sara.lindqvist@kommun.se');
		expect((await person('1010')).email).toBe('lena@kommun.se');
		expect((await person('1008')).email).toMatch(/@inaktiv\.invalid$/);
	});

	it('apply refuses when the people changed after the dry run', async () => {
		const changed = [
			HEADER,
			`1001;Sara Lindqvist;amir@kommun.se;Kvinna;${F};${A};Utredningsenheten;Grupp 1;Socialsekreterare;Barn och unga;`
		];
		const preview = await previewImport(database.db, admin, file(changed), { scope: 'listed' });
		const before = preview.plan!.summary.leavers;
		expect(before).toBeGreaterThan(0);
		await database.db.update(people).set({ name: 'Nora Nyström' }).where(eq(people.employeeId, '1009'));
		expect(await kindOf(applyImport(database.db, admin, preview.importId!, { fingerprint: preview.plan!.fingerprint }))).toBe('conflict');
		const reread = await getImport(database.db, admin, preview.importId!);
		expect(reread.planChanged).toBe(true);
		expect(await person('1009')).toMatchObject({ active: true });
	});

	it('a förvaltning as scope: rows of another förvaltning are errors, and only its own people can leave', async () => {
		const [norrvik] = await database.db.select().from(orgUnits).where(eq(orgUnits.name, F));
		const preview = await previewImport(database.db, admin, file([HEADER, `4001;Fel Förvaltning;fel@kommun.se;Man;Södra förvaltningen;Avd;Enh;;Socialsekreterare;Missbruk;`]), { scope: norrvik.id });
		expect(preview.errors).toEqual([{ line: 2, column: 'Förvaltning', message: `Raden hör till Södra förvaltningen, men importen gäller bara ${F}.` }]);
	});

	it('the API’s one-step import with JSON rows, and the fingerprint of a dry run', async () => {
		const rows = [{ Anställningsnummer: '5001', Namn: 'Jon Json', 'E-post': 'jon@kommun.se', Förvaltning: 'Södra förvaltningen', Avdelning: 'Avdelningen för vuxna', Enhet: 'Beroendeenheten', Yrkestitel: 'Socialsekreterare', Verksamhetsområde: 'Missbruk och beroende' }];
		expect(await kindOf(importNow(database.db, admin, { kind: 'rows', rows }, { scope: 'listed', fingerprint: '0'.repeat(32) }))).toBe('conflict');
		expect(await person('5001')).toBeUndefined();
		const done = await importNow(database.db, admin, { kind: 'rows', rows }, { scope: 'listed' });
		expect(done).toMatchObject({ applied: true, format: 'json', errors: [] });
		expect(done.plan!.newUnits.map((u) => u.path)).toEqual(['Södra förvaltningen', 'Södra förvaltningen / Avdelningen för vuxna', 'Södra förvaltningen / Avdelningen för vuxna / Beroendeenheten']);
		expect(await person('5001')).toMatchObject({ name: 'Jon Json', activityArea: 'missbruk_beroende', active: true });
		const bad = await importNow(database.db, admin, { kind: 'rows', rows: [{ ...rows[0], 'E-post': 'nej' }] }, { scope: 'listed' });
		expect(bad).toMatchObject({ applied: false, errors: [{ line: 1, column: 'E-post', message: '”nej” är inte en giltig e-postadress.' }] });
	});

	it('the scope has no default: without it nothing is read, in the dry run and in the one-step import', async () => {
		for (const options of [{}, { scope: '' }, { scope: 'everything' }]) {
			const refused = await previewImport(database.db, admin, file(first), options).catch((e) => e);
			expect(refused).toMatchObject({ kind: 'invalid', fieldErrors: { scope: expect.stringMatching(/^Välj vad filen omfattar/) } });
		}
		expect(await kindOf(importNow(database.db, admin, file(first), {}))).toBe('invalid');
	});

	it('the one-step import refuses to end more than the share without the typed count, and changes nothing', async () => {
		const before = await counts();
		const active = async () => (await query<{ n: number }>(database.db, sql`select count(*)::int as n from people where active`))[0].n;
		const activeBefore = await active();
		const rows = [{ Anställningsnummer: '6001', Namn: 'Två Rader', 'E-post': 'tva@kommun.se', Förvaltning: F, Yrkestitel: 'Övrig' }];
		for (const confirm of [undefined, 1]) {
			const refused = await importNow(database.db, admin, { kind: 'rows', rows }, { scope: 'all', ...(confirm === undefined ? {} : { confirm }) }).catch((e) => e);
			expect(refused).toMatchObject({ kind: 'invalid', fieldErrors: { confirm: expect.any(String) } });
		}
		expect(await counts()).toEqual(before);
		expect(await active()).toBe(activeBefore);
		const dry = await previewImport(database.db, admin, { kind: 'rows', rows }, { scope: 'all' });
		expect(dry.guard).toMatchObject({ needsConfirm: true });
		expect(dry.guard!.leavers).toBeGreaterThan(5);
	});

	it('only administrators may import: to others it does not exist', async () => {
		const [someone] = await database.db.select().from(people).where(eq(people.employeeId, '1005'));
		const actor = (await loadActor(database.db, someone.id, null))!;
		expect(await kindOf(previewImport(database.db, actor, file(first), { scope: 'all' }))).toBe('not_found');
		expect(kommunId).toBeTruthy();
	});
});
