/**
 * Reading an indicator file (CSV or XLSX) into figures, free of the database: the file's
 * encoding and delimiter, the Swedish column names, and each row checked with its line number.
 *
 * One figure per row ("long" format), so one file holds many förvaltningar and periods:
 *
 *   Indikator;Förvaltning;Period;Yrkestitel;Kön;Värde;Nämnare;Mätmånad;Kommentar
 *   Antal konsulter;Hela staden;april 2019;;;23;;maj;
 *   Personalrörlighet;Norrviks stadsdelsförvaltning;2020;Socialsekreterare;;14;96;;
 *
 * Yrkestitel, Kön, Chefsnivå and Verksamhetsområde are optional: an empty one means the total.
 * Nämnare only for rates (personalrörlighet). CSV may be UTF-8 (with or without BOM) or
 * Windows-1252 (Excel's "CSV (semikolonavgränsad)"), separated by ; , or tab.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { invalid } from '../errors';
import { assertZipWithinLimits } from '../zip-limits';
import { isPeriodOf, parseMonth, parsePeriod } from './periods';
import { categoriesOf, figureProblem, parseSwedishNumber, type Dimension, type IndicatorDef } from './rules';

export const MAX_IMPORT_ROWS = 20_000;

export type Column = 'indicator' | 'unit' | 'period' | 'title' | 'gender' | 'level' | 'area' | 'value' | 'base' | 'countMonth' | 'note';

/** Swedish column names as written in the template, and what else is understood. */
export const COLUMN_NAMES: Record<Column, string[]> = {
	indicator: ['Indikator', 'Nyckeltal'],
	unit: ['Förvaltning', 'Enhet', 'Stadsdelsförvaltning', 'Organisation'],
	period: ['Period', 'Mätperiod', 'Tidpunkt'],
	title: ['Yrkestitel', 'Titel'],
	gender: ['Kön'],
	level: ['Chefsnivå'],
	area: ['Verksamhetsområde'],
	value: ['Värde', 'Antal', 'Täljare'],
	base: ['Nämnare'],
	countMonth: ['Mätmånad', 'Räknad i månad'],
	note: ['Kommentar', 'Anmärkning']
};
const REQUIRED: Column[] = ['indicator', 'unit', 'period', 'value'];
export const TEMPLATE_COLUMNS: Column[] = ['indicator', 'unit', 'period', 'title', 'gender', 'level', 'area', 'value', 'base', 'countMonth', 'note'];

/** Lower case without diacritics or extra spaces, for matching names. */
export const fold = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[:*]+$/g, '')
		.replace(/\s+/g, ' ')
		.trim();

const headerIndex = new Map<string, Column>(Object.entries(COLUMN_NAMES).flatMap(([column, names]) => names.map((n) => [fold(n), column as Column] as const)));

export interface RawRow {
	line: number;
	cells: Partial<Record<Column, string>>;
}

export interface ImportProblem {
	/** Line in the file as seen in a text editor or Excel (the header is line 1); 0 for the file itself. */
	line: number;
	message: string;
}

const fileError = (message: string) => invalid(message, { file: message });

// --- Reading the file -------------------------------------------------------------------------

/**
 * Windows-1252's characters at 0x80–0x9F (– — ” ’ € …), where it differs from Latin-1. Node's
 * TextDecoder reads 'windows-1252' as Latin-1, so these are mapped by hand.
 */
const CP1252_HIGH: Record<number, number> = {
	0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d,
	0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178
};

export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 8192) {
		const chunk = bytes.subarray(i, i + 8192);
		out += String.fromCharCode(...Array.from(chunk, (b) => CP1252_HIGH[b] ?? b));
	}
	return out;
}

/** UTF-8 when the bytes are valid UTF-8 (Excel's "CSV UTF-8", with or without BOM), else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The file's rows, keyed by column, with their line numbers. Throws a DomainError for an unreadable file. */
export async function readIndicatorFile(bytes: Uint8Array, fileName = ''): Promise<{ rows: RawRow[]; encoding: string | null; problems: ImportProblem[] }> {
	if (bytes.length === 0) throw fileError('Filen är tom.');
	if (/\.xls$/i.test(fileName) && !isZip(bytes)) throw fileError('Filen är i det gamla Excel-formatet (.xls). Spara den som .xlsx eller CSV och försök igen.');
	const table = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
	const problems: ImportProblem[] = [];
	const columns: (Column | null)[] = table.headers.map((h) => headerIndex.get(fold(h)) ?? null);
	table.headers.forEach((h, i) => {
		if (h.trim() !== '' && columns[i] === null) problems.push({ line: 1, message: `Okänd kolumn ”${h.trim()}”. Kolumnerna heter ${TEMPLATE_COLUMNS.map((c) => COLUMN_NAMES[c][0]).join(', ')}.` });
	});
	for (const column of REQUIRED) {
		if (!columns.includes(column)) problems.push({ line: 1, message: `Kolumnen ”${COLUMN_NAMES[column][0]}” saknas.` });
	}
	const seen = new Set<Column>();
	columns.forEach((c) => {
		if (!c) return;
		if (seen.has(c)) problems.push({ line: 1, message: `Kolumnen ”${COLUMN_NAMES[c][0]}” finns två gånger.` });
		seen.add(c);
	});
	if (table.rows.length > MAX_IMPORT_ROWS) throw fileError(`Filen har ${table.rows.length} rader; högst ${MAX_IMPORT_ROWS} går att läsa in på en gång.`);
	const rows = table.rows.map(({ line, cells }) => {
		const out: Partial<Record<Column, string>> = {};
		columns.forEach((c, i) => {
			if (c && cells[i] !== undefined) out[c] = cells[i].trim();
		});
		return { line, cells: out };
	});
	if (rows.length === 0 && problems.length === 0) problems.push({ line: 0, message: 'Filen har inga rader med värden under rubrikraden.' });
	return { rows, encoding: table.encoding, problems };
}

