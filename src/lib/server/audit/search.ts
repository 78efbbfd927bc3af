/**
 * Searching and exporting the audit log (administrators): who, what, when, about whom or what,
 * from where. The log itself is append-only — the database refuses UPDATE, DELETE and TRUNCATE
 * (migration 0006_audit_append_only) — so this module only reads.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, stockholmInstant } from '$lib/time';
import { roleLabel, type Role } from '$lib/domain';
import type { Actor } from '../access/actor';
import { mayReadAuditLog } from '../access/policy';
import type { Db } from '../db';
import { query } from '../db/client';
import { notFound } from '../errors';
import type { ExportTable } from '../export/table-export';
import { optionalField, optionalIsoDate, parseInput } from '../validation';
import { audit } from './audit';
import { containsPattern, startsWithPattern } from '../db/paths';

/** Swedish names of the actions the app writes; anything else is shown as it is. */
export const actionLabel: Record<string, string> = {
	login: 'Inloggning',
	'login.failed': 'Misslyckad inloggning',
	'login.unknown_user': 'Inloggning: okänd användare',
	'read.named_answers': 'Läste svar med namn',
	'read.action_plan': 'Läste handlingsplan',
	'read.register_extract': 'Tog ut registerutdrag',
	'read.incidents': 'Läste händelser om hot och våld',
	'read.incident': 'Läste en händelse om hot och våld',
	'incident.report': 'Rapporterade hot eller våld',
	'incident.measures': 'Ändrade stöd och åtgärder efter händelse',
	'export.incidents': 'Exporterade händelser om hot och våld',
	'export.named_answers': 'Exporterade svar med namn',
	'export.report': 'Exporterade rapport',
	'export.audit_log': 'Exporterade granskningsloggen',
	'export.register_extract': 'Exporterade registerutdrag',
	'action_plan.offer': 'Erbjöd handlingsplan',
	'action_plan.update': 'Ändrade handlingsplan',
	'round.create': 'Skapade mätomgång',
	'round.open': 'Öppnade mätomgång',
	'round.close': 'Stängde mätomgång',
	'round.remind': 'Påminde om mätomgång',
	'round.remind_staff': 'Påminde sin personal om mätomgång',
	'settings.reminder_text': 'Ändrade chefernas påminnelsetext',
	'role.assign': 'Fick roll',
	'role.end': 'Roll upphörde',
	'person.move': 'Bytte enhet',
	'person.deactivate': 'Avaktiverades',
	'import.apply': 'Importerade personal',
	'retention.apply': 'Gallrade svar',
	'incident_reader.add': 'Utsåg läsare av hot och våld',
	'incident_reader.remove': 'Tog bort läsare av hot och våld',
	'indicators.save': 'Sparade indikatorvärden',
	'indicators.import': 'Läste in indikatorvärden från fil',
	'board_report.save': 'Sparade texter i rapporten till nämnden',
	'settings.branding': 'Ändrade kommunens namn och logotyp',
	'settings.accessibility': 'Ändrade kontaktuppgifterna i tillgänglighetsredogörelsen',
	'plan.state': 'Ändrade läget i ett av planens områden',
	'plan_area.create': 'Lade till ett område i planen',
	'plan_area.update': 'Ändrade ett område i planen',
	'measure.create': 'Lade till en åtgärd i åtgärdsbanken',
	'measure.update': 'Ändrade en åtgärd i åtgärdsbanken',
	'measure.retire': 'Slutade föreslå en åtgärd',
	'measure.restore': 'Föreslog en åtgärd igen',
	'group_plan.create': 'Gjorde en handlingsplan för gruppen',
	'group_plan.action': 'Lade till en åtgärd i gruppens handlingsplan',
	'group_plan.action_done': 'Markerade en åtgärd i gruppens handlingsplan som klar',
	'group_plan.action_undone': 'Öppnade en åtgärd i gruppens handlingsplan igen',
	'group_plan.comment': 'Kommenterade gruppens handlingsplan',
	'group_plan.follow_up': 'Följde upp gruppens handlingsplan',
	'export.group_plans': 'Exporterade gruppernas handlingsplaner',
	'research.code': 'Följeforskare skapade en kod',
	'research.coding': 'Följeforskare kodade en motivering',
	'export.research': 'Följeforskare exporterade motiveringar med koder',
	'theme_term.add': 'Lade till ett ord i ett tema',
	'theme_term.remove': 'Tog bort ett ord ur ett tema',
	'read.named_workload': 'Läste medarbetarnas graderingar av arbetsbelastningen med namn',
	'export.workload': 'Exporterade arbetsbelastning per månad',
	'unit_goal.add': 'Lade till ett mål för enheten',
	'unit_goal.update': 'Ändrade ett av enhetens mål',
	'unit_goal.archive': 'Slutade följa upp ett av enhetens mål',
	'checklist_item.add': 'Lade till en fråga i enhetens checklista',
	'checklist_item.update': 'Ändrade en fråga i enhetens checklista',
	'checklist_item.archive': 'Tog bort en fråga ur enhetens checklista',
	'checklist_item.move': 'Flyttade en fråga i enhetens checklista',
	'read.named_checklists': 'Läste medarbetarnas checklistor per person',
	'export.unit_goals': 'Exporterade sammanställningen av enhetens mål',
	'introduction.started': 'Startade ett introduktionsprogram för en nyanställd',
	'introduction.step_done': 'Bockade av ett steg i ett introduktionsprogram',
	'introduction.step_undone': 'Öppnade ett steg i ett introduktionsprogram igen',
	'introduction.note_added': 'Skrev en anteckning i ett introduktionsprogram',
	'introduction.template_step_added': 'Lade till ett steg i enhetens introduktionsmall',
	'introduction.template_step_removed': 'Tog bort ett steg ur enhetens introduktionsmall',
	'introduction.mentor_set': 'Valde mentor för ett introduktionsprogram',
	'introduction.mentor_given': 'Gav en medarbetare mentorsrollen',
	'introduction.mentor_ended': 'Avslutade en medarbetares mentorsroll',
	'read.introduction': 'Läste en nyanställds introduktionsprogram',
	'read.introductions': 'Läste personalens introduktionsprogram med namn',
	'export.introductions': 'Exporterade personalens introduktionsprogram',
	'placement.recorded': 'Registrerade en VFU-student eller trainee',
	'placement.removed': 'Tog bort en registrerad VFU-student eller trainee',
	'indicators.computed': 'Räknade fram indikatorvärden ur enheternas uppgifter'
};

