/**
 * Rounds (mätomgångar): create, open, close, answer, remind. Access is asked of the policy
 * module; the state rules live in rules.ts.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { isAdmin, isCaseworker } from '../access/policy';
import { audit, type AuditBy } from '../audit/audit';
import type { Db } from '../db';
import { pathIn } from '../db/paths';
import { preparedPerDb, query } from '../db/client';
import { managerReminders, orgUnits, people, reminders, responses, roundMembers, rounds, roundUnits } from '../db/schema';
import { conflict, invalid, notFound, notYours } from '../errors';
import { isUuid, parseInput } from '../validation';
import { askedByRound, overlappingOpenRounds } from './opening';
import { assertAnswerable, assertNoOverlap, assertTransition, openInput, responseInput, roundInput, roundName, type ResponseInput } from './rules';
import type { Mailer } from '../mail/mailer';
import { now as clockNow } from '../clock';

export type Round = typeof rounds.$inferSelect;
export type SurveyResponse = typeof responses.$inferSelect;

export interface RoundSummary extends Round {
	units: { id: string; name: string }[];
}

async function withUnits(db: Db, list: Round[]): Promise<RoundSummary[]> {
	if (list.length === 0) return [];
	const links = await db
		.select({ roundId: roundUnits.roundId, id: orgUnits.id, name: orgUnits.name })
		.from(roundUnits)
		.innerJoin(orgUnits, eq(orgUnits.id, roundUnits.orgUnitId))
		.where(inArray(roundUnits.roundId, list.map((r) => r.id)))
		.orderBy(asc(orgUnits.name));
	return list.map((r) => ({ ...r, units: links.filter((l) => l.roundId === r.id).map(({ id, name }) => ({ id, name })) }));
}

/** Rounds the actor may see: admins all, everyone else the ones that have opened. */
export async function listRounds(db: Db, actor: Actor): Promise<RoundSummary[]> {
	const list = await db
		.select()
		.from(rounds)
		.where(isAdmin(actor) ? undefined : sql`${rounds.status} <> 'draft'`)
		.orderBy(desc(rounds.opensAt));
	return withUnits(db, list);
}

/**
 * The closed rounds, latest first (by opening, as the reports order them): what a group's plan
 * and the researcher's texts are made from. Every closed round is open to everyone's aggregates.
 */
export async function closedRoundsLatestFirst(db: Db): Promise<{ id: string; name: string }[]> {
	return db.select({ id: rounds.id, name: rounds.name }).from(rounds).where(eq(rounds.status, 'closed')).orderBy(desc(rounds.opensAt), asc(rounds.id));
}

export async function getRound(db: Db, actor: Actor, roundId: string): Promise<RoundSummary> {
	if (!isUuid(roundId)) throw notFound('Mätomgången');
	const [round] = await db.select().from(rounds).where(eq(rounds.id, roundId));
	if (!round || (round.status === 'draft' && !isAdmin(actor))) throw notFound('Mätomgången');
	return (await withUnits(db, [round]))[0];
}

/**
 * Administering rounds (creating, opening, closing, reminding, progress and who has not
 * answered) is for administrators; to anyone else a round they could read is still "not
 * found" for these, the same through page, form action and API (decision 0003).
 */
function requireRoundAdministrator(actor: Actor): void {
	if (!isAdmin(actor)) throw notFound('Mätomgången');
}

export async function createRound(db: Db, actor: Actor, input: unknown): Promise<Round> {
	requireRoundAdministrator(actor);
	const data = parseInput(roundInput, input);
	const units = await db
		.select({ id: orgUnits.id })
		.from(orgUnits)
		.where(and(inArray(orgUnits.id, data.unitIds), eq(orgUnits.kind, 'forvaltning')));
	if (units.length !== new Set(data.unitIds).size) {
		throw invalid('Ett fält behöver rättas.', { unitIds: 'Välj bland de förvaltningar som finns i listan.' });
	}
	return db.transaction(async (tx) => {
		const [round] = await tx
			.insert(rounds)
			.values({
				kind: data.kind,
				year: data.year,
				name: roundName(data.kind, data.year, data.name),
				opensAt: data.opensAt,
				closesAt: data.closesAt
			})
			.returning();
		await tx.insert(roundUnits).values(units.map((u) => ({ roundId: round.id, orgUnitId: u.id })));
		await audit(tx, actor, { action: 'round.create', subjectType: 'round', subjectId: round.id });
		return round;
	});
}

