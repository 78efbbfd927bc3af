/**
 * Introductions started by the HR import (issue 14, part 3): a new social worker with a start date
 * gets the enhet's programme and the least busy of its mentors; not where the enhet has no
 * template, the six months are over, or the person carries no cases; a start date that is not a
 * date refuses the row in Swedish. The nearest manager then chooses or changes the mentor, and
 * nobody else may.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { loadActor } from '../access/load-actor';
import type { Database } from '../db/client';
import { auditLog, introductions, introductionSteps, introductionTemplateSteps, orgUnits, people } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { assignRole, insertOrgUnit, insertPerson } from '../demo/factories';
import { applyImport, previewImport, type ImportSource } from '../import/service';
import { refusal } from '../testing/refusal';
import { introductionDetail, setProgrammeMentor } from './service';

const NOW = new Date('2026-12-03T11:00:00Z');
const HEADER = 'Anställningsnummer;Namn;E-post;Förvaltning;Avdelning;Enhet;Arbetsgrupp;Yrkestitel;Verksamhetsområde;Chefsroll;Startdatum';
const U = 'Norrviks förvaltning;Barn och unga;Utredningsenheten';
const M = 'Norrviks förvaltning;Barn och unga;Mottagningsenheten';
const base = [
	HEADER,
	`1001;Sara Lindqvist;sara@kommun.se;${U};Grupp 1;Socialsekreterare;Barn och unga;;2019-03-01`,
	`1002;Amir Haddad;amir@kommun.se;${U};Grupp 1;Socialsekreterare;Barn och unga;;`,
	`1003;Eva Holm;eva@kommun.se;${U};;Socialsekreterare;Barn och unga;;`,
	`1005;Maria Ek;maria@kommun.se;${U};;Enhetschef;;Enhetschef;`,
	`1006;Olle Nord;olle@kommun.se;${M};;Socialsekreterare;Barn och unga;;`
];
const file = (lines: string[]): ImportSource => ({ kind: 'file', fileName: 'personal.csv', bytes: new TextEncoder().encode(lines.join('\r\n') + '\r\n') });

describe(`introductions started by the HR import (${testBackend})`, () => {
	let database: Database;
	let admin: Actor;
	const person = async (employeeId: string) => (await database.db.select().from(people).where(eq(people.employeeId, employeeId)))[0];
	const programmesOf = async (employeeId: string) => database.db.select().from(introductions).where(eq(introductions.personId, (await person(employeeId)).id));
	const actorOf = async (employeeId: string) => (await loadActor(database.db, (await person(employeeId)).id, '192.0.2.10'))!;
	const importFile = async (lines: string[]) => {
		const preview = await previewImport(database.db, admin, file(lines), { scope: 'all' }, NOW);
		if (preview.errors.length) return preview.errors;
		await applyImport(database.db, admin, preview.importId!, { fingerprint: preview.plan!.fingerprint }, NOW);
		return [];
	};

	beforeAll(async () => {
		database = await createTestDatabase();
		const kommun = await insertOrgUnit(database.db, { parent: null, kind: 'kommun', name: 'Testkommun' });
		const office = await insertOrgUnit(database.db, { parent: kommun, kind: 'forvaltning', name: 'Stadsledningskontoret' });
		const adminPerson = await insertPerson(database.db, { orgUnitId: office.id, name: 'Admin', email: 'admin@kommun.se', title: 'ovrig', employeeId: '9000' });
		await assignRole(database.db, { personId: adminPerson.id, orgUnitId: kommun.id, role: 'admin' });
		admin = (await loadActor(database.db, adminPerson.id, '127.0.0.1'))!;
		// The organisation, and Sara's start date long ago: nobody gets a programme from the first file.
		expect(await importFile(base)).toEqual([]);
		expect(await programmesOf('1001')).toEqual([]);
		// Utredningsenheten has a template and two mentors; Sara already mentors a running programme.
		const [enhet] = await database.db.select().from(orgUnits).where(eq(orgUnits.name, 'Utredningsenheten'));
		await database.db.insert(introductionTemplateSteps).values([
			{ orgUnitId: enhet.id, title: 'Stadens introduktionskurs', dueWeek: 3, position: 0 },
			{ orgUnitId: enhet.id, title: 'Signs of Safety, grunder', dueWeek: 8, position: 1 }
		]);
		for (const id of ['1001', '1003']) await assignRole(database.db, { personId: (await person(id)).id, orgUnitId: enhet.id, role: 'mentor' });
		await database.db.insert(introductions).values({ personId: (await person('1002')).id, orgUnitId: enhet.id, startDate: '2026-10-01', endDate: '2027-04-01', mentorId: (await person('1001')).id });
	});
	afterAll(() => database.close());

	it('starts the enhet’s programme for a new social worker with a start date, with the least busy mentor', async () => {
		const errors = await importFile([
			...base,
			`1010;Elin Sandberg;elin@kommun.se;${U};Grupp 1;Socialsekreterare;Barn och unga;;2027-01-11`,
			`1011;Omar Farah;omar@kommun.se;${U};;Socialsekreterare;Barn och unga;;2026-02-01`,
			`1012;Nils Chef;nils@kommun.se;${U};Grupp 1;Biträdande enhetschef;;Biträdande enhetschef;2026-12-01`,
			`1013;Lisa Mott;lisa@kommun.se;${M};;Socialsekreterare;Barn och unga;;2026-12-01`
		]);
		expect(errors).toEqual([]);
		const [elin] = await programmesOf('1010');
		expect(elin).toMatchObject({ startDate: '2027-01-11', endDate: '2027-07-11', mentorId: (await person('1003')).id });
		expect((await database.db.select().from(introductionSteps).where(eq(introductionSteps.introductionId, elin.id))).map((s) => s.title)).toEqual(['Stadens introduktionskurs', 'Signs of Safety, grunder']);
		const [audited] = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, elin.id));
		expect(audited).toMatchObject({ action: 'introduction.started', detail: { via: 'import' } });
		// Six months already over, a manager, and an enhet without a template: no programme.
		for (const id of ['1011', '1012', '1013']) expect(await programmesOf(id), id).toEqual([]);
	});

	it('refuses a start date that is not a date, in Swedish, with the line', async () => {
		const errors = await importFile([...base, `1020;Per Fel;per@kommun.se;${U};;Socialsekreterare;Barn och unga;;11/1 2027`]);
		expect(errors).toEqual([{ line: 7, column: 'Startdatum', message: 'Startdatum ”11/1 2027” är inte ett datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2027-01-11, eller lämna tomt.' }]);
	});

	it('lets the nearest manager choose another mentor, among the enhet’s mentors only; nobody else', async () => {
		const [elin] = await programmesOf('1010');
		const maria = await actorOf('1005');
		const sara = (await person('1001')).id;
		await setProgrammeMentor(database.db, maria, elin.id, { mentorId: sara }, NOW);
		expect((await introductionDetail(database.db, maria, elin.id, NOW)).mentor?.id).toBe(sara);
		expect((await refusal(setProgrammeMentor(database.db, maria, elin.id, { mentorId: (await person('1006')).id }, NOW))).fieldErrors).toEqual({ mentorId: 'Välj en mentor bland enhetens mentorer.' });
		// The mentor herself, a colleague and the new employee: no such programme to change.
		for (const id of ['1001', '1002', '1010']) expect((await refusal(setProgrammeMentor(database.db, await actorOf(id), elin.id, { mentorId: sara }, NOW))).kind, id).toBe('not_found');
		const [changed] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'introduction.mentor_set'));
		expect(changed).toMatchObject({ subjectId: elin.id, detail: { to: sara } });
	});
});