function readCsv(bytes: Uint8Array): { headers: string[]; rows: { line: number; cells: string[] }[]; encoding: string } {
	const { text, encoding } = decodeText(bytes);
	const body = text.replace(/^\uFEFF/, '');
	const firstLine = body.slice(0, Math.max(0, body.search(/\r?\n|$/)));
	const delimiter = [';', '\t', ','].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(body, { delimiter, info: true, relax_column_count: true, skip_empty_lines: false }) as unknown as typeof records;
	} catch (e) {
		const line = (e as { lines?: number }).lines;
		throw fileError(`Filen går inte att läsa som CSV${line ? ` (rad ${line})` : ''}. Kontrollera citattecknen, eller spara om filen från Excel som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”.`);
	}
	if (records.length === 0) throw fileError('Filen är tom.');
	const rows: { line: number; cells: string[] }[] = [];
	// A record's info.lines is the line it ends on; it starts one after the previous one ended.
	let previousEnd = records[0].info.lines;
	for (const { record, info } of records.slice(1)) {
		const line = previousEnd + 1;
		previousEnd = info.lines;
		if (record.every((c) => c.trim() === '')) continue;
		rows.push({ line, cells: record });
	}
	return { headers: records[0].record, rows, encoding };
}

async function readXlsx(bytes: Uint8Array): Promise<{ headers: string[]; rows: { line: number; cells: string[] }[]; encoding: null }> {
	// A decompression bomb is refused from the ZIP directory before exceljs unpacks anything.
	assertZipWithinLimits(bytes);
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	} catch {
		throw fileError('Filen går inte att läsa som Excel-fil (.xlsx). Spara om den från Excel och försök igen.');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw fileError('Excel-filen har inget kalkylblad.');
	let headers: string[] | null = null;
	const rows: { line: number; cells: string[] }[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		const cells: string[] = [];
		for (let c = 1; c <= Math.max(row.cellCount, headers?.length ?? 0); c++) cells.push(xlsxCellText(row.getCell(c).value));
		if (headers === null) headers = cells;
		else if (cells.some((c) => c.trim() !== '')) rows.push({ line: number, cells });
	});
	if (headers === null) throw fileError('Filen är tom.');
	return { headers, rows, encoding: null };
}

function xlsxCellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'ja' : 'nej';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('result' in value) return xlsxCellText(value.result as ExcelJS.CellValue);
	if ('text' in value) return String(value.text);
	return '';
}

// --- Checking each row ------------------------------------------------------------------------

export interface ImportUnit {
	id: string;
	name: string;
	kind: 'kommun' | 'forvaltning';
}

export interface ParsedFigure {
	line: number;
	indicatorId: string;
	indicatorKey: string;
	orgUnitId: string;
	period: string;
	dimension: Dimension;
	category: string;
	value: number;
	base: number | null;
	countMonth: number | null;
	note: string | null;
}

const CITY_WORDS = ['hela staden', 'hela kommunen', 'staden', 'kommunen'];
const CATEGORY_ALIASES: Record<string, string> = { kvinnor: 'kvinna', man: 'man', 'män': 'man', 'ej angivet': 'annat', 'annat/vill ej ange': 'annat', 'annat eller ej angivet': 'annat' };
const SPLIT_COLUMNS = ['title', 'gender', 'level', 'area'] as const;

/**
 * Turns the rows into figures of indicators and units the caller may enter: every problem with
 * its line number; nothing is returned as a figure from a row with a problem.
 */
