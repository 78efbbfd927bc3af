/**
 * The rules of incidents (otillåten påverkan, hot och våld mot tjänstepersoner), free of the
 * database: what a report must contain, what makes an incident serious (and so reportable to
 * Arbetsmiljöverket without delay), when a year's statistics may be shown, and the rows of the
 * export for the kommun's work-injury reporting. Tested on their own.
 */
import { z } from 'zod';
import {
	ACTIVITY_AREAS,
	INCIDENT_FORMS,
	INCIDENT_SUPPORT,
	activityAreaLabel,
	incidentFormLabel,
	incidentSupportLabel,
	type ActivityArea,
	type IncidentForm,
	type IncidentSupport
} from '$lib/domain';
import type { ExportTable } from '../export/table-export';
import { blankToUndefined, isoDate, optionalIsoDate } from '../validation';
import { calendarInStockholm, dateInStockholm, stockholmInstant, timeInStockholm } from '$lib/time';


const date = (missing: string) => isoDate(missing, '2026-03-14');
const optionalDate = optionalIsoDate('2026-03-14');

/** 'yes'/'no' from a form, true/false from the JSON API. */
const yesNoValue = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : v);
const yesNo = (missing: string) => z.preprocess(yesNoValue, z.enum(['yes', 'no'], { error: missing })).transform((v) => v === 'yes');

