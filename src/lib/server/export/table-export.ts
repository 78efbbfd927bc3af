/**
 * Export of any report table to CSV (Swedish Excel dialect) and XLSX.
 *
 * One generic shape, `ExportTable`, is produced by the report code and written here. Numbers are
 * written as numbers (decimal comma in CSV, numeric cells in XLSX); percentages are given in
 * percentage points (0–100). Text cells are protected against CSV/formula injection.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { now as clockNow } from '../clock';
import { dateInStockholm } from '$lib/time';

export type ExportColumnKind = 'text' | 'number' | 'percent';

export interface ExportColumn {
	key: string;
	header: string;
	/** Default 'text'. 'percent' values are percentage points, 0–100 (42.5 = 42,5 %). */
	kind?: ExportColumnKind;
	/**
	 * Fixed number of decimals for 'number' and 'percent' columns. Default: 'number' as many as
	 * needed (at most 6), 'percent' 1.
	 */
	decimals?: number;
	/** XLSX only: the background of a numeric cell (hex RGB, e.g. 'F9D6D2'), or null for none. */
	fill?: (value: number) => string | null;
}

export type ExportCell = string | number | null;

export interface ExportTable {
	title: string;
	columns: ExportColumn[];
	rows: Record<string, ExportCell>[];
	/** Lines printed under the table, e.g. about suppressed cells. */
	notes?: string[];
}

export interface ExportOptions {
	/** Written for null (and missing or non-finite) values. Default: empty cell. */
	nullMarker?: string;
}

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

// ---------------------------------------------------------------------------------------------
// Shared cell handling

const DEFAULT_PERCENT_DECIMALS = 1;
const MAX_AUTO_DECIMALS = 6;

