/** Reading HR files without a database: headers, encodings, delimiters and the checks of each row. */
import { describe, expect, it } from 'vitest';
import { fieldOfHeader, readArea, readGender, readManagerRole, readTitle } from './columns';
import { decodeText, readStaffFile } from './read-file';
import { checkTable, jsonRows, mapColumns } from './rows';

const HEADER = 'Anställningsnummer;Namn;E-post;Förvaltning;Avdelning;Enhet;Arbetsgrupp;Yrkestitel;Verksamhetsområde;Chefsroll';
const read = async (text: string) => checkTable(mapColumns(await readStaffFile(new TextEncoder().encode(text))));

describe('columns', () => {
	it('recognises Swedish headers however they are written', () => {
		expect(['Anställningsnummer', 'ANSTALLNINGSNUMMER', 'anst.nr', ' Anst nr ', 'Personalnummer'].map(fieldOfHeader)).toEqual(Array(5).fill('employeeId'));
		expect(['E-post', 'Epost', 'e-postadress', 'email'].map(fieldOfHeader)).toEqual(Array(4).fill('email'));
		expect(fieldOfHeader('Lön')).toBeNull();
	});

	it('reads the values HR systems write', () => {
		expect(['Kvinna', 'K', 'man', 'M', 'Annat', ''].map(readGender)).toEqual(['kvinna', 'kvinna', 'man', 'man', 'annat', null]);
		expect(readGender('Okänt')).toBeUndefined();
		expect(['Socialsekreterare', 'Vikarierande socialsekreterare', 'Biståndshandläggare', 'Enhetschef', 'Administratör'].map(readTitle)).toEqual(['socialsekreterare', 'socialsekreterare', 'bistandshandlaggare', 'chef', 'ovrig']);
		expect(['Barn och unga', 'Missbruk/beroende', 'Äldreomsorg', 'LSS', 'ekonomiskt_bistand'].map(readArea)).toEqual(['barn_och_unga', 'missbruk_beroende', 'aldreomsorg', 'funktionsnedsattning', 'ekonomiskt_bistand']);
		expect(['Enhetschef', 'Biträdande enhetschef', 'Bitr. enhetschef', 'Avdelningschef', ''].map(readManagerRole)).toEqual(['unit_manager', 'deputy_unit_manager', 'deputy_unit_manager', 'department_manager', null]);
	});
});

describe('reading a file', () => {
	it('takes UTF-8 when it is valid, else Windows-1252', () => {
		expect(decodeText(new TextEncoder().encode('Åsa'))).toEqual({ text: 'Åsa', encoding: 'utf-8' });
		expect(decodeText(new Uint8Array([0xc5, 0x73, 0x61, 0x20, 0x80, 0x20, 0x96, 0x20, 0x92]))).toEqual({ text: 'Åsa € – ’', encoding: 'windows-1252' });
	});

	it('finds the delimiter, skips empty lines and keeps the line numbers of the file', async () => {
		const table = await readStaffFile(new TextEncoder().encode('\ufeffa,b\n1,"two\nlines"\n\n3,4\n'));
		expect(table.headers).toEqual(['a', 'b']);
		expect(table.rows).toEqual([
			{ line: 2, cells: ['1', 'two\nlines'] },
			{ line: 5, cells: ['3', '4'] }
		]);
	});

	it('refuses the old .xls format and empty files with a message that says what to do', async () => {
		await expect(readStaffFile(new Uint8Array(), 'a.csv')).rejects.toThrow('Filen är tom.');
		await expect(readStaffFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'hr.xls')).rejects.toThrow(/gamla Excel-formatet/);
	});
});

describe('checking rows', () => {
	it('a manager of two units stands on two rows; any other repeat is an error', async () => {
		const checked = await read(
			[
				HEADER,
				'1;Maria Ek;maria@k.se;F;A;E1;;Enhetschef;;Enhetschef',
				'1;Maria Ek;maria@k.se;F;A;E2;;Enhetschef;;Enhetschef',
				'2;Sara;sara@k.se;F;A;E1;;Socialsekreterare;Barn och unga;',
				'2;Sara;sara@k.se;F;A;E2;;Socialsekreterare;Barn och unga;'
			].join('\n')
		);
		expect(checked.rows.map((r) => r.employeeId)).toEqual(['1', '2']);
		expect(checked.extraRoles).toEqual([{ line: 3, employeeId: '1', path: ['F', 'A', 'E2'], role: 'unit_manager' }]);
		expect(checked.errors.map((e) => e.line)).toEqual([5]);
	});

	it('joins Förnamn and Efternamn, and lists the columns it did not use', async () => {
		const checked = await read('Anst.nr;Förnamn;Efternamn;Epost;Förvaltning;Titel;Verksamhet;Lön\n7;Åsa;Öberg;ASA@K.SE;F;Socialsekreterare;Barn och unga;30000');
		expect(checked.errors).toEqual([]);
		expect(checked.ignoredColumns).toEqual(['Lön']);
		expect(checked.rows[0]).toMatchObject({ name: 'Åsa Öberg', email: 'asa@k.se', path: ['F'], title: 'socialsekreterare' });
	});

	it('JSON rows use the same column names; a missing column is one error', () => {
		const checked = checkTable(jsonRows([{ Namn: 'A', 'E-post': 'a@k.se', Förvaltning: 'F', Yrkestitel: 'Chef' }]));
		expect(checked.errors).toEqual([{ line: 0, column: 'Anställningsnummer', message: 'Kolumnen Anställningsnummer saknas i raderna.' }]);
	});
});

describe('keeping checked rows between dry run and apply', () => {
	it('reads back exactly what was stored, and previews stored before the column format', async () => {
		const { packRows, unpackRows } = await import('./service');
		const { gzipSync } = await import('node:zlib');
		const { rows, extraRoles } = await read(
			[
				`${HEADER};Kön`,
				'1;Åsa Öberg;asa@k.se;A;B;C;;Socialsekreterare;Barn och unga;;Kvinna',
				'2;Bo Ek;bo@k.se;A;B;;;Avdelningschef;;Avdelningschef;',
				'2;Bo Ek;bo@k.se;A;D;;;Avdelningschef;;Avdelningschef;',
				'3;Cy Al;cy@k.se;A;B;C;G;Biståndshandläggare;Äldreomsorg;;Annat'
			].join('\n')
		);
		expect(rows).toHaveLength(3);
		expect(extraRoles).toHaveLength(1);
		expect(unpackRows(JSON.parse(JSON.stringify(packRows({ rows, extraRoles }))))).toEqual({ rows, extraRoles });
		const old = { gz: gzipSync(JSON.stringify({ rows, extraRoles })).toString('base64') };
		expect(unpackRows(old)).toEqual({ rows, extraRoles });
	});
});
