/**
 * Introduction programmes for new social workers (issue 14, part 3; decision 0020): what a
 * template step, a start, a note and a placement may hold, when a step is due, who is behind, and
 * the counts the förvaltning and the city follow. Pure: no database.
 */
import { z } from 'zod';
import { PLACEMENT_KINDS, GENDERS } from '$lib/domain';
import { addDays } from '$lib/time';
import { isoDate, isUuid, looksLikePersonnummer, optionalField, requiredText } from '../validation';

/** A programme lasts six months from the start. */
export const INTRODUCTION_MONTHS = 6;
/** The weeks a step may be due in: within the six months. */
export const MAX_DUE_WEEK = 26;

/** The day six months after `start` (the last day of a short month when the day does not exist). */
export function introductionEnd(start: string): string {
	const [y, m, d] = start.split('-').map(Number);
	const month = m - 1 + INTRODUCTION_MONTHS;
	const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
	return new Date(Date.UTC(y, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The last day of week `dueWeek` of a programme that starts on `start` (week 1 is the first seven days). */
export const stepDueDate = (start: string, dueWeek: number) => addDays(start, dueWeek * 7 - 1);

export interface StepState {
	dueWeek: number;
	doneOn: string | null;
}

/** A step is behind when its week is over and it is not ticked off. */
export const isStepBehind = (step: StepState, start: string, today: string) => step.doneOn === null && stepDueDate(start, step.dueWeek) < today;

export type IntroductionStatus = 'klar' | 'efter' | 'enligt_plan';
export const introductionStatusLabel: Record<IntroductionStatus, string> = { klar: 'Klar', efter: 'Efter plan', enligt_plan: 'Enligt plan' };

export interface Progress {
	done: number;
	total: number;
	/** Steps past their week, not ticked off. */
	behind: number;
	status: IntroductionStatus;
}

export function progressOf(steps: StepState[], start: string, today: string): Progress {
	const done = steps.filter((s) => s.doneOn !== null).length;
	const behind = steps.filter((s) => isStepBehind(s, start, today)).length;
	const status: IntroductionStatus = steps.length > 0 && done === steps.length ? 'klar' : behind > 0 ? 'efter' : 'enligt_plan';
	return { done, total: steps.length, behind, status };
}

/** The day the last step was ticked off, or null while any remains. */
export function completedOn(steps: StepState[]): string | null {
	if (steps.length === 0 || steps.some((s) => s.doneOn === null)) return null;
	return steps.map((s) => s.doneOn!).sort().at(-1)!;
}

// --- What the forms may hold ------------------------------------------------------------------

const uuid = (message: string) => z.string({ error: message }).refine(isUuid, message);
const dueWeek = z.coerce
	.number({ error: `Skriv vilken vecka steget ska vara gjort, 1–${MAX_DUE_WEEK}.` })
	.int(`Skriv vilken vecka steget ska vara gjort, 1–${MAX_DUE_WEEK}.`)
	.min(1, `Skriv vilken vecka steget ska vara gjort, 1–${MAX_DUE_WEEK}.`)
	.max(MAX_DUE_WEEK, `Skriv vilken vecka steget ska vara gjort, 1–${MAX_DUE_WEEK}.`);

export const templateStepInput = z.object({
	title: requiredText('Skriv vad steget är, till exempel ”Stadens introduktionskurs”.', 200, 'Steget'),
	dueWeek
});

export const templateStepRef = z.object({ stepId: uuid('Välj ett steg i mallen.') });

export const mentorInput = z.object({ personId: uuid('Välj en medarbetare.') });

export const startInput = z.object({
	personId: uuid('Välj den nyanställda.'),
	startDate: isoDate('Skriv startdatum.'),
	mentorId: uuid('Välj en mentor bland enhetens mentorer.')
});

export const tickInput = z.object({
	stepId: uuid('Välj ett steg.'),
	done: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean())
});

export const noteInput = z.object({
	body: requiredText('Skriv anteckningen.', 500, 'Anteckningen').refine(
		(t) => !looksLikePersonnummer(t),
		'Skriv inga personnummer eller andra uppgifter om klienter i anteckningen.'
	),
	stepId: optionalField(uuid('Välj ett steg, eller inget.'))
});

/** '2026-VT' or '2026-HT': the indicators' semester key. */
const SEMESTER = /^(\d{4})-(VT|HT)$/;
export const semesterLabel = (key: string) => {
	const m = SEMESTER.exec(key);
	return m ? `${m[2] === 'VT' ? 'Vårterminen' : 'Höstterminen'} ${m[1]}` : key;
};
/** For sorting: 2026-VT before 2026-HT before 2027-VT. */
export const semesterOrder = (key: string) => Number(key.slice(0, 4)) * 2 + (key.endsWith('HT') ? 1 : 0);
/** The semester a day falls in: January–June is VT, July–December HT. */
export const semesterOf = (day: string) => `${day.slice(0, 4)}-${Number(day.slice(5, 7)) <= 6 ? 'VT' : 'HT'}`;

export const placementInput = z.object({
	semester: z.string({ error: 'Välj termin.' }).trim().regex(SEMESTER, 'Välj termin, till exempel 2026-HT.'),
	kind: z.enum(PLACEMENT_KINDS, { error: 'Välj VFU-student eller trainee.' }),
	gender: optionalField(z.enum(GENDERS, { error: 'Välj kvinna, man, annat eller inget.' }))
});

export const placementRef = z.object({ placementId: uuid('Välj en rad.') });

// --- The counts the förvaltning and the city follow ---------------------------------------------

export interface Starter {
	startDate: string;
	/** Whether a programme was started with a mentor. */
	hasProgramme: boolean;
	completedOn: string | null;
}

export interface IntroductionCounts {
	/** New employees who started in the period. */
	newEmployees: number;
	/** Of them, with a programme and a named mentor. */
	withProgramme: number;
	/** Of those whose six months are over, how many completed within them; and how many are over. */
	sixMonthsOver: number;
	completedInSixMonths: number;
}

/** Counts of those who started from `from` to `to` (inclusive); completion is judged on `today`. */
export function introductionCounts(starters: Starter[], from: string, to: string, today: string): IntroductionCounts {
	const inPeriod = starters.filter((s) => s.startDate >= from && s.startDate <= to);
	const over = inPeriod.filter((s) => introductionEnd(s.startDate) < today);
	return {
		newEmployees: inPeriod.length,
		withProgramme: inPeriod.filter((s) => s.hasProgramme).length,
		sixMonthsOver: over.length,
		completedInSixMonths: over.filter((s) => s.completedOn !== null && s.completedOn <= introductionEnd(s.startDate)).length
	};
}

/** The nearest manager gives a programme a mentor, or another one. */
export const programmeMentorInput = z.object({
	mentorId: uuid('Välj en mentor bland enhetens mentorer.')
});
