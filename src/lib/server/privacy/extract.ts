/**
 * The register extract (registerutdrag, GDPR article 15): everything Lägesbild stores about one
 * person, for an administrator to hand over. The well-known data comes in readable sections; on
 * top of that every other table that points at the person (found through the database's own
 * foreign keys, so a table added later cannot be forgotten) is listed row by row. Taking an
 * extract is written to the audit log.
 *
 * Answers in rounds that have been retained are no longer tied to the person (see retention.ts),
 * so they are not in the extract: they are not personal data any more.
 */
import { sql } from 'drizzle-orm';
import {
	activityAreaLabel,
	checklistAnswerLabel,
	clientAgeBandLabel,
	clientGenderLabel,
	genderLabel,
	incidentFormLabel,
	incidentSupportLabel,
	roleLabel,
	titleLabel,
	type ActivityArea,
	type ChecklistAnswer,
	type ClientAgeBand,
	type ClientGender,
	type Gender,
	type IncidentForm,
	type IncidentSupport,
	type Role,
	type Title
} from '$lib/domain';
import type { Actor } from '../access/actor';
import { mayAdministerPeople } from '../access/policy';
import { audit } from '../audit/audit';
import { actionLabel } from '../audit/search';
import type { Db } from '../db';
import { query } from '../db/client';
import { notFound } from '../errors';
import { getPerson, unitLabelSql } from './people';
import { now as clockNow } from '../clock';

/**
 * What the sections below cover, per table: every reference to the person ('*'), or only these
 * columns — a reference no section covers (who started someone's introduction, who ticked a step)
 * is still listed row by row. A session's id is a secret and is deliberately left out.
 */
const EXPLAINED: Record<string, '*' | readonly string[]> = {
	role_assignments: '*',
	round_members: '*',
	responses: '*',
	reminders: '*',
	individual_plans: '*',
	individual_plan_notes: '*',
	sessions: '*',
	retention_pseudonyms: '*',
	staff_imports: '*',
	workload_ratings: ['person_id'],
	workload_prompt_dismissals: ['person_id'],
	checklists: ['person_id'],
	introductions: ['person_id', 'mentor_id'],
	introduction_notes: '*',
	incidents: ['person_id', 'reported_by']
};
const explained = (table: string, column: string) => {
	const covered = EXPLAINED[table];
	return covered === '*' || (covered?.includes(column) ?? false);
};
const SECRET_COLUMN = /password|token|secret|hash|verifier|nonce/i;
const MAX_ROWS = 5000;