function isNumber(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

function cellOf(row: Record<string, ExportCell>, key: string): ExportCell {
	const v = Object.prototype.hasOwnProperty.call(row, key) ? row[key] : null;
	if (v === undefined || v === null) return null;
	if (typeof v === 'number') return Number.isFinite(v) ? v : null;
	return String(v);
}

/** Characters that make spreadsheet programs treat a cell as a formula (incl. full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Protects a text cell against CSV/formula injection (OWASP): a value starting with = + - @ tab
 * or carriage return gets a leading apostrophe, so spreadsheets show it as text.
 */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

const csvNumberFormats = new Map<string, Intl.NumberFormat>();

/** Swedish decimal comma, no grouping, ASCII minus (so that Excel reads it as a number). */
function csvNumber(value: number, decimals: number | undefined): string {
	const key = decimals === undefined ? 'auto' : String(decimals);
	let f = csvNumberFormats.get(key);
	if (!f) {
		f = new Intl.NumberFormat(
			'sv-SE',
			decimals === undefined
				? { useGrouping: false, maximumFractionDigits: MAX_AUTO_DECIMALS }
				: { useGrouping: false, minimumFractionDigits: decimals, maximumFractionDigits: decimals }
		);
		csvNumberFormats.set(key, f);
	}
	return f.format(value).replace(/\u2212/g, '-');
}

function decimalsOf(column: ExportColumn): number | undefined {
	const d = column.decimals ?? (column.kind === 'percent' ? DEFAULT_PERCENT_DECIMALS : undefined);
	return d === undefined ? undefined : Math.max(0, Math.min(10, Math.trunc(d)));
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * The table as CSV for Swedish Excel: UTF-8 with BOM, semicolon separator, CRLF line ends,
 * decimal comma, quotes doubled inside quoted fields. Header row first; notes (if any) after an
 * empty line, one per line. Percent columns get " (%)" in the header unless it already has "%".
 */
export function toCsv(table: ExportTable, options: ExportOptions = {}): string {
	const nullMarker = options.nullMarker ?? '';
	const header = table.columns.map((c) =>
		neutraliseFormula(c.kind === 'percent' && !c.header.includes('%') ? `${c.header} (%)` : c.header)
	);
	const records: string[][] = [header];
	for (const row of table.rows) {
		records.push(
			table.columns.map((c) => {
				const v = cellOf(row, c.key);
				if (v === null) return neutraliseFormula(nullMarker);
				if (typeof v === 'number') return csvNumber(v, decimalsOf(c));
				return neutraliseFormula(v);
			})
		);
	}
	if (table.notes?.length) {
		records.push([]);
		for (const note of table.notes) records.push([neutraliseFormula(note)]);
	}
	return stringify(records, {
		bom: true,
		delimiter: ';',
		record_delimiter: 'windows',
		// quote any field containing \n or \r (not only \r\n), else a lone CR would split a record
		quote_record_delimiter: true,
		quote: '"',
		escape: '"',
		// we neutralise formulas ourselves: csv-stringify would also prefix our negative numbers
		escape_formulas: false
	});
}

// ---------------------------------------------------------------------------------------------
// XLSX

const SHEET_NAME_MAX = 31;

/**
 * A valid Excel sheet name from a title: no : \ / ? * [ ], not starting or ending with an
 * apostrophe, at most 31 characters (cut between words), not empty and not the reserved name "History".
 */
export function sheetName(title: string): string {
	let name = title
		.replace(/[:\\/?*[\]]/g, ' ')
		// eslint-disable-next-line no-control-regex -- control characters are what we remove
		.replace(/[\u0000-\u001F\u007F]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	const chars = Array.from(name);
	if (chars.length > SHEET_NAME_MAX) {
		// Cut at the last whole word that fits, unless that leaves too little to recognise.
		const cut = chars.slice(0, SHEET_NAME_MAX + 1).join('').lastIndexOf(' ');
		name = cut >= 12 ? chars.join('').slice(0, cut) : chars.slice(0, SHEET_NAME_MAX).join('');
		name = name.replace(/[\s–-]+$/, '');
	}
	name = name.replace(/^[' ]+|[' ]+$/g, '');
	if (!name) return 'Rapport';
	if (name.toLowerCase() === 'history') return 'History 1';
	return name;
}

/** Characters that are not allowed in XML 1.0 (they would corrupt the workbook). */
// eslint-disable-next-line no-control-regex -- control characters are what we remove
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const EXCEL_CELL_MAX = 32_767;

function xlsxText(text: string): string {
	const clean = text.replace(XML_INVALID, '');
	return clean.length > EXCEL_CELL_MAX ? clean.slice(0, EXCEL_CELL_MAX) : clean;
}

function numFmtOf(column: ExportColumn): string | undefined {
	const d = decimalsOf(column);
	const fraction = d ? `.${'0'.repeat(d)}` : '';
	if (column.kind === 'percent') return `0${fraction}%`;
	if (d !== undefined) return `0${fraction}`;
	return undefined;
}

/** Approximate display width of a value, for column widths. */
function displayLength(v: ExportCell, column: ExportColumn, nullMarker: string): number {
	if (v === null) return nullMarker.length;
	if (typeof v === 'number') return csvNumber(v, decimalsOf(column)).length + (column.kind === 'percent' ? 2 : 0);
	return Math.max(...v.split('\n').map((l) => l.length));
}

/**
 * The table as an XLSX workbook with one sheet named after the title: bold, frozen header row
 * with autofilter, column widths from the content, numeric cells (percent columns as fractions
 * with a percent format), and the notes under the table after an empty row.
 */
export async function toXlsx(table: ExportTable, options: ExportOptions = {}): Promise<Buffer> {
	const nullMarker = options.nullMarker ?? '';
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Lägesbild';
	workbook.title = xlsxText(table.title);
	workbook.created = clockNow();

	const sheet = workbook.addWorksheet(sheetName(table.title), {
		views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
		headerFooter: { oddHeader: `&C${xlsxText(table.title).replace(/&/g, '&&')}` }
	});

	sheet.columns = table.columns.map((c) => {
		const widest = Math.max(
			c.header.length,
			...table.rows.map((r) => displayLength(cellOf(r, c.key), c, nullMarker))
		);
		return { key: c.key, header: xlsxText(c.header), width: Math.min(60, Math.max(8, widest + 2)) };
	});

	const header = sheet.getRow(1);
	header.font = { bold: true };
	header.alignment = { vertical: 'bottom', wrapText: true };
	header.eachCell((cell) => {
		cell.border = { bottom: { style: 'thin' } };
	});
	if (table.columns.length > 0) {
		sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
	}

	const formats = table.columns.map(numFmtOf);
	for (const source of table.rows) {
		const row = sheet.addRow(
			table.columns.map((c) => {
				const v = cellOf(source, c.key);
				if (v === null) return nullMarker === '' ? null : xlsxText(nullMarker);
				if (typeof v === 'number') return c.kind === 'percent' ? v / 100 : v;
				return xlsxText(v);
			})
		);
		table.columns.forEach((c, i) => {
			const cell = row.getCell(i + 1);
			const fmt = formats[i];
			if (fmt && isNumber(cell.value)) cell.numFmt = fmt;
			const raw = cellOf(source, c.key);
			const colour = c.fill && typeof raw === 'number' ? c.fill(raw) : null;
			if (colour) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour}` } };
			if (c.kind === 'number' || c.kind === 'percent') cell.alignment = { horizontal: 'right' };
		});
	}

	if (table.notes?.length) {
		sheet.addRow([]);
		for (const note of table.notes) {
			const row = sheet.addRow([xlsxText(note)]);
			row.getCell(1).font = { italic: true };
		}
	}

	const data = await workbook.xlsx.writeBuffer();
	return Buffer.from(data as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// File names and responses

const TRANSLITERATION: Record<string, string> = {
	å: 'a',
	ä: 'a',
	ö: 'o',
	æ: 'ae',
	ø: 'o',
	ß: 'ss',
	ð: 'd',
	þ: 'th',
	ł: 'l'
};

/**
 * A safe ASCII file name with the date (Swedish time): "Lägesbild rapport" + "csv" →
 * "lagesbild-rapport-2026-11-25.csv". å/ä/ö become a/a/o, other diacritics are dropped, anything
 * else becomes "-". The base is shortened to 60 characters; an empty base becomes "export".
 */
export function exportFilename(base: string, ext: string, date: Date = clockNow()): string {
	const slug =
		base
			.toLowerCase()
			.replace(/[åäöæøßðþł]/g, (ch) => TRANSLITERATION[ch] ?? ch)
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/g, '') || 'export';
	const extension = ext.toLowerCase().replace(/[^a-z0-9]/g, '') || 'bin';
	return `${slug}-${dateInStockholm(date)}.${extension}`;
}

/** Content-Disposition for a download; the name is ASCII-only from `exportFilename`. */
export function contentDisposition(filename: string): string {
	return `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"`;
}

/**
 * A download Response for a table (for `+server.ts` handlers):
 * `return exportResponse(table, url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv')`.
 */
export async function exportResponse(
	table: ExportTable,
	format: ExportFormat,
	options: ExportOptions & { filenameBase?: string; date?: Date } = {}
): Promise<Response> {
	const filename = exportFilename(options.filenameBase ?? table.title, format, options.date);
	const body: BodyInit = format === 'csv' ? toCsv(table, options) : new Uint8Array(await toXlsx(table, options));
	return new Response(body, {
		headers: {
			'content-type': EXPORT_CONTENT_TYPES[format],
			'content-disposition': contentDisposition(filename),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
