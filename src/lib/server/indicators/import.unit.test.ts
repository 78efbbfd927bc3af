import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { BUILTIN_INDICATORS, builtinDefinition } from './definitions';
import { checkRows, decodeText, readIndicatorFile, type ImportUnit } from './import';
import type { IndicatorDef } from './rules';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve('tests/fixtures/indicators', name)));
const defs: IndicatorDef[] = BUILTIN_INDICATORS.map((b) => ({ id: `id-${b.key}`, ...builtinDefinition(b) }));
const units: ImportUnit[] = [
	{ id: 'k', name: 'Testkommun', kind: 'kommun' },
	{ id: 'f1', name: 'Norrviks förvaltning', kind: 'forvaltning' },
	{ id: 'f2', name: 'Söderås förvaltning', kind: 'forvaltning' }
];
const text = (s: string) => new TextEncoder().encode(s);

describe('reading an indicator file', () => {
	it('reads Tabell 1 of the 2021 report exactly as printed', async () => {
		const read = await readIndicatorFile(fixture('tabell-1-konsulter-2016-2021.csv'), 'tabell-1.csv');
		expect(read.problems).toEqual([]);
		expect(read.encoding).toBe('utf-8');
		const { figures, problems } = checkRows(read.rows, { defs, units });
		expect(problems).toEqual([]);
		expect(figures.map((f) => [f.period, f.value])).toEqual([
			['2016-04', 88],
			['2016-11', 100],
			['2017-04', 83],
			['2017-11', 60],
			['2018-04', 58],
			['2018-11', 34],
			['2019-04', 23],
			['2019-11', 22],
			['2020-04', 29],
			['2020-11', 30],
			['2021-04', 26]
		]);
		expect(figures.every((f) => f.orgUnitId === 'k' && f.indicatorKey === 'consultants' && f.dimension === 'total')).toBe(true);
		expect(figures.find((f) => f.period === '2019-04')).toMatchObject({ countMonth: 5, note: 'Räknades i maj 2019', line: 8 });
	});

	it('reads Windows-1252 from Excel with decimal commas, many förvaltningar and periods at once', async () => {
		const bytes = fixture('forvaltningar-windows-1252.csv');
		expect(decodeText(bytes).encoding).toBe('windows-1252');
		const read = await readIndicatorFile(bytes, 'export.csv');
		expect(read.encoding).toBe('windows-1252');
		const { figures, problems } = checkRows(read.rows, { defs, units });
		expect(problems).toEqual([]);
		expect(figures).toHaveLength(6);
		expect(figures[1]).toMatchObject({ indicatorKey: 'turnover', orgUnitId: 'f1', period: '2020', dimension: 'title', category: 'socialsekreterare', value: 15, base: 100 });
		expect(figures[3]).toMatchObject({ indicatorKey: 'sick_leave_short', period: '2020-T2', value: 2.4, note: 'Källa: HR-systemet' });
		expect(figures[5]).toMatchObject({ indicatorKey: 'vfu_places', orgUnitId: 'f2', period: '2020-HT', value: 7 });
	});

	it('reports every bad row with its line number and what is wrong', async () => {
		const read = await readIndicatorFile(fixture('trasig.csv'), 'trasig.csv');
		const { figures, problems } = checkRows(read.rows, { defs, units });
		expect(problems).toEqual([
			{ line: 3, message: 'Okänd indikator ”Antal konsultr”.' },
			{ line: 4, message: 'Perioden ”VT 2021” passar inte Antal konsulter, som rapporteras på en mätdag i april och november (skriv till exempel april 2020).' },
			{ line: 5, message: 'Ett antal kan inte vara negativt.' },
			{ line: 9, message: 'Okänd förvaltning ”Okänd förvaltning”, eller så får du inte rapportera för den.' }
		]);
		// The split that does not add up is checked against the database's figures too, in the service.
		expect(figures.map((f) => f.line)).toEqual([2, 6, 7, 8]);
	});

	it('refuses unknown and missing columns, duplicates, and two splits on one row', async () => {
		const bad = await readIndicatorFile(text('Indikator;Förvaltning;Tid;Värde\nAntal konsulter;Norrviks förvaltning;april 2020;3\n'));
		expect(bad.problems.map((p) => p.message)).toEqual([
			'Okänd kolumn ”Tid”. Kolumnerna heter Indikator, Förvaltning, Period, Yrkestitel, Kön, Chefsnivå, Verksamhetsområde, Värde, Nämnare, Mätmånad, Kommentar.',
			'Kolumnen ”Period” saknas.'
		]);
		const read = await readIndicatorFile(
			text('indikator,förvaltning,period,yrkestitel,kön,värde\nconsultants,Norrviks förvaltning,april 2020,,,3\nconsultants,norrviks förvaltning,2020-04,,,4\nconsultants,Norrviks förvaltning,april 2020,Socialsekreterare,Kvinna,1\nVFU-platser som erbjudits,Norrviks förvaltning,VT 2020,Socialsekreterare,,1\n')
		);
		const { problems } = checkRows(read.rows, { defs, units });
		expect(problems).toEqual([
			{ line: 3, message: 'Samma uppgift finns redan på rad 2.' },
			{ line: 4, message: 'Ange bara en fördelning per rad (till exempel yrkestitel eller kön, inte båda).' },
			{ line: 5, message: 'VFU-platser som erbjudits delas inte upp per yrkestitel.' }
		]);
	});

	it('reads the city as "Hela staden" and splits by their Swedish names', async () => {
		const read = await readIndicatorFile(text('Indikator;Förvaltning;Period;Kön;Värde\nVFU-studenter som tagits emot;Hela staden;HT 2020;Kvinnor;110\nVFU-studenter som tagits emot;Testkommun;HT 2020;;130\n'));
		const { figures, problems } = checkRows(read.rows, { defs, units });
		expect(problems).toEqual([]);
		expect(figures.map((f) => [f.orgUnitId, f.dimension, f.category, f.value])).toEqual([
			['k', 'gender', 'kvinna', 110],
			['k', 'total', '', 130]
		]);
	});

	it('reads XLSX, numbers and text cells alike', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Indikatorer');
		sheet.addRow(['Indikator', 'Förvaltning', 'Period', 'Värde', 'Nämnare']);
		sheet.addRow(['Personalrörlighet', 'Norrviks förvaltning', 2019, 12, 80.5]);
		sheet.addRow(['Personalrörlighet', 'Söderås förvaltning', '2019', '9,0', '60']);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const read = await readIndicatorFile(bytes, 'fil.xlsx');
		const { figures, problems } = checkRows(read.rows, { defs, units });
		expect(problems).toEqual([]);
		expect(figures.map((f) => [f.line, f.orgUnitId, f.period, f.value, f.base])).toEqual([
			[2, 'f1', '2019', 12, 80.5],
			[3, 'f2', '2019', 9, 60]
		]);
	});

	it('refuses an empty file and an old Excel file', async () => {
		await expect(readIndicatorFile(new Uint8Array(), 'x.csv')).rejects.toBeInstanceOf(DomainError);
		await expect(readIndicatorFile(text('junk'), 'gammal.xls')).rejects.toThrow(/gamla Excel-formatet/);
		expect((await readIndicatorFile(text('Indikator;Förvaltning;Period;Värde\n'))).problems).toEqual([{ line: 0, message: 'Filen har inga rader med värden under rubrikraden.' }]);
	});
});