/** Groups offered in the search besides single actions: `prefix.*`. */
export const actionGroups: { value: string; label: string }[] = [
	{ value: 'read.*', label: 'All läsning av personuppgifter' },
	{ value: 'export.*', label: 'Alla exporter' },
	{ value: 'login*', label: 'Alla inloggningar och misslyckade försök' },
	{ value: 'role.*', label: 'Alla rolländringar' },
	{ value: 'round.*', label: 'Allt om mätomgångar' }
];


export const auditQuery = z
	.object({
		who: optionalField(z.string().trim().max(100, 'Högst 100 tecken.')),
		action: optionalField(z.string().trim().max(100).regex(/^[a-z_.]+\*?$/, 'Välj en händelse i listan.')),
		from: optionalIsoDate(),
		to: optionalIsoDate(),
		subject: optionalField(z.string().trim().max(100, 'Högst 100 tecken.')),
		page: z.coerce.number({ error: 'Ogiltig sida.' }).int('Ogiltig sida.').min(1, 'Ogiltig sida.').max(1_000_000).default(1)
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Slutdatumet kan inte vara före startdatumet.' });
export type AuditQuery = z.infer<typeof auditQuery>;

export interface AuditRow {
	id: string;
	at: Date;
	actorId: string | null;
	actorName: string | null;
	actorEmployeeId: string | null;
	action: string;
	actionLabel: string;
	subjectType: string | null;
	subjectId: string | null;
	subjectLabel: string | null;
	detail: Record<string, unknown> | null;
	/** The detail as "key: value, …" for people to read. */
	detailText: string;
	ip: string | null;
}

export const PAGE_SIZE = 50;
export const MAX_EXPORT_ROWS = 100_000;

function where(q: AuditQuery): SQL {
	const parts: SQL[] = [sql`true`];
	if (q.who) {
		const pattern = containsPattern(q.who);
		parts.push(sql`(a.actor_id in (select id from people where name ilike ${pattern} or email ilike ${pattern} or employee_id = ${q.who})
		               or (a.actor_id is null and a.detail->>'email' ilike ${pattern}))`);
	}
	if (q.action) {
		parts.push(q.action.endsWith('*') ? sql`a.action like ${startsWithPattern(q.action.slice(0, -1))}` : sql`a.action = ${q.action}`);
	}
	if (q.from) parts.push(sql`a.at >= ${stockholmInstant(q.from).toISOString()}::timestamptz`);
	if (q.to) {
		const next = addDays(q.to, 1);
		parts.push(sql`a.at < ${stockholmInstant(next).toISOString()}::timestamptz`);
	}
	if (q.subject) {
		const pattern = containsPattern(q.subject);
		parts.push(sql`(a.subject_id = ${q.subject}
		  or (a.subject_type = 'person' and a.subject_id in (select id::text from people where name ilike ${pattern} or email ilike ${pattern} or employee_id = ${q.subject}))
		  or (a.subject_type = 'round' and a.subject_id in (select id::text from rounds where name ilike ${pattern}))
		  or (a.subject_type = 'org_unit' and a.subject_id in (select id::text from org_units where name ilike ${pattern}))
		  or (a.subject_type = 'action_plan' and a.subject_id in (select ap.id::text from individual_plans ap join people p on p.id = ap.person_id where p.name ilike ${pattern})))`);
	}
	return sql.join(parts, sql` and `);
}

async function rows(db: Db, q: AuditQuery, limit: number, offset: number): Promise<AuditRow[]> {
	const found = await query<Omit<AuditRow, 'actionLabel' | 'detailText'> & { at: Date | string }>(
		db,
		sql`select a.id::text as id, a.at, a.actor_id as "actorId", p.name as "actorName", p.employee_id as "actorEmployeeId",
		       a.action, a.subject_type as "subjectType", a.subject_id as "subjectId", a.detail, a.ip,
		       case a.subject_type
		         when 'person' then (select name from people where id::text = a.subject_id)
		         when 'round' then (select name from rounds where id::text = a.subject_id)
		         when 'org_unit' then (select name from org_units where id::text = a.subject_id)
		         when 'action_plan' then (select 'Handlingsplan för ' || pp.name from individual_plans ap join people pp on pp.id = ap.person_id where ap.id::text = a.subject_id)
		         when 'group_plan' then (select 'Handlingsplan för ' || u.name from group_plans gp join org_units u on u.id = gp.org_unit_id where gp.id::text = a.subject_id)
		         when 'staff_import' then (select file_name from staff_imports where id::text = a.subject_id)
		       end as "subjectLabel"
		    from audit_log a left join people p on p.id = a.actor_id
		    where ${where(q)}
		    order by a.at desc, a.id desc
		    limit ${limit} offset ${offset}`
	);
	return found.map((r) => {
		const detail = typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail;
		return { ...r, at: new Date(r.at), actionLabel: actionLabel[r.action] ?? r.action, detail, detailText: detailText(detail) };
	});
}

export async function searchAudit(db: Db, actor: Actor, input: unknown) {
	if (!mayReadAuditLog(actor)) throw notFound('Sidan');
	const q = parseInput(auditQuery, input);
	const [{ total }] = await query<{ total: number }>(db, sql`select count(*)::int as total from audit_log a where ${where(q)}`);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(q.page, pages);
	return { query: { ...q, page }, total, page, pages, pageSize: PAGE_SIZE, entries: await rows(db, q, PAGE_SIZE, (page - 1) * PAGE_SIZE) };
}

const detailKey: Record<string, string> = {
	role: 'roll',
	unit: 'enhet',
	from: 'från',
	to: 'till',
	validFrom: 'gäller från',
	validTo: 'gäller till',
	email: 'e-post',
	fileName: 'fil',
	people: 'personer',
	reminded: 'påminda',
	emailed: 'e-post skickad',
	rows: 'rader',
	newPeople: 'nya',
	moved: 'byter enhet',
	changed: 'ändrade',
	leavers: 'slutar',
	rolesAdded: 'nya roller',
	rolesEnded: 'roller som upphör',
	newUnits: 'nya enheter',
	unchanged: 'oförändrade',
	incidents: 'händelser',
	year: 'år',
	period: 'period',
	figures: 'värden',
	file: 'fil',
	status: 'status',
	onBehalf: 'för någon annan',
	logo: 'logotyp',
	name: 'namn'
};

/** "key: value, …" in Swedish where we know the words, without the ids that mean nothing to a reader. */
export function detailText(detail: Record<string, unknown> | null): string {
	if (!detail) return '';
	return Object.entries(detail)
		.filter(([k, v]) => !/Id$/.test(k) && v !== null && v !== undefined && v !== 0 && v !== '')
		.map(([k, v]) => `${detailKey[k] ?? k}: ${k === 'role' && typeof v === 'string' ? (roleLabel[v as Role] ?? v).toLowerCase() : typeof v === 'boolean' ? (v ? 'ja' : 'nej') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
		.join(', ');
}

/** The matching entries as a table for CSV or Excel; the export itself is logged. */
export async function exportAudit(db: Db, actor: Actor, input: unknown): Promise<ExportTable> {
	if (!mayReadAuditLog(actor)) throw notFound('Sidan');
	const q = parseInput(auditQuery, input);
	const found = await rows(db, q, MAX_EXPORT_ROWS + 1, 0);
	const { page: _page, ...filters } = q;
	await audit(db, actor, { action: 'export.audit_log', detail: { ...filters, rows: Math.min(found.length, MAX_EXPORT_ROWS) } });
	return {
		title: 'Granskningslogg',
		columns: [
			{ key: 'at', header: 'Tid' },
			{ key: 'who', header: 'Vem' },
			{ key: 'employeeId', header: 'Anställningsnummer' },
			{ key: 'action', header: 'Händelse' },
			{ key: 'code', header: 'Kod' },
			{ key: 'subject', header: 'Avser' },
			{ key: 'subjectId', header: 'Avser (id)' },
			{ key: 'detail', header: 'Detaljer' },
			{ key: 'ip', header: 'Adress' }
		],
		rows: found.slice(0, MAX_EXPORT_ROWS).map((r) => ({
			at: r.at.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }),
			who: r.actorName ?? (r.actorId ? r.actorId : '–'),
			employeeId: r.actorEmployeeId,
			action: r.actionLabel,
			code: r.action,
			subject: r.subjectLabel,
			subjectId: r.subjectId,
			detail: r.detailText,
			ip: r.ip
		})),
		notes: found.length > MAX_EXPORT_ROWS ? [`Bara de ${MAX_EXPORT_ROWS} senaste raderna. Begränsa sökningen för att få resten.`] : []
	};
}

