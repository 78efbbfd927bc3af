/**
 * The unit's goals followed with a checklist at every closed investigation (issue 14, part 1):
 * what a goal, an item and a filled-in checklist may hold, the follow-up periods (tertial 1, 2
 * and 3, the year = bokslut, or any period), and how answers are compiled into the share "ja".
 * Pure: no database.
 */
import { z } from 'zod';
import { CHECKLIST_ANSWERS, CLIENT_AGE_BANDS, CLIENT_GENDERS, type ChecklistAnswer, type ClientGender } from '$lib/domain';
import { addDays } from '$lib/time';
import { isoDate, isUuid, looksLikePersonnummer, optionalField } from '../validation';

const NO_CLIENT = 'Skriv inga personnummer eller andra uppgifter om klienter.';
const text = (missing: string, max: number, what: string) =>
	z
		.string({ error: missing })
		.trim()
		.min(1, missing)
		.max(max, `${what} får vara högst ${max} tecken.`)
		.refine((t) => !looksLikePersonnummer(t), NO_CLIENT);

export const goalInput = z.object({
	title: text('Skriv målet, till exempel ”Barn som behöver samordnade insatser har en SIP”.', 300, 'Målet'),
	expectedShare: z.coerce
		.number({ error: 'Skriv förväntat resultat som en andel i procent, 0–100.' })
		.int('Skriv förväntat resultat som ett heltal i procent, 0–100.')
		.min(0, 'Skriv förväntat resultat som en andel i procent, 0–100.')
		.max(100, 'Skriv förväntat resultat som en andel i procent, 0–100.'),
	subgoalId: optionalField(z.string().refine(isUuid, 'Välj ett delmål i listan.'))
});
export type GoalInput = z.infer<typeof goalInput>;

export const itemInput = z.object({
	question: text('Skriv frågan, till exempel ”Har du använt mappning under utredningen?”.', 300, 'Frågan'),
	goalId: optionalField(z.string().refine(isUuid, 'Välj ett mål i listan.'))
});
export type ItemInput = z.infer<typeof itemInput>;

/** Moving a question one place up or down in the checklist. */
export const moveInput = z.object({ direction: z.enum(['up', 'down'], { message: 'Välj att flytta frågan upp eller ned.' }) });

/** The items in their new order after moving one a place; unchanged at either end. */
export function moved<T extends { id: string }>(items: readonly T[], id: string, direction: 'up' | 'down'): T[] {
	const order = [...items];
	const i = order.findIndex((x) => x.id === id);
	const j = direction === 'up' ? i - 1 : i + 1;
	if (i < 0 || j < 0 || j >= order.length) return order;
	[order[i], order[j]] = [order[j], order[i]];
	return order;
}

/** How far back a closed investigation may be entered: a year and a little, for the bokslut. */
export const MAX_DAYS_BACK = 400;

/** A filled-in checklist. `answers` maps item id → ja | nej | ej_aktuellt; which items must be answered is checked against the unit's checklist. */
export const checklistInput = z.object({
	closedOn: isoDate('Skriv datumet då utredningen avslutades.', '2026-11-20'),
	clientGender: z.enum(CLIENT_GENDERS, { error: 'Välj barnets eller klientens kön.' }),
	ageBand: z.enum(CLIENT_AGE_BANDS, { error: 'Välj barnets eller klientens ålder.' }),
	answers: z.record(z.string(), z.enum(CHECKLIST_ANSWERS, { error: 'Svara ja, nej eller ej aktuellt.' }), { error: 'Svara på frågorna i checklistan.' })
});
export type ChecklistInput = z.infer<typeof checklistInput>;

