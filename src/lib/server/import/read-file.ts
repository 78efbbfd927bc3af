/**
 * Reads a staff file into header + rows of text, with the line number of each row as the
 * administrator sees it in Excel or a text editor (the header is line 1).
 *
 * CSV: UTF-8 (with or without BOM) or Windows-1252, as Swedish Excel saves "CSV (semikolon-
 * avgränsad)". Anything that is not valid UTF-8 is read as Windows-1252, which has a character
 * for every byte that Excel writes. The delimiter (; , or tab) is taken from the header line.
 * XLSX: the first worksheet, through exceljs.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { invalid } from '../errors';
import { assertZipWithinLimits } from '../zip-limits';

export interface RawRow {
	line: number;
	cells: string[];
}

export interface RawTable {
	headers: string[];
	rows: RawRow[];
	/** 'utf-8' | 'windows-1252' for CSV; null for XLSX. */
	encoding: string | null;
}

export type FileFormat = 'csv' | 'xlsx';

export const MAX_ROWS = 200_000;

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a zip file

export function detectFormat(bytes: Uint8Array, fileName = ''): FileFormat {
	if (XLSX_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
	if (/\.xls$/i.test(fileName)) throw fileError('Filen är i det gamla Excel-formatet (.xls). Spara den som .xlsx eller CSV och försök igen.');
	return 'csv';
}

export async function readStaffFile(bytes: Uint8Array, fileName = ''): Promise<RawTable & { format: FileFormat }> {
	if (bytes.length === 0) throw fileError('Filen är tom.');
	const format = detectFormat(bytes, fileName);
	const table = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
	if (table.headers.every((h) => h.trim() === '')) throw fileError('Filen saknar rubrikrad. Första raden ska ha kolumnernas namn, till exempel Anställningsnummer och Namn.');
	if (table.rows.length > MAX_ROWS) throw fileError(`Filen har ${table.rows.length} rader; högst ${MAX_ROWS} går att läsa in på en gång.`);
	return { ...table, format };
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		return { text, encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F (€, ‚, „, …, ’, –, — and a few more). Node's
 * TextDecoder decodes the label as plain Latin-1, so those 32 are mapped here (WHATWG's index).
 */
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

export function decodeWindows1252(bytes: Uint8Array): string {
	const units = new Uint16Array(bytes.length);
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
	}
	let text = '';
	for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
	return text;
}

function readCsv(bytes: Uint8Array): RawTable {
	const { text, encoding } = decodeText(bytes);
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const delimiter = [';', '\t', ','].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
	const records = readCsvStrict(text, delimiter) ?? readCsvLenient(text, delimiter);
	if (records.length === 0) throw fileError('Filen är tom.');
	const rows: RawRow[] = [];
	for (let i = 1; i < records.length; i++) {
		const { cells, line } = records[i];
		if (cells.every((c) => c.trim() === '')) continue;
		rows.push({ line, cells });
	}
	return { headers: records[0].cells, rows, encoding };
}

/** A record of a CSV file and the line it starts on (the first line is 1). */
export interface CsvRecord {
	line: number;
	cells: string[];
}

/**
 * The common case in one linear pass: one record per line (LF or CRLF throughout), fields
 * quoted the RFC 4180 way or not at all. Returns null for anything else (a line break inside
 * quotes, a stray quote, mixed line ends), which csv-parse then reads with its leniency and
 * its error messages; for the files this accepts both give the same records.
 */
export function readCsvStrict(text: string, delimiter: string): CsvRecord[] | null {
	const crlf = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1));
	if (crlf ? /\r(?!\n)|(?<!\r)\n/.test(text) : text.includes('\r')) return null;
	const lines = text.split(crlf ? '\r\n' : '\n');
	if (lines[lines.length - 1] === '') lines.pop();
	const records: CsvRecord[] = new Array(lines.length);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const cells = line.includes('"') ? quotedCells(line, delimiter) : line.split(delimiter);
		if (!cells) return null;
		records[i] = { line: i + 1, cells };
	}
	return records;
}

/** The cells of one line with quoted fields; null when the quoting is not RFC 4180. */
function quotedCells(line: string, delimiter: string): string[] | null {
	const cells: string[] = [];
	let i = 0;
	for (;;) {
		if (line[i] === '"') {
			let value = '';
			let from = i + 1;
			for (;;) {
				const quote = line.indexOf('"', from);
				if (quote < 0) return null; // the quote closes on a later line
				value += line.slice(from, quote);
				if (line[quote + 1] === '"') {
					value += '"';
					from = quote + 2;
					continue;
				}
				i = quote + 1;
				break;
			}
			cells.push(value);
			if (i === line.length) return cells;
			if (line[i] !== delimiter) return null; // text after the closing quote
			i++;
		} else {
			const end = line.indexOf(delimiter, i);
			const value = end < 0 ? line.slice(i) : line.slice(i, end);
			if (value.includes('"')) return null; // a quote inside an unquoted field
			cells.push(value);
			if (end < 0) return cells;
			i = end + 1;
		}
	}
}

/** csv-parse, for files with line breaks inside quotes or loose quoting; the line of a record is the one it starts on. */
export function readCsvLenient(text: string, delimiter: string): CsvRecord[] {
	let parsed: { record: string[]; info: { lines: number } }[];
	try {
		parsed = parse(text, { delimiter, info: true, relax_column_count: true, relax_quotes: true, bom: true }) as unknown as typeof parsed;
	} catch (e) {
		const line = (e as { lines?: number }).lines;
		throw fileError(`Filen går inte att läsa som CSV${line ? ` (rad ${line})` : ''}: kontrollera citattecknen. Spara gärna om filen från Excel som ”CSV UTF-8” eller ”CSV (semikolonavgränsad)”.`);
	}
	// A record's info.lines is the line it ends on; it starts one after the previous one ended.
	const records: CsvRecord[] = [];
	let previousEnd = 0;
	for (const { record, info } of parsed) {
		records.push({ line: previousEnd + 1, cells: record });
		previousEnd = info.lines;
	}
	return records;
}

async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
	// A decompression bomb is refused from the ZIP directory before exceljs unpacks anything.
	assertZipWithinLimits(bytes);
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		throw fileError('Filen går inte att läsa som Excel-fil (.xlsx).');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw fileError('Excel-filen har inget kalkylblad.');
	let headers: string[] | null = null;
	const rows: RawRow[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const values = row.values as unknown[]; // 1-based
		const cells: string[] = [];
		for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
		if (headers === null) headers = cells;
		else if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowNumber, cells });
	});
	if (headers === null) throw fileError('Excel-filen är tom.');
	return { headers, rows, encoding: null };
}

/** Cell values as the administrator sees them: numbers without ".0", rich text joined, formulas by result. */
function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
		if (v.richText) return v.richText.map((r) => r.text).join('');
		if (v.text !== undefined) return cellText(v.text);
		if (v.result !== undefined) return cellText(v.result);
	}
	return String(value);
}

function fileError(message: string) {
	return invalid(message, { file: message });
}
