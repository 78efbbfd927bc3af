import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
	contentDisposition,
	exportFilename,
	exportResponse,
	neutraliseFormula,
	sheetName,
	toCsv,
	toXlsx,
	type ExportTable
} from './table-export';

const table: ExportTable = {
	title: 'Resultat per enhet: T2/2026',
	columns: [
		{ key: 'unit', header: 'Enhet' },
		{ key: 'n', header: 'Antal svar', kind: 'number' },
		{ key: 'mean', header: 'Medelvärde', kind: 'number', decimals: 2 },
		{ key: 'positive', header: 'Andel positiva', kind: 'percent' },
		{ key: 'change', header: 'Förändring', kind: 'number' }
	],
	rows: [
		{ unit: 'Barn och unga; Öst', n: 12, mean: 4.256, positive: 62.5, change: -0.3 },
		{ unit: 'Enhet "Väst"\nandra raden', n: 7, mean: 4, positive: 100, change: 1234.5 },
		{ unit: 'Dold enhet', n: null, mean: null, positive: null, change: null },
		{ unit: '=HYPERLINK("http://x.test";"klick")', n: 5, mean: 3.5, positive: 40, change: 0 },
		{ unit: '+46 8 123', n: 5, mean: 3, positive: 0, change: 0 },
		{ unit: '-1+1', n: 5, mean: 3, positive: 0, change: 0 },
		{ unit: '@SUM(A1)', n: 5, mean: 3, positive: 0, change: 0 },
		{ unit: '\tTAB', n: 5, mean: 3, positive: 0, change: 0 },
		{ unit: '\rCR', n: 5, mean: 3, positive: 0, change: 0 }
	],
	notes: ["Celler markerade 'Dold' visas inte för att skydda anonymiteten.", '=1+1 är inte en formel']
};

describe('toCsv', () => {
	it('writes BOM, semicolons, CRLF, decimal comma, quoting and formula protection', () => {
		const expected =
			'\uFEFF' +
			[
				'Enhet;Antal svar;Medelvärde;Andel positiva (%);Förändring',
				'"Barn och unga; Öst";12;4,26;62,5;-0,3',
				'"Enhet ""Väst""\nandra raden";7;4,00;100,0;1234,5',
				'Dold enhet;;;;',
				`"'=HYPERLINK(""http://x.test"";""klick"")";5;3,50;40,0;0`,
				"'+46 8 123;5;3,00;0,0;0",
				"'-1+1;5;3,00;0,0;0",
				"'@SUM(A1);5;3,00;0,0;0",
				"'\tTAB;5;3,00;0,0;0",
				`"'\rCR";5;3,00;0,0;0`,
				'',
				"Celler markerade 'Dold' visas inte för att skydda anonymiteten.",
				"'=1+1 är inte en formel",
				''
			].join('\r\n');
		expect(toCsv(table)).toBe(expected);
	});

	it('writes a null marker when given, and parses back with a CSV reader', () => {
		const csv = toCsv(table, { nullMarker: 'Dold' });
		expect(csv).toContain('\r\nDold enhet;Dold;Dold;Dold;Dold\r\n');
		const records: string[][] = parse(csv, { bom: true, delimiter: ';', relax_column_count: true });
		expect(records[0]).toEqual(['Enhet', 'Antal svar', 'Medelvärde', 'Andel positiva (%)', 'Förändring']);
		expect(records[2][0]).toBe('Enhet "Väst"\nandra raden');
		expect(records[4][0]).toBe('\'=HYPERLINK("http://x.test";"klick")');
		expect(records).toHaveLength(1 + table.rows.length + 1 + 2);
	});

	it('neutralises a marker that would be a formula, and headers too', () => {
		const csv = toCsv(
			{ title: 't', columns: [{ key: 'a', header: '=cmd', kind: 'number' }], rows: [{ a: null }, { a: -2 }] },
			{ nullMarker: '-' }
		);
		expect(csv).toBe("\uFEFF'=cmd\r\n'-\r\n-2\r\n");
	});

	it('treats missing keys and non-finite numbers as null', () => {
		const csv = toCsv({
			title: 't',
			columns: [
				{ key: 'a', header: 'A', kind: 'number' },
				{ key: 'b', header: 'B' }
			],
			rows: [{ a: Number.NaN }, { a: Infinity, b: 'x' }]
		});
		expect(csv).toBe('\uFEFFA;B\r\n;\r\n;x\r\n');
	});

	it('neutraliseFormula covers the dangerous first characters', () => {
		for (const s of ['=1', '+1', '-1', '@a', '\tx', '\rx', '\uFF1D1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
		for (const s of ['1', 'a=b', ' =1', '–1', '', "'x"]) expect(neutraliseFormula(s)).toBe(s);
	});
});

describe('toXlsx', () => {
	async function readBack(buffer: Buffer) {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(buffer as unknown as ArrayBuffer);
		return wb;
	}

	it('round-trips values, types, header, formats, frozen header and notes', async () => {
		const buffer = await toXlsx(table);
		expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
		const wb = await readBack(buffer);
		expect(wb.worksheets).toHaveLength(1);
		const ws = wb.worksheets[0];
		expect(ws.name).toBe('Resultat per enhet T2 2026');

		// header
		expect(ws.getRow(1).values).toEqual([
			undefined,
			'Enhet',
			'Antal svar',
			'Medelvärde',
			'Andel positiva',
			'Förändring'
		]);
		expect(ws.getCell('A1').font?.bold).toBe(true);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

		// numbers are numbers, percent as fraction with percent format
		expect(ws.getCell('B2').value).toBe(12);
		expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
		expect(ws.getCell('C2').value).toBeCloseTo(4.256);
		expect(ws.getCell('C2').numFmt).toBe('0.00');
		expect(ws.getCell('D2').value).toBeCloseTo(0.625);
		expect(ws.getCell('D2').numFmt).toBe('0.0%');
		expect(ws.getCell('E2').value).toBe(-0.3);

		// text with newline and quotes is kept; formulas stay text (no formula cells)
		expect(ws.getCell('A3').value).toBe('Enhet "Väst"\nandra raden');
		expect(ws.getCell('A5').value).toBe('=HYPERLINK("http://x.test";"klick")');
		expect(ws.getCell('A5').type).toBe(ExcelJS.ValueType.String);
		ws.eachRow((row) =>
			row.eachCell((cell) => {
				expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
			})
		);

		// null → empty cell
		expect(ws.getCell('B4').value).toBeNull();
		expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.Null);

		// notes after an empty row
		const notesRow = 2 + table.rows.length + 1;
		expect(ws.getRow(notesRow - 1).cellCount).toBe(0);
		expect(ws.getCell(`A${notesRow}`).value).toBe(table.notes![0]);
		expect(ws.getCell(`A${notesRow + 1}`).value).toBe('=1+1 är inte en formel');

		// column widths from content, within limits
		const widths = ws.columns.map((c) => c.width ?? 0);
		expect(widths.every((w) => w >= 8 && w <= 60)).toBe(true);
		expect(widths[0]).toBeGreaterThan(widths[1]);
	});

	it('writes the null marker as text when given', async () => {
		const ws = (await readBack(await toXlsx(table, { nullMarker: 'Dold' }))).worksheets[0];
		expect(ws.getCell('B4').value).toBe('Dold');
		expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.String);
	});

	it('removes characters that would corrupt the XML', async () => {
		const ws = (
			await readBack(
				await toXlsx({ title: 'x', columns: [{ key: 'a', header: 'A' }], rows: [{ a: 'ok\u0001\u0008slut' }] })
			)
		).worksheets[0];
		expect(ws.getCell('A2').value).toBe('okslut');
	});
});

