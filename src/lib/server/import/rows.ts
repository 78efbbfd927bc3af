/**
 * From the text of a staff file to checked rows: every problem is reported with its line
 * number and column, in Swedish, and the file is refused as a whole if there is any. Pure: no
 * database (what needs the database is checked in plan.ts).
 */
import { CASEWORKER_TITLES, type ActivityArea, type Gender, type Title } from '$lib/domain';
import {
	AREA_HINT,
	fieldLabel,
	fieldOfHeader,
	readArea,
	readGender,
	readManagerRole,
	readTitle,
	REQUIRED_FIELDS,
	ROLE_HINT,
	type Field,
	type HrRole
} from './columns';
import type { RawTable } from './read-file';
import { isRealDate } from '../validation';

export interface RowError {
	/** Line in the file (the header is line 1); for JSON the position in the list, from 1. */
	line: number;
	/** The column the problem is in, as documented (e.g. "E-post"); null for the whole row. */
	column: string | null;
	message: string;
}

/** A person as HR describes them. */
export interface StaffRow {
	line: number;
	employeeId: string;
	name: string;
	email: string;
	gender: Gender | null;
	/** Unit names from the förvaltning down: [förvaltning, avdelning?, enhet?, arbetsgrupp?]. */
	path: string[];
	title: Title;
	activityArea: ActivityArea | null;
	managerRole: HrRole | null;
	/** The first working day (startdatum), when HR gives it: a new social worker's introduction starts then. */
	startDate: string | null;
}

/** A second row for the same person: a manager of one more unit. */
export interface ExtraRoleRow {
	line: number;
	employeeId: string;
	path: string[];
	role: HrRole;
}

export interface CheckedRows {
	rows: StaffRow[];
	extraRoles: ExtraRoleRow[];
	errors: RowError[];
	/** Headers we did not use, so the administrator sees they were ignored. */
	ignoredColumns: string[];
}

export type RowValues = Partial<Record<Field, string>>;

export interface InputRow {
	line: number;
	values: RowValues;
}

const MAX_TEXT = 200;
/** Runs of white space as one space, none at the ends; most cells have nothing to change. */
const clean = (value: string | undefined) => (!value ? '' : /\s\s|[^\S ]/.test(value) ? value.replace(/\s+/g, ' ').trim() : value.trim());
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Header row → which field each column is; duplicates and missing required columns are file errors. */
export function mapColumns(table: RawTable): { rows: InputRow[]; ignoredColumns: string[]; errors: RowError[] } {
	const fieldAt: (Field | null)[] = [];
	const seen = new Map<Field, string>();
	const errors: RowError[] = [];
	const ignoredColumns: string[] = [];
	for (const header of table.headers) {
		const field = fieldOfHeader(header);
		if (field && seen.has(field)) {
			errors.push({ line: 1, column: header.trim(), message: `Kolumnen ”${header.trim()}” betyder samma sak som ”${seen.get(field)}”. Ta bort den ena.` });
			fieldAt.push(null);
			continue;
		}
		if (field) seen.set(field, header.trim());
		else if (header.trim() !== '') ignoredColumns.push(header.trim());
		fieldAt.push(field);
	}
	errors.push(...missingColumns(new Set(seen.keys())));
	const rows = table.rows.map(({ line, cells }) => {
		const values: RowValues = {};
		cells.forEach((cell, i) => {
			const field = fieldAt[i];
			if (field) values[field] = cell;
		});
		return { line, values };
	});
	return { rows, ignoredColumns, errors };
}

function missingColumns(present: Set<Field>): RowError[] {
	const errors: RowError[] = [];
	for (const field of REQUIRED_FIELDS) {
		if (!present.has(field)) errors.push({ line: 1, column: fieldLabel[field], message: `Kolumnen ${fieldLabel[field]} saknas i rubrikraden.` });
	}
	if (!present.has('name') && !(present.has('firstName') && present.has('lastName'))) {
		errors.push({ line: 1, column: fieldLabel.name, message: 'Kolumnen Namn saknas (eller Förnamn och Efternamn).' });
	}
	return errors;
}

/** JSON rows from the API: objects keyed by any accepted column name; line = position from 1. */
export function jsonRows(list: unknown[]): { rows: InputRow[]; ignoredColumns: string[]; errors: RowError[] } {
	const ignored = new Set<string>();
	const present = new Set<Field>();
	const rows = list.map((item, i) => {
		const values: RowValues = {};
		if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
			for (const [key, raw] of Object.entries(item)) {
				const field = fieldOfHeader(key);
				if (!field) ignored.add(key);
				else {
					present.add(field);
					values[field] = raw === null || raw === undefined ? '' : String(raw);
				}
			}
		}
		return { line: i + 1, values };
	});
	const errors = list.length > 0 ? missingColumns(present).map((e) => ({ ...e, line: 0, message: e.message.replace('i rubrikraden', 'i raderna') })) : [];
	return { rows, ignoredColumns: [...ignored], errors };
}

