/**
 * The columns of a staff file from HR and how their values are read. Headers are matched
 * without regard to case, spaces, punctuation or å/ä/ö, so "Anställningsnummer",
 * "ANSTALLNINGSNUMMER" and "anst.nr" are the same column. Documented in the README
 * ("Single sign-on and staff import"); keep the two in step.
 */
import { ACTIVITY_AREAS, GENDERS, type ActivityArea, type Gender, type Role, type Title } from '$lib/domain';

export const FIELDS = [
	'employeeId',
	'name',
	'firstName',
	'lastName',
	'email',
	'gender',
	'forvaltning',
	'avdelning',
	'enhet',
	'arbetsgrupp',
	'title',
	'activityArea',
	'managerRole',
	'startDate'
] as const;
export type Field = (typeof FIELDS)[number];

/** The column name we document and show in messages. */
export const fieldLabel: Record<Field, string> = {
	employeeId: 'Anställningsnummer',
	name: 'Namn',
	firstName: 'Förnamn',
	lastName: 'Efternamn',
	email: 'E-post',
	gender: 'Kön',
	forvaltning: 'Förvaltning',
	avdelning: 'Avdelning',
	enhet: 'Enhet',
	arbetsgrupp: 'Arbetsgrupp',
	title: 'Yrkestitel',
	activityArea: 'Verksamhetsområde',
	managerRole: 'Chefsroll',
	startDate: 'Startdatum'
};

/** Lower case, å/ä/ö → a/a/o, é → e, and nothing but letters and digits. */
export function fold(value: string): string {
	let folded = folds.get(value);
	if (folded === undefined) {
		folded = value
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]/g, '');
		// The same few values (Kvinna, Socialsekreterare, Enhetschef …) on every row of a file.
		if (folds.size >= 10_000) folds.clear();
		folds.set(value, folded);
	}
	return folded;
}
const folds = new Map<string, string>();

const aliases: Record<Field, string[]> = {
	employeeId: ['Anställningsnummer', 'Anställningsnr', 'Anst.nr', 'Anstnr', 'Personalnummer', 'Personalnr', 'Anställnings-id', 'employee_id', 'employeeId', 'Employee ID'],
	name: ['Namn', 'Fullständigt namn', 'För- och efternamn', 'name'],
	firstName: ['Förnamn', 'first_name', 'firstName', 'given_name'],
	lastName: ['Efternamn', 'last_name', 'lastName', 'family_name'],
	email: ['E-post', 'E-postadress', 'Epost', 'Mejl', 'Mail', 'email', 'e-mail'],
	gender: ['Kön', 'gender'],
	forvaltning: ['Förvaltning', 'Stadsdelsförvaltning', 'forvaltning'],
	avdelning: ['Avdelning', 'avdelning'],
	enhet: ['Enhet', 'enhet'],
	arbetsgrupp: ['Arbetsgrupp', 'Grupp', 'arbetsgrupp'],
	title: ['Yrkestitel', 'Befattning', 'Titel', 'title'],
	activityArea: ['Verksamhetsområde', 'Verksamhet', 'activity_area', 'activityArea'],
	managerRole: ['Chefsroll', 'Chefsnivå', 'manager_role', 'managerRole'],
	startDate: ['Startdatum', 'Anställningsdatum', 'Anställd från', 'Tillträdesdatum', 'Första arbetsdag', 'start_date', 'startDate']
};

const byFolded = new Map<string, Field>();
for (const field of FIELDS) for (const alias of aliases[field]) byFolded.set(fold(alias), field);

/** The field a header names, or null for a column we do not use. */
export function fieldOfHeader(header: string): Field | null {
	return byFolded.get(fold(header)) ?? null;
}

export const REQUIRED_FIELDS: Field[] = ['employeeId', 'email', 'forvaltning', 'title'];

// --- Values ------------------------------------------------------------------------------

const genderValues = new Map<string, Gender>([
	['kvinna', 'kvinna'],
	['k', 'kvinna'],
	['f', 'kvinna'],
	['female', 'kvinna'],
	['man', 'man'],
	['m', 'man'],
	['male', 'man'],
	['annat', 'annat'],
	['annatvillejange', 'annat'],
	['villejange', 'annat'],
	['ickebinar', 'annat'],
	['x', 'annat'],
	['other', 'annat']
]);
for (const g of GENDERS) genderValues.set(g, g);

/** undefined = not understood. */
export function readGender(value: string): Gender | null | undefined {
	if (value.trim() === '') return null;
	return genderValues.get(fold(value));
}

const areaValues = new Map<string, ActivityArea>([
	['barnochunga', 'barn_och_unga'],
	['barnochungdom', 'barn_och_unga'],
	['barnungdomochfamilj', 'barn_och_unga'],
	['ekonomisktbistand', 'ekonomiskt_bistand'],
	['forsorjningsstod', 'ekonomiskt_bistand'],
	['socialpsykiatri', 'socialpsykiatri'],
	['missbrukochberoende', 'missbruk_beroende'],
	['missbrukberoende', 'missbruk_beroende'],
	['missbruk', 'missbruk_beroende'],
	['beroende', 'missbruk_beroende'],
	['funktionsnedsattning', 'funktionsnedsattning'],
	['lss', 'funktionsnedsattning'],
	['aldreomsorg', 'aldreomsorg'],
	['aldre', 'aldreomsorg']
]);
for (const a of ACTIVITY_AREAS) areaValues.set(fold(a), a);

export const AREA_HINT = 'Barn och unga, Ekonomiskt bistånd, Socialpsykiatri, Missbruk och beroende, Funktionsnedsättning eller Äldreomsorg';

export function readArea(value: string): ActivityArea | null | undefined {
	if (value.trim() === '') return null;
	return areaValues.get(fold(value));
}

/**
 * Yrkestitel: HR has many titles; only socialsekreterare and biståndshandläggare answer rounds,
 * every kind of chef is 'chef', and any other title is 'ovrig' (they are kept but not asked).
 */
export function readTitle(value: string): Title | undefined {
	const f = fold(value);
	if (f === '') return undefined;
	if (f.includes('socialsekreterare')) return 'socialsekreterare';
	if (f.includes('bistandshandlaggare')) return 'bistandshandlaggare';
	if (f === 'chef' || f.endsWith('chef')) return 'chef';
	return 'ovrig';
}

/** The manager roles HR knows about; the import keeps them in step. Other roles are set in the app. */
export const HR_ROLES = ['deputy_unit_manager', 'unit_manager', 'department_manager'] as const satisfies readonly Role[];
export type HrRole = (typeof HR_ROLES)[number];

const roleValues = new Map<string, HrRole>([
	['bitradandeenhetschef', 'deputy_unit_manager'],
	['bitrenhetschef', 'deputy_unit_manager'],
	['bitradandechef', 'deputy_unit_manager'],
	['gruppledare', 'deputy_unit_manager'],
	['enhetschef', 'unit_manager'],
	['avdelningschef', 'department_manager'],
	['deputyunitmanager', 'deputy_unit_manager'],
	['unitmanager', 'unit_manager'],
	['departmentmanager', 'department_manager']
]);

export const ROLE_HINT = 'Biträdande enhetschef, Enhetschef eller Avdelningschef (eller tomt)';

export function readManagerRole(value: string): HrRole | null | undefined {
	if (value.trim() === '') return null;
	return roleValues.get(fold(value));
}