export const reportInput = z
	.object({
		/** Empty: the caller reports for themselves. A manager picks one of their staff. */
		personId: z.preprocess(blankToUndefined, z.string().uuid('Välj en medarbetare i listan.').optional()),
		form: z.enum(INCIDENT_FORMS, { error: 'Välj vilken sorts påverkan det var.' }),
		occurredOn: date('Fyll i vilken dag det hände.'),
		occurredTime: z.preprocess(blankToUndefined, z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Skriv klockslaget som TT:MM, till exempel 14:30.').optional()),
		activityArea: z.enum(ACTIVITY_AREAS, { error: 'Välj i vilken verksamhet det hände.' }),
		setting: z
			.string()
			.trim()
			.max(200, 'Platsen får vara högst 200 tecken.')
			.nullish()
			.transform((v) => v ?? ''),
		description: z.string({ error: 'Beskriv vad som hände.' }).trim().min(1, 'Beskriv vad som hände.').max(4000, 'Beskrivningen får vara högst 4000 tecken.'),
		policeReported: yesNo('Svara om händelsen är polisanmäld.'),
		threatTakenSeriously: z.preprocess((v) => blankToUndefined(yesNoValue(v)), z.enum(['yes', 'no'], { error: 'Svara ja eller nej.' }).optional())
	})
	// Runs even when other fields are wrong, so every missing answer is asked for at once.
	.refine((r) => r.form !== 'hot' || r.threatTakenSeriously !== undefined, {
		path: ['threatTakenSeriously'],
		message: 'Svara om medarbetaren tar hotet på allvar.',
		when: (payload) => (payload.value as { form?: unknown } | undefined)?.form === 'hot'
	})
	.transform((r) => ({ ...r, threatTakenSeriously: r.form === 'hot' && r.threatTakenSeriously === 'yes' }));
export type ReportInput = z.infer<typeof reportInput>;

export const supportInput = z.object({
	supportEnough: z.enum(INCIDENT_SUPPORT, { error: 'Svara om stödet räckte.' }),
	supportComment: z
		.string()
		.trim()
		.max(2000, 'Kommentaren får vara högst 2000 tecken.')
		.nullish()
		.transform((v) => (v ? v : null))
});

export const measuresInput = z.object({
	measures: z
		.string()
		.trim()
		.max(4000, 'Åtgärderna får vara högst 4000 tecken.')
		.nullish()
		.transform((v) => v ?? ''),
	authorityReportedOn: optionalDate,
	workInjuryReportedOn: optionalDate
});

export const statsQuery = z.object({
	unit: z.preprocess(blankToUndefined, z.string().uuid('Ogiltig enhet.').optional()),
	year: z.preprocess(blankToUndefined, z.coerce.number({ error: 'Ogiltigt år.' }).int('Ogiltigt år.').min(2000, 'Ogiltigt år.').max(2100, 'Ogiltigt år.').optional()),
	area: z.preprocess(blankToUndefined, z.enum(ACTIVITY_AREAS, { error: 'Okänt verksamhetsområde.' }).optional())
});

/**
 * Serious: violence, or a threat the employee takes seriously. The employer must report it to
 * Arbetsmiljöverket without delay (3 kap. 3 a § arbetsmiljölagen, 2 § arbetsmiljöförordningen).
 */
export function isSerious(incident: { form: IncidentForm; threatTakenSeriously: boolean }): boolean {
	return incident.form === 'vald' || (incident.form === 'hot' && incident.threatTakenSeriously);
}

/**
 * When it happened, as a moment in Swedish time. Without a time the moment is the start of the
 * day and the time is marked unknown: it is shown as "tid okänd", never as a made-up hour.
 */
export function occurredAt(day: string, time: string | undefined): { at: Date; timeKnown: boolean } {
	return { at: stockholmInstant(day, time ?? '00:00'), timeKnown: time !== undefined };
}

/**
 * Whether a report says it happened after `now`: a later date than today in Stockholm, or (when
 * the time is given) a later moment. A minute's grace for a clock that differs a little.
 */
export function occursInFuture(day: string, time: string | undefined, now: Date): boolean {
	if (day > dateInStockholm(now)) return true;
	return time !== undefined && occurredAt(day, time).at.getTime() > now.getTime() + 60_000;
}

/**
 * A year's statistics are shown once it is over, and then never change: they count incidents
 * that happened in the year and were reported by 31 January the year after, and are shown from
 * 1 February. So figures do not move as single reports come in (which would point at the person
 * who just reported), in the same way as a round's results are shown only after it has closed.
 */
export function statisticsCutoff(year: number): Date {
	return new Date(`${year + 1}-02-01T00:00:00+01:00`);
}

/** When the next year's statistics are published: in January that is the year just ended. */
export function nextPublication(now: Date): Date {
	const { year } = calendarInStockholm(now);
	const lastYear = statisticsCutoff(year - 1);
	return now < lastYear ? lastYear : statisticsCutoff(year);
}

/** The years whose statistics may be shown at `now`, newest first. */
export function closedYears(years: number[], now: Date): number[] {
	return [...new Set(years)].filter((y) => statisticsCutoff(y) <= now).sort((a, b) => b - a);
}

// --- Export for the work-injury reporting -------------------------------------------------------

export interface ExportIncident {
	id: string;
	occurredAt: Date;
	occurredTimeKnown: boolean;
	personName: string;
	employeeId: string | null;
	title: string;
	forvaltningName: string;
	unitName: string;
	form: IncidentForm;
	activityArea: ActivityArea;
	setting: string;
	description: string;
	policeReported: boolean;
	threatTakenSeriously: boolean;
	measures: string;
	authorityReportedOn: string | null;
	workInjuryReportedOn: string | null;
	supportEnough: IncidentSupport | null;
	reportedByName: string;
	createdAt: Date;
}

const COLUMNS: [key: string, header: string][] = [
	['id', 'Händelse-id'],
	['date', 'Datum'],
	['time', 'Klockslag'],
	['forvaltning', 'Förvaltning'],
	['unit', 'Enhet'],
	['person', 'Medarbetare'],
	['employeeId', 'Anställningsnummer'],
	['title', 'Yrkestitel'],
	['area', 'Verksamhetsområde'],
	['form', 'Typ av påverkan (BRÅ)'],
	['setting', 'Plats eller situation'],
	['description', 'Beskrivning'],
	['police', 'Polisanmäld'],
	['serious', 'Allvarlig händelse'],
	['authority', 'Anmäld till Arbetsmiljöverket'],
	['workInjury', 'Arbetsskadeanmälan gjord'],
	['measures', 'Chefens åtgärder'],
	['support', 'Räckte stödet'],
	['reportedBy', 'Rapporterad av'],
	['reportedOn', 'Rapporterad']
];

const jaNej = (v: boolean) => (v ? 'Ja' : 'Nej');

/** One row per incident, in the columns the kommun's work-injury reporting asks for. */
export function incidentTable(list: ExportIncident[], title: string): ExportTable {
	return {
		title,
		columns: COLUMNS.map(([key, header]) => ({ key, header })),
		rows: list.map((i) => ({
			id: i.id,
			date: dateInStockholm(i.occurredAt),
			time: i.occurredTimeKnown ? timeInStockholm(i.occurredAt) : 'Okänd',
			forvaltning: i.forvaltningName,
			unit: i.unitName,
			person: i.personName,
			employeeId: i.employeeId ?? '',
			title: i.title,
			area: activityAreaLabel[i.activityArea],
			form: incidentFormLabel[i.form],
			setting: i.setting,
			description: i.description,
			police: jaNej(i.policeReported),
			serious: jaNej(isSerious(i)),
			authority: i.authorityReportedOn ?? (isSerious(i) ? 'Inte anmäld än' : ''),
			workInjury: i.workInjuryReportedOn ?? '',
			measures: i.measures,
			support: i.supportEnough ? incidentSupportLabel[i.supportEnough] : 'Inte besvarat',
			reportedBy: i.reportedByName,
			reportedOn: dateInStockholm(i.createdAt)
		})),
		notes: ['Uppgifter om enskilda medarbetare. Hanteras enligt kommunens rutiner för personuppgifter.']
	};
}