/** The rules the schema cannot know: the day is not ahead and not too old, and every item of the unit is answered exactly once. Returns field → message. */
export function checklistProblems(input: ChecklistInput, itemIds: readonly string[], today: string): Record<string, string> {
	const problems: Record<string, string> = {};
	if (input.closedOn > today) problems.closedOn = 'Datumet kan inte vara senare än i dag. Fyll i checklistan när utredningen är avslutad.';
	else if (input.closedOn < addDays(today, -MAX_DAYS_BACK)) problems.closedOn = `Utredningen avslutades för mer än ${MAX_DAYS_BACK} dagar sedan. Kontrollera datumet.`;
	for (const id of itemIds) if (!(id in input.answers)) problems[`answers.${id}`] = 'Svara ja, nej eller ej aktuellt.';
	if (Object.keys(input.answers).some((id) => !itemIds.includes(id))) problems.answers = 'Checklistan har ändrats sedan du öppnade den. Ladda om sidan och fyll i den igen.';
	return problems;
}

// --- Periods: tertial 1, 2 and 3, the year (bokslut), or any period ---------------------------

export type TertialName = 'T1' | 'T2' | 'T3';
export interface Period {
	/** '2026-T1', '2026-T2', '2026-T3', '2026' (bokslut) or 'from..to'. */
	key: string;
	label: string;
	from: string;
	to: string;
	/** The tertials the period consists of; empty for a chosen period. */
	tertials: string[];
}

const TERTIAL_MONTHS: Record<TertialName, [string, string]> = { T1: ['01-01', '04-30'], T2: ['05-01', '08-31'], T3: ['09-01', '12-31'] };
const TERTIAL_LABEL: Record<TertialName, string> = { T1: 'Tertial 1', T2: 'Tertial 2', T3: 'Tertial 3' };
const TERTIAL_KEY = /^(\d{4})-(T[123])$/;
const CUSTOM_KEY = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export function tertial(year: number, name: TertialName): Period {
	const [from, to] = TERTIAL_MONTHS[name];
	const key = `${year}-${name}`;
	return { key, label: `${TERTIAL_LABEL[name]} ${year}`, from: `${year}-${from}`, to: `${year}-${to}`, tertials: [key] };
}

export function yearPeriod(year: number): Period {
	return { key: String(year), label: `Helår ${year} (bokslut)`, from: `${year}-01-01`, to: `${year}-12-31`, tertials: (['T1', 'T2', 'T3'] as const).map((t) => `${year}-${t}`) };
}

export function tertialOf(day: string): string {
	const month = Number(day.slice(5, 7));
	return `${day.slice(0, 4)}-${month <= 4 ? 'T1' : month <= 8 ? 'T2' : 'T3'}`;
}

