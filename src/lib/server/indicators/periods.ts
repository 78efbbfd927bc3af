/**
 * Periods of indicators, free of the database: their keys, Swedish names, order, how a typed
 * period is read, and which periods belong to a report (T2 or VB of a year).
 *
 * Keys (stored in indicator_values.period):
 *   year       "2016"
 *   count_day  "2016-04" (the counting day in April), "2016-11" (in November)
 *   semester   "2016-VT", "2016-HT"
 *   tertial    "2016-T1" (jan–apr), "2016-T2" (maj–aug), "2016-T3" (sep–dec, reported in the VB)
 */
import type { BoardReportKind, IndicatorPeriodType } from '$lib/domain';
import { now as clockNow } from '../clock';
import { calendarInStockholm } from '../../time';

export const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTHS_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

const SUFFIXES: Record<IndicatorPeriodType, string[]> = {
	year: [''],
	count_day: ['04', '11'],
	semester: ['VT', 'HT'],
	tertial: ['T1', 'T2', 'T3']
};

/** The month each period ends in: orders periods and lines them up with reports. */
const END_MONTH: Record<string, number> = { '': 12, '04': 4, '11': 11, VT: 6, HT: 12, T1: 4, T2: 8, T3: 12 };

export function periodKey(type: IndicatorPeriodType, year: number, suffix = ''): string {
	return type === 'year' ? String(year) : `${year}-${suffix}`;
}

function split(key: string): { year: number; suffix: string } {
	const [year, suffix = ''] = key.split('-');
	return { year: Number(year), suffix };
}

/** Whether a key is a valid period of the type. */
export function isPeriodOf(type: IndicatorPeriodType, key: string): boolean {
	const { year, suffix } = split(key);
	return Number.isInteger(year) && year >= 1990 && year <= 2100 && SUFFIXES[type].includes(suffix) && key === periodKey(type, year, suffix);
}

export const periodYear = (key: string) => split(key).year;

/** A number that orders periods in time (year × 100 + the month the period ends in). */
export function periodOrdinal(key: string): number {
	const { year, suffix } = split(key);
	return year * 100 + (END_MONTH[suffix] ?? 12);
}

export const comparePeriods = (a: string, b: string) => periodOrdinal(a) - periodOrdinal(b);

/** "2016", "april 2016", "VT 2016", "T2 2016". */
export function periodLabel(key: string): string {
	const { year, suffix } = split(key);
	if (suffix === '') return String(year);
	if (suffix === '04') return `april ${year}`;
	if (suffix === '11') return `november ${year}`;
	return `${suffix} ${year}`;
}

/** Every period of the type from the first to the last year, in order. */
export function periodsBetween(type: IndicatorPeriodType, fromYear: number, toYear: number): string[] {
	const out: string[] = [];
	for (let y = fromYear; y <= toYear; y++) for (const s of SUFFIXES[type]) out.push(periodKey(type, y, s));
	return out;
}

/** The period just before (same type). */
export function previousPeriod(type: IndicatorPeriodType, key: string): string {
	const { year, suffix } = split(key);
	const list = SUFFIXES[type];
	const i = list.indexOf(suffix);
	return i > 0 ? periodKey(type, year, list[i - 1]) : periodKey(type, year - 1, list[list.length - 1]);
}

// --- Reading what people type -------------------------------------------------------------

const norm = (text: string) =>
	text
		.normalize('NFC')
		.toLowerCase()
		.replace(/[.,]/g, ' ')
		.replace(/\s*-\s*/g, '-')
		.replace(/\s+/g, ' ')
		.trim();

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** A month from a Swedish name or abbreviation ("maj", "nov", "november"), or 1–12 as digits. */
export function parseMonth(text: string): number | null {
	const t = norm(text);
	if (/^\d{1,2}$/.test(t)) {
		const n = Number(t);
		return n >= 1 && n <= 12 ? n : null;
	}
	const dated = /^\d{4}-(\d{2})(-\d{2})?$/.exec(t);
	if (dated) return parseMonth(dated[1]);
	const full = MONTHS_SV.indexOf(t);
	if (full >= 0) return full + 1;
	const short = MONTHS_SHORT.indexOf(t);
	return short >= 0 ? short + 1 : null;
}

/**
 * Reads a period as people write it, for the given type: "2016"; "april 2016", "apr 2016",
 * "2016-04", "november 2016"; "VT 2016", "vårterminen 2016", "HT16"; "T2 2016", "tertial 2 2016",
 * "VB 2016" (= T3). Null when it cannot be read as a period of that type.
 */
