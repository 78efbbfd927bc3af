/**
 * Input at every boundary: Zod results → DomainErrors with Swedish messages per field, and the
 * small rules every schema shares (ids, dates, what a text may contain). One place each.
 */
import { z } from 'zod';
import { invalid } from './errors';

/** Control characters other than tab, line feed and carriage return (NUL among them). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const CONTROL_CHARACTER_MESSAGE = 'Texten innehåller ett otillåtet tecken (ett styrtecken). Ta bort det och skriv texten igen.';
export const URL_CONTROL_CHARACTER_MESSAGE = 'Adressen innehåller ett otillåtet tecken (ett styrtecken). Kontrollera länken och försök igen.';

export function hasControlCharacters(text: string): boolean {
	return CONTROL_CHARACTER.test(text);
}

/** Paths ('a.b.0') of every string in the input that holds a control character. */
function controlCharacterPaths(input: unknown, path: string[] = [], found: string[] = [], depth = 0): string[] {
	if (typeof input === 'string') {
		if (hasControlCharacters(input)) found.push(path.join('.') || '_');
	} else if (input !== null && typeof input === 'object' && depth < 20) {
		for (const [key, value] of Object.entries(input)) {
			if (hasControlCharacters(key)) found.push([...path, key].join('.'));
			controlCharacterPaths(value, [...path, key], found, depth + 1);
		}
	}
	return found;
}

/** Refuses input with a control character in any of its texts, naming each field. */
export function refuseControlCharacters(input: unknown): void {
	const bad = controlCharacterPaths(input);
	if (bad.length > 0) refuse(Object.fromEntries(bad.map((key) => [key, CONTROL_CHARACTER_MESSAGE])));
}

function refuse(fieldErrors: Record<string, string>): never {
	const count = Object.keys(fieldErrors).length;
	throw invalid(count === 1 ? 'Ett fält behöver rättas.' : `${count} fält behöver rättas.`, fieldErrors);
}

/**
 * Parses input with a schema. Every text in it is first checked for control characters, so no
 * schema can forget it (a NUL would otherwise reach the database and fail there).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	refuseControlCharacters(input);
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fieldErrors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || '_';
		fieldErrors[key] ??= issue.message;
	}
	refuse(fieldErrors);
}

/** A path or query parameter with a control character is refused before any route sees it. */
export function urlHasControlCharacters(url: URL): boolean {
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return true; // a malformed escape (%E3%80) cannot be a valid path either
	}
	if (hasControlCharacters(path)) return true;
	for (const [key, value] of url.searchParams) if (hasControlCharacters(key) || hasControlCharacters(value)) return true;
	return false;
}

/** FormData → plain object (last value wins; checkboxes with several values become arrays). */
export function formToObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const values = form.getAll(key).map((v) => (typeof v === 'string' ? v : ''));
		out[key] = arrays.includes(key) ? values : values[values.length - 1];
	}
	for (const key of arrays) out[key] ??= [];
	return out;
}

// --- Shared rules ---------------------------------------------------------------------------

/** A text that must be filled in, with the field's own words for what is missing. */
export const requiredText = (missing: string, max: number, what: string) =>
	z.string({ error: missing }).trim().min(1, missing).max(max, `${what} får vara högst ${max} tecken.`);

/** A text that may be left empty (stored as ''). */
export const optionalText = (max: number, what: string) =>
	z
		.string()
		.trim()
		.max(max, `${what} får vara högst ${max} tecken.`)
		.nullish()
		.transform((v) => v ?? '');

/** An empty form field (or a JSON null) counts as not given. */
export const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** A field that may be left out or blank (then undefined); when given, `schema` checks it. */
export const optionalField = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** A checkbox from a form ('on') or a boolean from the JSON API. */
export const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean());

/** Ten or twelve digits with an optional dash or plus: what a Swedish personnummer looks like. */
const PERSONNUMMER = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/;
/** Texts about clients must never carry their identity (issue 14): such input is refused. */
export const looksLikePersonnummer = (text: string) => PERSONNUMMER.test(text);

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Date.parse accepts 2027-02-30 (it rolls over to March); a real date survives the round trip. */
export function isRealDate(v: string): boolean {
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayFormat = (example: string) => `Skriv datumet som ÅÅÅÅ-MM-DD, till exempel ${example}.`;
const NO_SUCH_DAY = 'Datumet finns inte. Kontrollera månad och dag.';

/** A required ISO day (ÅÅÅÅ-MM-DD) that exists in the calendar; `missing` says what to fill in. */
export const isoDate = (missing: string, example = '2027-02-15') =>
	z.string({ error: missing }).trim().min(1, missing).regex(ISO_DAY, dayFormat(example)).refine(isRealDate, NO_SUCH_DAY);

/** The same, optional: blank or absent is undefined. */
export const optionalIsoDate = (example = '2027-02-15') => optionalField(z.string().trim().regex(ISO_DAY, dayFormat(example)).refine(isRealDate, NO_SUCH_DAY));