const DAY_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const dayLabel = (day: string) => `${Number(day.slice(8, 10))} ${DAY_NAMES[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

/** A period from its key; null for anything else (a bad key, a chosen period that ends before it starts). */
export function parsePeriod(key: string): Period | null {
	const t = TERTIAL_KEY.exec(key);
	if (t) return tertial(Number(t[1]), t[2] as TertialName);
	if (/^\d{4}$/.test(key)) return yearPeriod(Number(key));
	const c = CUSTOM_KEY.exec(key);
	if (c && c[1] <= c[2] && new Date(`${c[1]}T00:00:00Z`).toISOString().startsWith(c[1]) && new Date(`${c[2]}T00:00:00Z`).toISOString().startsWith(c[2]))
		return { key, label: `${dayLabel(c[1])} – ${dayLabel(c[2])}`, from: c[1], to: c[2], tertials: [] };
	return null;
}

/** A period is over when its last day is before today: only such periods are shown above the enhet. */
export const isClosed = (period: Period, today: string) => period.to < today;

/** The tertials from the one holding `first` to the one holding `today`, oldest first. */
export function tertialsBetween(first: string, today: string): Period[] {
	const out: Period[] = [];
	let year = Number(first.slice(0, 4));
	const last = tertialOf(today);
	for (let guard = 0; guard < 300; guard++) {
		for (const name of ['T1', 'T2', 'T3'] as const) {
			const p = tertial(year, name);
			if (p.to < first) continue;
			out.push(p);
			if (p.key === last) return out;
		}
		year++;
	}
	return out;
}

/** The periods offered in the picker, newest first: each year (bokslut) followed by its tertials, from the first checklist up to today. */
export function periodChoices(first: string | null, today: string): Period[] {
	const tertials = tertialsBetween(first ?? today, today);
	const years = [...new Set(tertials.map((t) => Number(t.key.slice(0, 4))))].reverse();
	const year = (y: number) => {
		const p = yearPeriod(y);
		return p.to < today ? p : { ...p, label: `Helår ${y} hittills` };
	};
	return years.flatMap((y) => [year(y), ...tertials.filter((t) => t.key.startsWith(`${y}-`)).reverse()]);
}

// --- Compilation: the share "ja" per item and per goal ---------------------------------------

export interface Tally {
	ja: number;
	nej: number;
	ejAktuellt: number;
}
export const emptyTally = (): Tally => ({ ja: 0, nej: 0, ejAktuellt: 0 });

/** Share "ja" of the answers where the item applied (ej aktuellt left out); null when none applied. */
export const shareYes = (t: Tally): number | null => (t.ja + t.nej > 0 ? t.ja / (t.ja + t.nej) : null);

export function addAnswer(t: Tally, answer: ChecklistAnswer): void {
	if (answer === 'ja') t.ja++;
	else if (answer === 'nej') t.nej++;
	else t.ejAktuellt++;
}

export const addTally = (a: Tally, b: Tally): Tally => ({ ja: a.ja + b.ja, nej: a.nej + b.nej, ejAktuellt: a.ejAktuellt + b.ejAktuellt });

export interface FilledChecklist {
	personId: string;
	clientGender: ClientGender;
	answers: ReadonlyMap<string, ChecklistAnswer>;
}

export interface GoalDef {
	id: string;
	itemIds: readonly string[];
}

/** One group's figures: checklists, people, and a tally per item and per goal, in total and per gender. */
export interface Compiled {
	checklists: number;
	people: number;
	items: Map<string, { total: Tally; byGender: Record<ClientGender, Tally> }>;
	goals: Map<string, { total: Tally; byGender: Record<ClientGender, Tally> }>;
}

const byGender = (): Record<ClientGender, Tally> => ({ flicka: emptyTally(), pojke: emptyTally(), annat: emptyTally() });

/** A goal's tally pools the answers to its items: each applicable answer counts once. */
export function compile(filled: readonly FilledChecklist[], itemIds: readonly string[], goals: readonly GoalDef[]): Compiled {
	const items = new Map(itemIds.map((id) => [id, { total: emptyTally(), byGender: byGender() }]));
	for (const c of filled) {
		for (const [itemId, answer] of c.answers) {
			const item = items.get(itemId);
			if (!item) continue;
			addAnswer(item.total, answer);
			addAnswer(item.byGender[c.clientGender], answer);
		}
	}
	const goalTallies = new Map(
		goals.map((g) => {
			const total = emptyTally();
			const split = byGender();
			for (const id of g.itemIds) {
				const item = items.get(id);
				if (!item) continue;
				Object.assign(total, addTally(total, item.total));
				for (const gender of CLIENT_GENDERS) split[gender] = addTally(split[gender], item.byGender[gender]);
			}
			return [g.id, { total, byGender: split }];
		})
	);
	return { checklists: filled.length, people: new Set(filled.map((c) => c.personId)).size, items, goals: goalTallies };
}

/**
 * A person's own share "ja" on one figure, as the anonymity module's value for its rule on
 * homogeneous groups (rule 5): 0 when nothing applied, else 1 + the share in whole per cent. A
 * group whose members all had the same share (all 100 %, all 0 %) would tell each one's, so the
 * module withholds it; members with different shares are different values.
 */
export const personValue = (t: Tally): number => {
	const share = shareYes(t);
	return share === null ? 0 : 1 + Math.round(share * 100);
};

/** A form's fields as a checklist: the answers come as `answers.<item id>` (the same keys as their errors). */
export function checklistFromForm(values: Record<string, unknown>): Record<string, unknown> {
	const answers: Record<string, unknown> = {};
	const rest: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) {
		if (key.startsWith('answers.')) answers[key.slice('answers.'.length)] = value;
		else rest[key] = value;
	}
	return { ...rest, answers };
}