export interface RegisterExtract {
	createdAt: string;
	createdBy: string;
	person: {
		id: string;
		employeeId: string | null;
		name: string;
		email: string;
		gender: string | null;
		title: string;
		unit: string;
		active: boolean;
		createdAt: string;
		deactivatedAt: string | null;
		localPassword: boolean;
	};
	roles: { role: string; unit: string; validFrom: string | null; validTo: string | null }[];
	rounds: { round: string; status: string; unit: string; title: string; activityArea: string | null }[];
	answers: {
		round: string;
		unit: string;
		caseCount: number;
		situationScore: number;
		situationComment: string | null;
		qualityScore: number;
		qualityComment: string | null;
		recommendScore: number;
		recommendComment: string | null;
		positiveText: string | null;
		answeredAt: string;
		changedAt: string;
	}[];
	reminders: { round: string; channel: string; sentAt: string }[];
	/** The person's own individual action plans, with the manager and every note. */
	/** The individual plans (the JSON name predates the rename and is kept for existing clients). */
	actionPlans: { manager: string; round: string | null; status: string; offeredAt: string; followUpOn: string; goals: string; measures: string; outcome: string | null; notes: { by: string; at: string; text: string }[] }[];
	/** Plans the person follows up as manager: that they do is about them; what the plans say is about the employee. */
	plansAsManager: { employee: string; round: string | null; status: string; offeredAt: string; notesWritten: number }[];
	/** The person's own workload ratings between the rounds, and the weeks they put the question away. */
	workload: { ratedOn: string; unit: string; level: number; openCases: number | null; note: string | null }[];
	workloadDismissedWeeks: string[];
	/** Checklists the person filled in at closed investigations: no client is named in them. */
	checklists: { closedOn: string; enhet: string; clientGender: string; ageBand: string; answers: { item: string; answer: string }[] }[];
	/** The person's own introduction programmes, with every step and note. */
	introductions: {
		unit: string;
		startDate: string;
		endDate: string;
		mentor: string | null;
		completedOn: string | null;
		steps: { title: string; dueWeek: number; doneOn: string | null; doneBy: string | null }[];
		notes: { by: string; at: string; step: string | null; text: string }[];
	}[];
	/** Programmes the person is mentor for: that they are is about them; what the programmes say is about the new employee. */
	introductionsAsMentor: { employee: string; startDate: string; notesWritten: number }[];
	/** Incidents of otillåten påverkan, hot och våld that happened to the person, with the manager's measures. */
	incidents: {
		occurredAt: string;
		form: string;
		unit: string;
		setting: string;
		description: string;
		policeReported: boolean;
		reportedBy: string;
		supportEnough: string | null;
		supportComment: string | null;
		measures: string;
		authorityReportedOn: string | null;
		workInjuryReportedOn: string | null;
	}[];
	/** Incidents the person reported on someone else's behalf: that they did is about them; what happened is about the employee. */
	incidentsReportedForOthers: { employee: string; reportedAt: string }[];
	sessions: { createdAt: string; lastSeenAt: string; expiresAt: string }[];
	failedLogins: { at: string; ip: string }[];
	auditByPerson: { at: string; action: string; subject: string | null; ip: string | null }[];
	auditAboutPerson: { at: string; action: string; by: string | null; ip: string | null }[];
	/** Rows of other tables that point at the person, as stored (secrets left out). */
	other: { table: string; column: string; rows: Record<string, unknown>[] }[];
	notes: string[];
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function registerExtract(db: Db, actor: Actor, personId: string, format: 'page' | 'json' = 'page', now = clockNow()): Promise<RegisterExtract> {
	if (!mayAdministerPeople(actor)) throw notFound('Personen');
	const person = await getPerson(db, actor, personId);
	const [extra] = await query<{ hasPassword: boolean }>(db, sql`select password_hash is not null as "hasPassword" from people where id = ${personId}`);

	const rounds = await query<{ round: string; status: string; unit: string; title: Title; activityArea: ActivityArea | null }>(
		db,
		sql`select r.name as round, r.status, ${unitLabelSql(sql`m.org_unit_id`)} as unit, m.title, m.activity_area as "activityArea"
		    from round_members m join rounds r on r.id = m.round_id where m.person_id = ${personId} order by r.opens_at`
	);
	const answers = await query<RegisterExtract['answers'][number] & { answeredAt: Date; changedAt: Date }>(
		db,
		sql`select ro.name as round, ${unitLabelSql(sql`r.org_unit_id`)} as unit, r.case_count as "caseCount",
		       r.situation_score as "situationScore", r.situation_comment as "situationComment",
		       r.quality_score as "qualityScore", r.quality_comment as "qualityComment",
		       r.recommend_score as "recommendScore", r.recommend_comment as "recommendComment",
		       r.positive_text as "positiveText", r.created_at as "answeredAt", r.updated_at as "changedAt"
		    from responses r join rounds ro on ro.id = r.round_id where r.person_id = ${personId} order by ro.opens_at`
	);
	const reminders = await query<{ round: string; channel: string; sentAt: Date }>(
		db,
		sql`select ro.name as round, m.channel, m.sent_at as "sentAt" from reminders m join rounds ro on ro.id = m.round_id where m.person_id = ${personId} order by m.sent_at`
	);
	const plans = await query<{ id: string; isEmployee: boolean; with: string; round: string | null; status: string; offeredAt: Date; followUpOn: string; goals: string; measures: string; outcome: string | null }>(
		db,
		sql`select a.id, a.person_id = ${personId} as "isEmployee",
		       (select name from people where id = case when a.person_id = ${personId} then a.manager_id else a.person_id end) as with,
		       (select name from rounds where id = a.round_id) as round, a.status, a.offered_at as "offeredAt", a.follow_up_on::text as "followUpOn",
		       a.goals, a.measures, a.outcome
		    from individual_plans a where a.person_id = ${personId} or a.manager_id = ${personId} order by a.offered_at`
	);
	const notes = await query<{ planId: string; authorId: string; by: string; at: Date; text: string }>(
		db,
		sql`select n.individual_plan_id as "planId", n.author_id as "authorId", p.name as by, n.created_at as at, n.body as text
		    from individual_plan_notes n join people p on p.id = n.author_id
		    where n.individual_plan_id in (select id from individual_plans where person_id = ${personId} or manager_id = ${personId})
		    order by n.created_at`
	);
	const workload = await query<{ ratedOn: string; unit: string; level: number; openCases: number | null; note: string | null }>(
		db,
		sql`select w.rated_on::text as "ratedOn", ${unitLabelSql(sql`w.org_unit_id`)} as unit, w.level, w.open_cases as "openCases", w.note
		    from workload_ratings w where w.person_id = ${personId} order by w.rated_on, w.created_at limit ${MAX_ROWS}`
	);
	const dismissed = await query<{ week: string }>(db, sql`select week from workload_prompt_dismissals where person_id = ${personId} order by week limit ${MAX_ROWS}`);
	const checklists = await query<{ id: string; closedOn: string; enhet: string; clientGender: ClientGender; ageBand: ClientAgeBand }>(
		db,
		sql`select c.id, c.closed_on::text as "closedOn", ${unitLabelSql(sql`c.enhet_id`)} as enhet, c.client_gender as "clientGender", c.age_band as "ageBand"
		    from checklists c where c.person_id = ${personId} order by c.closed_on, c.created_at limit ${MAX_ROWS}`
	);
	const checklistAnswers = await query<{ checklistId: string; item: string; answer: ChecklistAnswer }>(
		db,
		sql`select a.checklist_id as "checklistId", i.question as item, a.answer
		    from checklist_answers a join checklist_items i on i.id = a.item_id
		    where a.checklist_id in (select id from checklists where person_id = ${personId}) order by i.position, i.created_at`
	);
	const introductions = await query<{ id: string; isNew: boolean; unit: string; employee: string; startDate: string; endDate: string; mentor: string | null; completedOn: string | null }>(
		db,
		sql`select i.id, i.person_id = ${personId} as "isNew", ${unitLabelSql(sql`i.org_unit_id`)} as unit, (select name from people where id = i.person_id) as employee,
		       i.start_date::text as "startDate", i.end_date::text as "endDate", (select name from people where id = i.mentor_id) as mentor, i.completed_on::text as "completedOn"
		    from introductions i where i.person_id = ${personId} or i.mentor_id = ${personId} order by i.start_date`
	);
	const introductionSteps = await query<{ introductionId: string; title: string; dueWeek: number; doneOn: string | null; doneBy: string | null }>(
		db,
		sql`select s.introduction_id as "introductionId", s.title, s.due_week as "dueWeek", s.done_on::text as "doneOn", (select name from people where id = s.done_by) as "doneBy"
		    from introduction_steps s where s.introduction_id in (select id from introductions where person_id = ${personId}) order by s.due_week, s.position`
	);
	const introductionNotes = await query<{ introductionId: string; authorId: string; by: string; at: Date; step: string | null; text: string }>(
		db,
		sql`select n.introduction_id as "introductionId", n.author_id as "authorId", p.name as by, n.created_at as at, s.title as step, n.body as text
		    from introduction_notes n join people p on p.id = n.author_id left join introduction_steps s on s.id = n.step_id
		    where n.introduction_id in (select id from introductions where person_id = ${personId} or mentor_id = ${personId}) order by n.created_at`
	);
	const incidents = await query<{
		own: boolean;
		employee: string;
		occurredAt: Date;
		form: IncidentForm;
		unit: string;
		setting: string;
		description: string;
		policeReported: boolean;
		reportedBy: string;
		supportEnough: IncidentSupport | null;
		supportComment: string | null;
		measures: string;
		authorityReportedOn: string | null;
		workInjuryReportedOn: string | null;
		createdAt: Date;
	}>(
		db,
		sql`select i.person_id = ${personId} as own, (select name from people where id = i.person_id) as employee, i.occurred_at as "occurredAt", i.form::text as form,
		       ${unitLabelSql(sql`i.org_unit_id`)} as unit, i.setting, i.description, i.police_reported as "policeReported",
		       (select name from people where id = i.reported_by) as "reportedBy", i.support_enough::text as "supportEnough", i.support_comment as "supportComment",
		       i.measures, i.authority_reported_on::text as "authorityReportedOn", i.work_injury_reported_on::text as "workInjuryReportedOn", i.created_at as "createdAt"
		    from incidents i where i.person_id = ${personId} or i.reported_by = ${personId} order by i.occurred_at limit ${MAX_ROWS}`
	);
	const sessions = await query<{ createdAt: Date; lastSeenAt: Date; expiresAt: Date }>(
		db,
		sql`select created_at as "createdAt", last_seen_at as "lastSeenAt", expires_at as "expiresAt" from sessions where person_id = ${personId} order by created_at`
	);
	const failedLogins = await query<{ at: Date; ip: string }>(db, sql`select at, ip from login_attempts where email = ${person.email} order by at`);
	const auditBy = await query<{ at: Date; action: string; subject: string | null; ip: string | null }>(
		db,
		sql`select at, action, coalesce(subject_type || ' ' || subject_id, null) as subject, ip from audit_log where actor_id = ${personId} order by at desc limit ${MAX_ROWS}`
	);
	const auditAbout = await query<{ at: Date; action: string; by: string | null; ip: string | null }>(
		db,
		sql`select a.at, a.action, p.name as by, a.ip from audit_log a left join people p on p.id = a.actor_id
		    where a.subject_type = 'person' and a.subject_id = ${personId} order by a.at desc limit ${MAX_ROWS}`
	);

	// Everything else that points at the person, whoever added the table.
	const references = await query<{ table: string; column: string }>(
		db,
		sql`select kcu.table_name as "table", kcu.column_name as "column"
		    from information_schema.referential_constraints rc
		    join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
		    join information_schema.key_column_usage pk on pk.constraint_name = rc.unique_constraint_name and pk.constraint_schema = rc.unique_constraint_schema
		    where pk.table_name = 'people' and pk.column_name = 'id' and kcu.table_schema = current_schema()
		    order by 1, 2`
	);
	const other: RegisterExtract['other'] = [];
	for (const ref of references) {
		if (explained(ref.table, ref.column)) continue;
		const rows = await query<Record<string, unknown>>(db, sql`select * from ${sql.identifier(ref.table)} where ${sql.identifier(ref.column)} = ${personId} limit ${MAX_ROWS}`);
		if (rows.length === 0) continue;
		other.push({ table: ref.table, column: ref.column, rows: rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_COLUMN.test(k)).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]))) });
	}

	await audit(db, actor, { action: 'read.register_extract', subjectType: 'person', subjectId: personId, detail: { format } });
	return {
		createdAt: now.toISOString(),
		createdBy: actor.name,
		person: {
			id: person.id,
			employeeId: person.employeeId,
			name: person.name,
			email: person.email,
			gender: person.gender ? (genderLabel[person.gender as Gender] ?? person.gender) : null,
			title: titleLabel[person.title],
			unit: person.unit,
			active: person.active,
			createdAt: iso(person.createdAt)!,
			deactivatedAt: iso(person.deactivatedAt),
			localPassword: extra?.hasPassword ?? false
		},
		roles: person.roles.map((r) => ({ role: roleLabel[r.role as Role], unit: r.unit, validFrom: r.validFrom, validTo: r.validTo })),
		rounds: rounds.map((r) => ({ ...r, title: titleLabel[r.title], activityArea: r.activityArea ? activityAreaLabel[r.activityArea] : null })),
		answers: answers.map((a) => ({ ...a, answeredAt: iso(a.answeredAt)!, changedAt: iso(a.changedAt)! })),
		reminders: reminders.map((r) => ({ ...r, sentAt: iso(r.sentAt)! })),
		actionPlans: plans
			.filter((p) => p.isEmployee)
			.map((p) => ({
				manager: p.with,
				round: p.round,
				status: p.status,
				offeredAt: iso(p.offeredAt)!,
				followUpOn: p.followUpOn,
				goals: p.goals,
				measures: p.measures,
				outcome: p.outcome,
				notes: notes.filter((n) => n.planId === p.id).map((n) => ({ by: n.by, at: iso(n.at)!, text: n.text }))
			})),
		plansAsManager: plans
			.filter((p) => !p.isEmployee)
			.map((p) => ({ employee: p.with, round: p.round, status: p.status, offeredAt: iso(p.offeredAt)!, notesWritten: notes.filter((n) => n.planId === p.id && n.authorId === personId).length })),
		workload,
		workloadDismissedWeeks: dismissed.map((d) => d.week),
		checklists: checklists.map((c) => ({
			closedOn: c.closedOn,
			enhet: c.enhet,
			clientGender: clientGenderLabel[c.clientGender] ?? c.clientGender,
			ageBand: clientAgeBandLabel[c.ageBand] ?? c.ageBand,
			answers: checklistAnswers.filter((a) => a.checklistId === c.id).map((a) => ({ item: a.item, answer: checklistAnswerLabel[a.answer] ?? a.answer }))
		})),
		introductions: introductions
			.filter((i) => i.isNew)
			.map((i) => ({
				unit: i.unit,
				startDate: i.startDate,
				endDate: i.endDate,
				mentor: i.mentor,
				completedOn: i.completedOn,
				steps: introductionSteps.filter((s) => s.introductionId === i.id).map((s) => ({ title: s.title, dueWeek: s.dueWeek, doneOn: s.doneOn, doneBy: s.doneBy })),
				notes: introductionNotes.filter((n) => n.introductionId === i.id).map((n) => ({ by: n.by, at: iso(n.at)!, step: n.step, text: n.text }))
			})),
		introductionsAsMentor: introductions
			.filter((i) => !i.isNew)
			.map((i) => ({ employee: i.employee, startDate: i.startDate, notesWritten: introductionNotes.filter((n) => n.introductionId === i.id && n.authorId === personId).length })),
		incidents: incidents
			.filter((i) => i.own)
			.map((i) => ({
				occurredAt: iso(i.occurredAt)!,
				form: incidentFormLabel[i.form] ?? i.form,
				unit: i.unit,
				setting: i.setting,
				description: i.description,
				policeReported: i.policeReported,
				reportedBy: i.reportedBy,
				supportEnough: i.supportEnough ? (incidentSupportLabel[i.supportEnough] ?? i.supportEnough) : null,
				supportComment: i.supportComment,
				measures: i.measures,
				authorityReportedOn: i.authorityReportedOn,
				workInjuryReportedOn: i.workInjuryReportedOn
			})),
		incidentsReportedForOthers: incidents.filter((i) => !i.own).map((i) => ({ employee: i.employee, reportedAt: iso(i.createdAt)! })),
		sessions: sessions.map((s) => ({ createdAt: iso(s.createdAt)!, lastSeenAt: iso(s.lastSeenAt)!, expiresAt: iso(s.expiresAt)! })),
		failedLogins: failedLogins.map((f) => ({ at: iso(f.at)!, ip: f.ip })),
		auditByPerson: auditBy.map((a) => ({ at: iso(a.at)!, action: actionLabel[a.action] ?? a.action, subject: a.subject, ip: a.ip })),
		auditAboutPerson: auditAbout.map((a) => ({ at: iso(a.at)!, action: actionLabel[a.action] ?? a.action, by: a.by, ip: a.ip })),
		other,
		notes: [
			'Svar i mätomgångar som har gallrats (äldre än den tid kommunen sparar svar med namn) går inte längre att koppla till personen och finns därför inte med.',
			'Handlingsplaner där personen är chef, introduktionsprogram där personen är mentor och händelser personen rapporterat åt andra visas utan innehåll: det handlar om medarbetaren.',
			'Checklistor vid avslutade utredningar namnger ingen klient: de innehåller bara kön, åldersgrupp och svaren.',
			'Granska utdraget innan det lämnas ut: övriga rader kan innehålla uppgifter om andra personer.'
		]
	};
}