/** One round opens at a time, across app instances, so two overlapping rounds cannot both pass the check. */
const OPEN_ROUND_LOCK = 727103;

/**
 * Opens a round and snapshots who is asked to answer. Refused while another open round asks
 * some of the same people, unless `allowOverlap` (input) says that is intended.
 */
export async function openRound(db: Db, actor: Actor, roundId: string, input: unknown = {}, now = clockNow()): Promise<Round> {
	requireRoundAdministrator(actor);
	const { allowOverlap } = parseInput(openInput, input ?? {});
	const round = await getRound(db, actor, roundId);
	assertTransition(round.status, 'open');
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${OPEN_ROUND_LOCK})`);
		assertNoOverlap(await overlappingOpenRounds(tx, roundId), allowOverlap);
		const [updated] = await tx
			.update(rounds)
			.set({ status: 'open', openedAt: now })
			.where(and(eq(rounds.id, roundId), eq(rounds.status, 'draft')))
			.returning();
		await snapshotRoundMembers(tx, roundId);
		await audit(tx, actor, { action: 'round.open', subjectType: 'round', subjectId: roundId, ...(allowOverlap ? { detail: { allowOverlap } } : {}) });
		return updated;
	});
}

export async function closeRound(db: Db, actor: Actor, roundId: string, now = clockNow()): Promise<Round> {
	requireRoundAdministrator(actor);
	const round = await getRound(db, actor, roundId);
	const updated = await closeOpenRound(db, round, now, actor);
	if (!updated) throw conflict('Mätomgången stängdes nyss av någon annan.');
	return updated;
}

/**
 * Closes an open round: the one way to do it, for an administrator and for the schedule alike
 * (`SCHEDULED`). The change and its audit entry are one transaction; null when the round
 * was no longer open (another instance or administrator closed it first).
 */
export async function closeOpenRound(db: Db, round: Pick<Round, 'id' | 'status'>, now: Date, by: AuditBy): Promise<Round | null> {
	assertTransition(round.status, 'closed');
	return db.transaction(async (tx) => {
		const [updated] = await tx
			.update(rounds)
			.set({ status: 'closed', closedAt: now })
			.where(and(eq(rounds.id, round.id), eq(rounds.status, 'open')))
			.returning();
		if (!updated) return null;
		await audit(tx, by, { action: 'round.close', subjectType: 'round', subjectId: round.id, ...(by.personId ? {} : { detail: { by: 'schedule' } }) });
		return updated;
	});
}

/** Fixes who is asked to answer (opening.ts says who: the active handläggare under the round's förvaltningar). */
export async function snapshotRoundMembers(db: Db, roundId: string): Promise<void> {
	await db.execute(sql`
		insert into round_members (round_id, person_id, org_unit_id, title, activity_area, gender)
		${askedByRound(roundId)}
		on conflict do nothing`);
}

/** Whether the actor is asked to answer this round (member, or eligible and joined since it opened). */
async function participation(db: Db, actor: Actor, roundId: string) {
	const [member] = await db
		.select()
		.from(roundMembers)
		.where(and(eq(roundMembers.roundId, roundId), eq(roundMembers.personId, actor.personId)));
	if (member) return { ...member, snapshotted: true };
	if (!isCaseworker(actor) || !actor.activityArea) return null;
	const [takesPart] = await query<{ ok: boolean }>(
		db,
		sql`select true as ok from round_units ru join org_units f on f.id = ru.org_unit_id
		    where ru.round_id = ${roundId} and ${actor.orgUnitPath} like f.path || '%' limit 1`
	);
	return takesPart ? { roundId, personId: actor.personId, orgUnitId: actor.orgUnitId, title: actor.title, activityArea: actor.activityArea, gender: null, snapshotted: false } : null;
}

export async function getMyResponse(db: Db, actor: Actor, roundId: string) {
	const round = await getRound(db, actor, roundId);
	const member = await participation(db, actor, roundId);
	const [response] = await db
		.select()
		.from(responses)
		.where(and(eq(responses.roundId, roundId), eq(responses.personId, actor.personId)));
	return { round, participates: member !== null, response: response ?? null };
}

/**
 * The usual case of saving, as one statement prepared once per database: the round is open and
 * the person is in its snapshot. Unit, title and område come from the snapshot; nothing is
 * inserted unless the round is open. Saving is the request every handläggare makes at once when
 * a round opens.
 */
const saveInSnapshot = preparedPerDb((db) => {
	const value = (name: keyof ResponseInput, type: 'integer' | 'smallint' | 'text') => sql`${sql.placeholder(name)}::${sql.raw(type)}`;
	const fromInsert = (column: string) => sql`excluded.${sql.identifier(column)}`;
	return db
		.insert(responses)
		.select((qb) =>
			qb
				.select({
					id: sql<string>`gen_random_uuid()`.as('id'),
					roundId: roundMembers.roundId,
					personId: roundMembers.personId,
					orgUnitId: roundMembers.orgUnitId,
					title: sql<SurveyResponse['title']>`case when ${roundMembers.title} = 'bistandshandlaggare' then 'bistandshandlaggare'::title else 'socialsekreterare'::title end`.as('title'),
					activityArea: roundMembers.activityArea,
					caseCount: sql<number>`${value('caseCount', 'integer')}`.as('case_count'),
					situationScore: sql<number>`${value('situationScore', 'smallint')}`.as('situation_score'),
					situationComment: sql<string | null>`${value('situationComment', 'text')}`.as('situation_comment'),
					qualityScore: sql<number>`${value('qualityScore', 'smallint')}`.as('quality_score'),
					qualityComment: sql<string | null>`${value('qualityComment', 'text')}`.as('quality_comment'),
					recommendScore: sql<number>`${value('recommendScore', 'smallint')}`.as('recommend_score'),
					recommendComment: sql<string | null>`${value('recommendComment', 'text')}`.as('recommend_comment'),
					positiveText: sql<string | null>`${value('positiveText', 'text')}`.as('positive_text'),
					createdAt: sql<Date>`now()`.as('created_at'),
					updatedAt: sql<Date>`now()`.as('updated_at')
				})
				.from(roundMembers)
				.innerJoin(rounds, eq(rounds.id, roundMembers.roundId))
				.where(and(eq(roundMembers.roundId, sql.placeholder('roundId')), eq(roundMembers.personId, sql.placeholder('personId')), eq(rounds.status, 'open')))
		)
		.onConflictDoUpdate({
			target: [responses.roundId, responses.personId],
			// The unit, title and område stay those of the first answer.
			set: {
				caseCount: fromInsert('case_count'),
				situationScore: fromInsert('situation_score'),
				situationComment: fromInsert('situation_comment'),
				qualityScore: fromInsert('quality_score'),
				qualityComment: fromInsert('quality_comment'),
				recommendScore: fromInsert('recommend_score'),
				recommendComment: fromInsert('recommend_comment'),
				positiveText: fromInsert('positive_text'),
				updatedAt: sql`now()`
			}
		})
		.returning()
		.prepare('save_answer_in_snapshot');
});

/**
 * Saves the actor's answer; may be changed until the round closes. The answer stays with the
 * unit it was first given in, so a move mid-round does not carry it to the new manager.
 */
export async function saveMyResponse(db: Db, actor: Actor, roundId: string, input: unknown): Promise<SurveyResponse> {
	if (!isUuid(roundId)) throw notFound('Mätomgången');
	const data = parseInput(responseInput, input);
	const [saved] = await saveInSnapshot(db).execute({ ...data, roundId, personId: actor.personId });
	return saved ?? saveOutsideSnapshot(db, actor, roundId, data);
}

/**
 * The rare cases of saving, one query at a time: the round is missing, not open, or the person
 * joined after it opened (then added to the snapshot so response rates stay right).
 */
async function saveOutsideSnapshot(db: Db, actor: Actor, roundId: string, data: ResponseInput): Promise<SurveyResponse> {
	const [round] = await db.select({ status: rounds.status }).from(rounds).where(eq(rounds.id, roundId));
	if (!round || (round.status === 'draft' && !isAdmin(actor))) throw notFound('Mätomgången');
	assertAnswerable(round.status);
	const member = await participation(db, actor, roundId);
	if (!member || !member.activityArea) throw notYours('Du ingår inte i den här mätomgången. Kontakta din chef om du tycker att du borde göra det.');
	const activityArea = member.activityArea;
	const title = member.title === 'bistandshandlaggare' ? 'bistandshandlaggare' : 'socialsekreterare';
	return db.transaction(async (tx) => {
		await tx
			.insert(roundMembers)
			.values({ roundId, personId: actor.personId, orgUnitId: member.orgUnitId, title, activityArea, gender: member.gender })
			.onConflictDoNothing();
		const [saved] = await tx
			.insert(responses)
			.values({ roundId, personId: actor.personId, orgUnitId: member.orgUnitId, title, activityArea, ...data })
			.onConflictDoUpdate({ target: [responses.roundId, responses.personId], set: { ...data, updatedAt: clockNow() } })
			.returning();
		return saved;
	});
}

/** The actor's own answers over all rounds, oldest first. */
export async function myHistory(db: Db, actor: Actor) {
	return db
		.select({ round: rounds, response: responses })
		.from(responses)
		.innerJoin(rounds, eq(rounds.id, responses.roundId))
		.where(eq(responses.personId, actor.personId))
		.orderBy(asc(rounds.opensAt));
}

/** Open rounds the actor takes part in, with whether they have answered and been reminded. */
export async function myOpenRounds(db: Db, actor: Actor) {
	if (!isCaseworker(actor)) return [];
	const open = await db.select().from(rounds).where(eq(rounds.status, 'open')).orderBy(asc(rounds.closesAt));
	const result = [];
	for (const round of open) {
		const member = await participation(db, actor, round.id);
		if (!member) continue;
		const [answered] = await db
			.select({ updatedAt: responses.updatedAt })
			.from(responses)
			.where(and(eq(responses.roundId, round.id), eq(responses.personId, actor.personId)));
		const [reminded] = await db
			.select({ sentAt: reminders.sentAt, message: managerReminders.message, from: people.name })
			.from(reminders)
			.leftJoin(managerReminders, eq(managerReminders.id, reminders.managerReminderId))
			.leftJoin(people, eq(people.id, managerReminders.managerId))
			.where(and(eq(reminders.roundId, round.id), eq(reminders.personId, actor.personId)))
			.orderBy(desc(reminders.sentAt))
			.limit(1);
		result.push({
			round,
			answeredAt: answered?.updatedAt ?? null,
			remindedAt: reminded?.sentAt ?? null,
			/** The nearest manager's own words, when the latest reminder came from them. */
			reminder: reminded?.message ? { message: reminded.message, from: reminded.from ?? '' } : null
		});
	}
	return result;
}

/** Members of an open round who have not answered, by name: administrators only. */
export async function nonRespondents(db: Db, actor: Actor, roundId: string) {
	requireRoundAdministrator(actor);
	return membersWithoutAnswer(db, (await getRound(db, actor, roundId)).id);
}

/**
 * Active members of the round who have not answered, for the reminders (also sent by the schedule,
 * which has no actor): the caller decided access. `scopes` keeps those in these subtrees (a
 * nearest manager's own staff).
 */
export async function membersWithoutAnswer(db: Db, roundId: string, scopes?: string[]) {
	return query<{ personId: string; name: string; email: string }>(
		db,
		sql`select p.id as "personId", p.name, p.email
		    from round_members m join people p on p.id = m.person_id join org_units u on u.id = m.org_unit_id
		    left join responses r on r.round_id = m.round_id and r.person_id = m.person_id
		    where m.round_id = ${roundId} and r.id is null and p.active ${scopes ? sql`and ${pathIn(sql`u.path`, scopes)}` : sql``}
		    order by p.name`
	);
}

/** Records a reminder for everyone who has not answered and e-mails them when a mailer is configured. */
export async function remindNonRespondents(
	db: Db,
	actor: Actor,
	roundId: string,
	mailer: Mailer | null,
	appUrl = ''
): Promise<{ reminded: number; emailed: number }> {
	requireRoundAdministrator(actor);
	const round = await getRound(db, actor, roundId);
	assertAnswerable(round.status);
	return sendReminders(db, round, mailer, appUrl, actor);
}

/**
 * Reminds everyone in the round who has not answered: a reminder on their start page, and an
 * e-mail when a mailer is configured. `by` is SCHEDULED when the schedule sends it (jobs/).
 */
export async function sendReminders(
	db: Db,
	round: Pick<Round, 'id' | 'name' | 'closesAt'>,
	mailer: Mailer | null,
	appUrl: string,
	by: AuditBy
): Promise<{ reminded: number; emailed: number }> {
	const roundId = round.id;
	const missing = await membersWithoutAnswer(db, roundId);
	const emailed = await deliverReminders(db, round, missing, mailer, {
		subject: (closes) => `Påminnelse: ${round.name} stänger ${closes}`,
		text: (person, closes) =>
			`Hej ${person.name}!\n\nDu har inte svarat på mätomgången ${round.name} än. Det tar ett par minuter och hjälper din chef och förvaltningen att förbättra arbetssituationen.\n\nSvara senast ${closes}: ${appUrl}/rounds/${round.id}/answer\n\nVänliga hälsningar\nLägesbild`
	});
	await audit(db, by, { action: 'round.remind', subjectType: 'round', subjectId: roundId, detail: { reminded: missing.length, emailed, ...(by.personId ? {} : { by: 'schedule' }) } });
	return { reminded: missing.length, emailed };
}

/**
 * The one way a reminder reaches someone: a row that puts it on their start page, and the e-mail
 * when a mailer is configured. Returns how many were e-mailed.
 */
export async function deliverReminders(
	db: Db,
	round: Pick<Round, 'id' | 'closesAt'>,
	people: { personId: string; name: string; email: string }[],
	mailer: Mailer | null,
	message: { subject: (closes: string) => string; text: (person: { name: string }, closes: string) => string },
	extra: { sentAt?: Date; managerReminderId?: string } = {}
): Promise<number> {
	const closes = round.closesAt.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
	let emailed = 0;
	for (const person of people) {
		let channel = 'page';
		if (mailer) {
			await mailer.send({ to: person.email, subject: message.subject(closes), text: message.text(person, closes) });
			channel = 'email';
			emailed++;
		}
		await db.insert(reminders).values({ roundId: round.id, personId: person.personId, channel, ...extra });
	}
	return emailed;
}


/** Response counts of a round, for the administrators' overviews. */
export async function roundProgress(db: Db, actor: Actor, roundId: string) {
	requireRoundAdministrator(actor);
	if (!isUuid(roundId)) throw notFound('Mätomgången');
	const [row] = await query<{ members: number; answered: number }>(
		db,
		sql`select count(*)::int as members, count(r.id)::int as answered
		    from round_members m left join responses r on r.round_id = m.round_id and r.person_id = m.person_id
		    where m.round_id = ${roundId}`
	);
	return row;
}

/** The administrators' list of rounds, drafts included, each with its response counts. */
export async function roundsOverview(db: Db, actor: Actor) {
	requireRoundAdministrator(actor);
	const list = await listRounds(db, actor);
	return Promise.all(list.map(async (r) => ({ ...r, progress: await roundProgress(db, actor, r.id) })));
}

/** One round as the administrators manage it: the round, its response counts and how many have not answered. */
export async function roundAdministration(db: Db, actor: Actor, roundId: string) {
	requireRoundAdministrator(actor);
	const round = await getRound(db, actor, roundId);
	return {
		round,
		progress: await roundProgress(db, actor, round.id),
		missingCount: round.status === 'open' ? (await nonRespondents(db, actor, round.id)).length : 0
	};
}