export function checkRows(rows: RawRow[], context: { defs: IndicatorDef[]; units: ImportUnit[] }): { figures: ParsedFigure[]; problems: ImportProblem[] } {
	const defsByName = new Map<string, IndicatorDef>();
	for (const d of context.defs) {
		defsByName.set(fold(d.name), d);
		defsByName.set(fold(d.key), d);
	}
	const unitsByName = new Map<string, ImportUnit>(context.units.map((u) => [fold(u.name), u]));
	const kommuner = context.units.filter((u) => u.kind === 'kommun');
	const figures: ParsedFigure[] = [];
	const problems: ImportProblem[] = [];
	const firstLineOf = new Map<string, number>();

	for (const { line, cells } of rows) {
		const rowProblems: string[] = [];
		const def = cells.indicator ? defsByName.get(fold(cells.indicator)) : undefined;
		if (!cells.indicator) rowProblems.push('Indikator saknas.');
		else if (!def) rowProblems.push(`Okänd indikator ”${cells.indicator}”.`);

		let unit: ImportUnit | undefined;
		if (!cells.unit) rowProblems.push('Förvaltning saknas.');
		else {
			unit = unitsByName.get(fold(cells.unit));
			if (!unit && CITY_WORDS.includes(fold(cells.unit)) && kommuner.length === 1) unit = kommuner[0];
			if (!unit) rowProblems.push(`Okänd förvaltning ”${cells.unit}”, eller så får du inte rapportera för den.`);
		}

		let period: string | null = null;
		if (!cells.period) rowProblems.push('Period saknas.');
		else if (def) {
			period = isPeriodOf(def.periodType, cells.period) ? cells.period : parsePeriod(def.periodType, cells.period);
			if (!period) rowProblems.push(`Perioden ”${cells.period}” passar inte ${def.name}, som rapporteras ${periodHint[def.periodType]}.`);
		}

		let dimension: Dimension = 'total';
		let category = '';
		const splitsGiven = SPLIT_COLUMNS.filter((c) => cells[c] && !['alla', 'totalt', 'samtliga'].includes(fold(cells[c]!)));
		if (splitsGiven.length > 1) rowProblems.push('Ange bara en fördelning per rad (till exempel yrkestitel eller kön, inte båda).');
		else if (splitsGiven.length === 1 && def) {
			const split = splitsGiven[0];
			const text = fold(cells[split]!);
			const found = categoriesOf(split).find((c) => fold(c.value) === text || fold(c.label) === text || (CATEGORY_ALIASES[text] ?? '') === c.value);
			if (!def.splits.includes(split)) rowProblems.push(`${def.name} delas inte upp per ${splitNoun[split]}.`);
			else if (!found) rowProblems.push(`Okänd ${splitNoun[split]} ”${cells[split]}”. Välj bland ${categoriesOf(split).map((c) => c.label).join(', ')}.`);
			else {
				dimension = split;
				category = found.value;
			}
		}

		const value = parseSwedishNumber(cells.value ?? '');
		const base = def?.kind === 'rate' ? parseSwedishNumber(cells.base ?? '') : null;
		if (value === null) rowProblems.push('Värde saknas.');
		else if (Number.isNaN(value)) rowProblems.push(`Värdet ”${cells.value}” är inget tal.`);
		if (base !== null && Number.isNaN(base)) rowProblems.push(`Nämnaren ”${cells.base}” är inget tal.`);
		if (def && def.kind !== 'rate' && cells.base) rowProblems.push(`${def.name} har ingen nämnare; lämna kolumnen Nämnare tom.`);
		if (def && value !== null && !Number.isNaN(value) && !Number.isNaN(base)) {
			const problem = figureProblem(def, { value, base });
			if (problem) rowProblems.push(problem);
		}

		let countMonth: number | null = null;
		if (cells.countMonth) {
			if (def && def.periodType !== 'count_day') rowProblems.push('Mätmånad anges bara för räkningar på en mätdag (antal konsulter).');
			else if (dimension !== 'total') rowProblems.push('Mätmånad anges på raden med totalen.');
			else if ((countMonth = parseMonth(cells.countMonth)) === null) rowProblems.push(`Okänd månad ”${cells.countMonth}”.`);
		}
		const note = cells.note ? cells.note.slice(0, 500) : null;

		if (def && unit && period && rowProblems.length === 0) {
			const key = `${def.id}|${unit.id}|${period}|${dimension}|${category}`;
			const first = firstLineOf.get(key);
			if (first !== undefined) rowProblems.push(`Samma uppgift finns redan på rad ${first}.`);
			else firstLineOf.set(key, line);
		}
		if (rowProblems.length > 0) {
			for (const message of rowProblems) problems.push({ line, message });
			continue;
		}
		figures.push({ line, indicatorId: def!.id, indicatorKey: def!.key, orgUnitId: unit!.id, period: period!, dimension, category, value: value!, base: def!.kind === 'rate' ? base : null, countMonth, note });
	}
	return { figures, problems };
}

const periodHint: Record<IndicatorDef['periodType'], string> = {
	year: 'per år (skriv till exempel 2020)',
	count_day: 'på en mätdag i april och november (skriv till exempel april 2020)',
	semester: 'per termin (skriv till exempel VT 2020 eller HT 2020)',
	tertial: 'per tertial (skriv till exempel T2 2020 eller VB 2020)'
};
const splitNoun: Record<(typeof SPLIT_COLUMNS)[number], string> = { title: 'yrkestitel', gender: 'kön', level: 'chefsnivå', area: 'verksamhetsområde' };