export function checkRows(input: InputRow[]): { rows: StaffRow[]; extraRoles: ExtraRoleRow[]; errors: RowError[] } {
	const errors: RowError[] = [];
	const rows: StaffRow[] = [];
	const extraRoles: ExtraRoleRow[] = [];
	const byEmployee = new Map<string, StaffRow>();
	const byEmail = new Map<string, StaffRow>();

	for (const { line, values } of input) {
		const rowErrors: RowError[] = [];
		const err = (field: Field | null, message: string) => rowErrors.push({ line, column: field ? fieldLabel[field] : null, message });
		const text = (field: Field) => clean(values[field]);

		const employeeId = text('employeeId');
		if (!employeeId) err('employeeId', 'Anställningsnummer saknas.');
		else if (employeeId.length > 50) err('employeeId', 'Anställningsnumret får vara högst 50 tecken.');

		let name = text('name');
		if (!name && (text('firstName') || text('lastName'))) name = `${text('firstName')} ${text('lastName')}`.trim();
		if (!name) err('name', 'Namn saknas.');
		else if (name.length > MAX_TEXT) err('name', `Namnet får vara högst ${MAX_TEXT} tecken.`);

		const email = text('email').toLowerCase();
		if (!email) err('email', 'E-postadress saknas.');
		else if (email.length > 254 || !EMAIL.test(email)) err('email', `”${text('email')}” är inte en giltig e-postadress.`);

		const gender = readGender(text('gender'));
		if (gender === undefined) err('gender', `Kön ”${text('gender')}” känns inte igen. Skriv Kvinna, Man, Annat eller lämna tomt.`);

		const levels = (['forvaltning', 'avdelning', 'enhet', 'arbetsgrupp'] as const).map((f) => [f, text(f)] as const);
		const path: string[] = [];
		if (!text('forvaltning')) err('forvaltning', 'Förvaltning saknas.');
		else {
			let gap: Field | null = null;
			for (const [field, value] of levels) {
				if (!value) {
					gap ??= field;
					continue;
				}
				if (gap) {
					err(gap, `${fieldLabel[gap]} saknas, men ${fieldLabel[field].toLowerCase()} är ifylld. Fyll i alla nivåer ovanför.`);
					break;
				}
				if (value.length > MAX_TEXT) err(field, `Namnet får vara högst ${MAX_TEXT} tecken.`);
				path.push(value);
			}
		}

		const rawTitle = text('title');
		const title = readTitle(rawTitle);
		if (!title) err('title', 'Yrkestitel saknas.');

		const area = readArea(text('activityArea'));
		if (area === undefined) err('activityArea', `Verksamhetsområde ”${text('activityArea')}” känns inte igen. Använd ${AREA_HINT}.`);
		else if (area === null && title && (CASEWORKER_TITLES as readonly string[]).includes(title)) {
			err('activityArea', `Verksamhetsområde saknas. Det behövs för ${title === 'socialsekreterare' ? 'socialsekreterare' : 'biståndshandläggare'}, som svarar på mätningarna.`);
		}

		const role = readManagerRole(text('managerRole'));
		if (role === undefined) err('managerRole', `Chefsroll ”${text('managerRole')}” känns inte igen. Skriv ${ROLE_HINT}.`);
		else if (role && path.length > 0) {
			const deepest = path.length; // 1 förvaltning, 2 avdelning, 3 enhet, 4 arbetsgrupp
			if (role === 'department_manager' && deepest !== 2) err('managerRole', 'En avdelningschef ska stå på en avdelning: fyll i Förvaltning och Avdelning men inte Enhet.');
			if (role === 'unit_manager' && deepest !== 3) err('managerRole', 'En enhetschef ska stå på en enhet: fyll i Förvaltning, Avdelning och Enhet men inte Arbetsgrupp.');
			if (role === 'deputy_unit_manager' && deepest < 3) err('managerRole', 'En biträdande enhetschef ska stå på en enhet eller arbetsgrupp.');
		}

		const startDate = text('startDate');
		if (startDate && !(/^\d{4}-\d{2}-\d{2}$/.test(startDate) && isRealDate(startDate))) err('startDate', `Startdatum ”${startDate}” är inte ett datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2027-01-11, eller lämna tomt.`);

		// The same person twice: allowed only as a manager of one more unit.
		const earlier = employeeId ? byEmployee.get(employeeId) : undefined;
		if (earlier) {
			if (!role || earlier.name !== name || earlier.email !== email) {
				err('employeeId', `Anställningsnummer ${employeeId} finns redan på rad ${earlier.line}. En person får bara stå på flera rader om hen är chef för flera enheter (samma namn och e-post, och en chefsroll på varje rad).`);
			}
			errors.push(...rowErrors);
			if (rowErrors.length === 0 && role) extraRoles.push({ line, employeeId, path, role });
			continue;
		}
		const sameEmail = email ? byEmail.get(email) : undefined;
		if (sameEmail) err('email', `E-postadressen finns redan på rad ${sameEmail.line} (anställningsnummer ${sameEmail.employeeId}).`);

		errors.push(...rowErrors);
		const row: StaffRow = { line, employeeId, name, email, gender: gender ?? null, path, title: title ?? 'ovrig', activityArea: area ?? null, managerRole: role ?? null, startDate: startDate || null };
		if (employeeId) byEmployee.set(employeeId, row);
		if (email && !sameEmail) byEmail.set(email, row);
		if (rowErrors.length === 0) rows.push(row);
	}
	return { rows, extraRoles, errors };
}

/** All of it: columns, then rows. A problem with the columns stops there: every row would fail. */
export function checkTable(mapped: { rows: InputRow[]; ignoredColumns: string[]; errors: RowError[] }): CheckedRows {
	if (mapped.errors.length > 0) return { rows: [], extraRoles: [], errors: mapped.errors, ignoredColumns: mapped.ignoredColumns };
	return { ...checkRows(mapped.rows), ignoredColumns: mapped.ignoredColumns };
}