export function parsePeriod(type: IndicatorPeriodType, text: string): string | null {
	const t = norm(text);
	let year: number | null = null;
	let word = '';
	const m = /^(\d{4})(?:[- ](.+))?$/.exec(t) ?? null;
	if (m) {
		year = Number(m[1]);
		word = m[2] ?? '';
	} else {
		const r = /^(.+?)[- ]?(\d{4}|\d{2})$/.exec(t);
		if (!r) return null;
		year = fullYear(r[2]);
		word = r[1].trim();
	}
	if (!Number.isInteger(year) || year < 1990 || year > 2100) return null;
	word = word.replace(/-$/, '').trim();
	let key: string | null = null;
	switch (type) {
		case 'year':
			key = word === '' || word === 'helår' || word === 'år' ? periodKey(type, year) : null;
			break;
		case 'count_day': {
			const month = word === '' ? null : parseMonth(word);
			key = month === 4 ? periodKey(type, year, '04') : month === 11 ? periodKey(type, year, '11') : null;
			break;
		}
		case 'semester':
			if (/^(vt|vår|våren|vårtermin|vårterminen)$/.test(word)) key = periodKey(type, year, 'VT');
			else if (/^(ht|höst|hösten|hösttermin|höstterminen)$/.test(word)) key = periodKey(type, year, 'HT');
			break;
		case 'tertial': {
			const w = word.replace(/^tertial ?/, 't');
			if (w === 't1') key = periodKey(type, year, 'T1');
			else if (w === 't2') key = periodKey(type, year, 'T2');
			else if (w === 't3' || w === 'vb') key = periodKey(type, year, 'T3');
			break;
		}
	}
	return key;
}

// --- Reports ----------------------------------------------------------------------------------

export interface ReportPeriod {
	kind: BoardReportKind;
	year: number;
}

export const reportPeriodLabel = (p: ReportPeriod) => `${p.kind} ${p.year}`;

/** The month a report's period ends in: T2 covers January–August, VB the whole year. */
export const reportEndOrdinal = (p: ReportPeriod) => p.year * 100 + (p.kind === 'T2' ? 8 : 12);

/** Reading "T2 2021" / "VB 2020" (as in a URL or a form). */
export function parseReportPeriod(text: string): ReportPeriod | null {
	const m = /^(T2|VB)[ -]?(\d{4})$/i.exec(text.trim());
	if (!m) return null;
	const year = Number(m[2]);
	return year >= 2000 && year <= 2100 ? { kind: m[1].toUpperCase() as BoardReportKind, year } : null;
}

/**
 * The period of an indicator that is reported in a report, i.e. entered for it: at T2 the
 * April count, the spring semester and tertial 2; at the VB the November count, the autumn
 * semester, tertial 3 and the whole year. Null when the indicator is not due then (a yearly
 * figure at T2).
 */
export function periodDueIn(type: IndicatorPeriodType, report: ReportPeriod): string | null {
	const t2 = report.kind === 'T2';
	switch (type) {
		case 'year':
			return t2 ? null : periodKey(type, report.year);
		case 'count_day':
			return periodKey(type, report.year, t2 ? '04' : '11');
		case 'semester':
			return periodKey(type, report.year, t2 ? 'VT' : 'HT');
		case 'tertial':
			return periodKey(type, report.year, t2 ? 'T2' : 'T3');
	}
}

/** The newest period known by the time of the report (for a yearly figure at T2: last year). */
export function latestPeriodIn(type: IndicatorPeriodType, report: ReportPeriod): string {
	return periodDueIn(type, report) ?? periodKey(type, report.year - 1);
}

/**
 * The report being worked on at a date: January–April the previous year's VB, May–October this
 * year's T2, November–December this year's VB.
 */
export function currentReportPeriod(now = clockNow()): ReportPeriod {
	const { year, month } = calendarInStockholm(now);
	if (month <= 4) return { kind: 'VB', year: year - 1 };
	if (month <= 10) return { kind: 'T2', year };
	return { kind: 'VB', year };
}

/**
 * The row name of a year in a table of counting days, as the city prints it: "2019 (maj)" when
 * the April count was made in May; both months when both were moved ("2019 (maj, december)").
 */
export function countDayRowLabel(year: number, months: { april: number | null; november: number | null }): string {
	const moved = [months.april !== null && months.april !== 4 ? MONTHS_SV[months.april - 1] : null, months.november !== null && months.november !== 11 ? MONTHS_SV[months.november - 1] : null].filter(
		(m): m is string => m !== null
	);
	return moved.length ? `${year} (${moved.join(', ')})` : String(year);
}
