/**
 * The rules of a round (mätomgång), free of the database: how it moves between states, what
 * an answer must contain, what a new round needs. Tested on their own.
 */
import { z } from 'zod';
import { ROUND_KINDS, type RoundKind, type RoundStatus } from '$lib/domain';
import { conflict } from '../errors';

export function roundName(kind: RoundKind, year: number, custom?: string): string {
	if (kind === 'custom') return custom?.trim() || `Extra mätning ${year}`;
	return `${kind} ${year}`;
}

/** draft → open → closed; nothing else. A closed round is history and is not reopened. */
export function assertTransition(from: RoundStatus, to: RoundStatus): void {
	if (from === 'draft' && to === 'open') return;
	if (from === 'open' && to === 'closed') return;
	const message: Record<string, string> = {
		'open->open': 'Mätomgången är redan öppen.',
		'closed->open': 'Mätomgången är stängd och kan inte öppnas igen. Skapa en ny mätomgång.',
		'closed->closed': 'Mätomgången är redan stängd.',
		'draft->closed': 'Mätomgången har inte öppnats än, så den kan inte stängas.'
	};
	throw conflict(message[`${from}->${to}`] ?? 'Den ändringen går inte att göra.');
}

export function assertAnswerable(status: RoundStatus): void {
	if (status === 'draft') throw conflict('Mätomgången har inte öppnat än.');
	if (status === 'closed') throw conflict('Mätomgången är stängd. Svar kan inte längre lämnas eller ändras.');
}

const requiredNumber = (message: string) =>
	z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), z.coerce.number({ error: message }));

/** A statement's answer: required, a whole number 1–6. */
const score = (label: string) => {
	const message = `Välj ett svar mellan 1 och 6 för "${label}".`;
	return requiredNumber(message).pipe(z.number().int(message).min(1, message).max(6, message));
};

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, `Texten får vara högst ${max} tecken.`)
		.nullish()
		.transform((v) => (v ? v : null));

/** An answer, as a form or the API sends it. */
export const responseInput = z.object({
	caseCount: requiredNumber('Fyll i hur många öppna ärenden du har (0 om du inte har några).').pipe(
		z
			.number()
			.int('Antal ärenden ska vara ett heltal, till exempel 18.')
			.min(0, 'Antal ärenden kan inte vara negativt.')
			.max(500, 'Antal ärenden får vara högst 500. Kontrollera siffran.')
	),
	situationScore: score('Jag har en bra arbetssituation.'),
	situationComment: optionalText(1000),
	qualityScore: score('Jag känner att jag kan göra ett gott arbete.'),
	qualityComment: optionalText(1000),
	recommendScore: score('Jag kan rekommendera min arbetsplats till andra.'),
	recommendComment: optionalText(1000),
	positiveText: optionalText(2000)
});
export type ResponseInput = z.infer<typeof responseInput>;

const dateTime = (message: string) =>
	z.preprocess((v) => (v === '' ? undefined : v), z.coerce.date({ error: message }));

export const roundInput = z
	.object({
		kind: z.enum(ROUND_KINDS, { error: 'Välj typ av mätomgång.' }),
		year: z.coerce
			.number({ error: 'Fyll i år.' })
			.int('Året ska vara ett heltal.')
			.min(2015, 'Året ska vara 2015 eller senare.')
			.max(2100, 'Kontrollera året.'),
		name: z.string().trim().max(100, 'Namnet får vara högst 100 tecken.').optional(),
		opensAt: dateTime('Fyll i när mätomgången öppnar.'),
		closesAt: dateTime('Fyll i när mätomgången stänger.'),
		unitIds: z.array(z.string().uuid('Ogiltig förvaltning.')).min(1, 'Välj minst en förvaltning som deltar.')
	})
	// Each check runs as soon as the fields it needs are valid, so every error shows at once.
	.refine((r) => r.closesAt > r.opensAt, {
		message: 'Stängningsdatum måste vara efter öppningsdatum.',
		path: ['closesAt'],
		when: (payload) => fieldsValid(payload.issues, ['opensAt', 'closesAt'])
	})
	.refine((r) => r.kind !== 'custom' || (r.name && r.name.length > 0), {
		message: 'Ge den extra mätningen ett namn.',
		path: ['name'],
		when: (payload) => fieldsValid(payload.issues, ['kind', 'name'])
	});

function fieldsValid(issues: readonly { path?: readonly PropertyKey[] }[] | undefined, fields: string[]) {
	return !(issues ?? []).some((i) => fields.includes(String(i.path?.[0])));
}
export type RoundInput = z.infer<typeof roundInput>;

/** Opening a round: whether another open round for the same people is allowed (the form's checkbox, the API's allowOverlap). */
export const openInput = z.object({
	allowOverlap: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1' || v === 'ja', z.boolean())
});

/** An open round that takes in some of the same people as the one being opened. */
export interface OverlappingRound {
	id: string;
	name: string;
	/** The förvaltningar the two rounds share (either's förvaltning, whichever is the smaller). */
	units: string[];
}

const listOf = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`);

/**
 * Two open rounds for the same people ask them twice and split their answers, so opening one
 * while another covers any of its förvaltningar is refused unless explicitly allowed.
 */
export function assertNoOverlap(others: OverlappingRound[], allowOverlap: boolean): void {
	if (others.length === 0 || allowOverlap) return;
	const which = others.map((o) => `”${o.name}” (${listOf(o.units)})`);
	const one = others.length === 1;
	throw conflict(
		`${one ? 'Mätomgången' : 'Mätomgångarna'} ${listOf(which)} ${one ? 'är redan öppen' : 'är redan öppna'} för samma personer. ` +
			`Stäng ${one ? 'den' : 'dem'} först, eller kryssa i ”Tillåt samtidig mätomgång” (i API:et allowOverlap: true) om två mätomgångar samtidigt är avsikten.`
	);
}