describe('sheetName', () => {
	it('sanitises forbidden characters and length', () => {
		expect(sheetName('Resultat: T1/T2 [2026]?*')).toBe('Resultat T1 T2 2026');
		expect(sheetName('Ett väldigt långt namn på en rapport som inte får plats')).toBe('Ett väldigt långt namn på en');
		expect(sheetName('Rapport T2 2019 Norrviks stadsdelsförvaltning')).toBe('Rapport T2 2019 Norrviks');
		expect(sheetName('Exempelstadsstadsdelsförvaltningsrapporten')).toBe('Exempelstadsstadsdelsförvaltnin');
		expect(sheetName('Ett väldigt långt namn på en rapport').length).toBeLessThanOrEqual(31);
		expect(sheetName("'citat'")).toBe('citat');
		expect(sheetName('  ::  ')).toBe('Rapport');
		expect(sheetName('History')).toBe('History 1');
	});
});

describe('exportFilename', () => {
	const date = new Date('2026-11-25T10:00:00Z');

	it('transliterates å/ä/ö and adds the date', () => {
		expect(exportFilename('Lägesbild rapport', 'csv', date)).toBe('lagesbild-rapport-2026-11-25.csv');
		expect(exportFilename('Åsa Öberg – Äldreomsorg', 'xlsx', date)).toBe('asa-oberg-aldreomsorg-2026-11-25.xlsx');
		expect(exportFilename('Café Zürich/Ølstykke', '.XLSX', date)).toBe('cafe-zurich-olstykke-2026-11-25.xlsx');
	});

	it('never produces unsafe names', () => {
		expect(exportFilename('../../etc/passwd', 'csv', date)).toBe('etc-passwd-2026-11-25.csv');
		expect(exportFilename('   ', 'csv', date)).toBe('export-2026-11-25.csv');
		expect(exportFilename('😀', 'c/s"v', date)).toBe('export-2026-11-25.csv');
		expect(exportFilename('a'.repeat(200), 'csv', date)).toBe(`${'a'.repeat(60)}-2026-11-25.csv`);
	});

	it('uses the date in Swedish time', () => {
		expect(exportFilename('x', 'csv', new Date('2026-11-25T23:30:00Z'))).toBe('x-2026-11-26.csv');
		expect(exportFilename('x', 'csv', new Date('2026-06-30T22:30:00Z'))).toBe('x-2026-07-01.csv');
	});
});

describe('exportResponse', () => {
	it('returns a CSV download', async () => {
		const res = await exportResponse(table, 'csv', { filenameBase: 'Lägesbild rapport', date: new Date('2026-11-25T10:00:00Z') });
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="lagesbild-rapport-2026-11-25.csv"');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('returns an XLSX download', async () => {
		const res = await exportResponse(table, 'xlsx');
		expect(res.headers.get('content-type')).toBe(
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		);
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="resultat-per-enhet-t2-2026-\d{4}-\d{2}-\d{2}\.xlsx"$/
		);
		expect(contentDisposition('a"b\\c.csv')).toBe('attachment; filename="a_b_c.csv"');
	});
});
