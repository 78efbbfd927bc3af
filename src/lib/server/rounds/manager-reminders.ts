/**
 * The nearest manager reminds their own staff who have not answered an open round: a notice on
 * each one's start page with the manager's text, and an e-mail when SMTP is configured. At most
 * once a day (Stockholm) per manager and round, so staff are nudged, not nagged; the database's
 * unique index holds the rule across app instances. Whom a manager may remind is whom they see by
 * name (access/policy.ts namedScopes): the round's members in the units they manage.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { namedScopes } from '../access/policy';
import { requireAdministrator } from '../access/gate';
import { audit } from '../audit/audit';
import { now as clockNow, todayInStockholm } from '../clock';
import type { Db } from '../db';
import { query } from '../db/client';
import { pathIn } from '../db/paths';
import { managerReminders } from '../db/schema';
import { conflict, notFound } from '../errors';
import type { Mailer } from '../mail/mailer';
import { getSetting, setSetting } from '../settings';
import { parseInput } from '../validation';
import { assertAnswerable } from './rules';
import { deliverReminders, getRound, membersWithoutAnswer } from './service';

export const REMINDER_TEXT_KEY = 'reminders.manager_text';

export const DEFAULT_REMINDER_TEXT =
	'Hej! Du har inte svarat på mätningen av arbetssituationen än. Det tar några minuter, och dina svar hjälper oss att förbättra arbetssituationen i gruppen. Tack!';

const messageText = z
	.string({ error: 'Skriv påminnelsens text.' })
	.trim()
	.min(10, 'Skriv påminnelsens text, minst 10 tecken.')
	.max(1000, 'Texten får vara högst 1 000 tecken.');

export const reminderInput = z.object({ message: messageText.optional() });
export const reminderTextInput = z.object({ message: messageText });

/** The kommun's default text, which each manager may edit before sending. */
export async function reminderText(db: Db): Promise<string> {
	return (await getSetting<string>(db, REMINDER_TEXT_KEY)) ?? DEFAULT_REMINDER_TEXT;
}

export async function saveReminderText(db: Db, actor: Actor, input: unknown): Promise<string> {
	requireAdministrator(actor);
	const { message } = parseInput(reminderTextInput, input);
	await setSetting(db, REMINDER_TEXT_KEY, message);
	await audit(db, actor, { action: 'settings.reminder_text', detail: { length: message.length } });
	return message;
}

export interface StaffProgress {
	/** Per unit (arbetsgrupp or enhet) of the manager's staff in the round. */
	units: { unitName: string; members: number; answered: number }[];
	notAnswered: number;
	/** The manager's reminder sent today for this round, if any. */
	sentToday: { sentAt: Date; reminded: number } | null;
	defaultText: string;
}

function requireNamedScopes(actor: Actor): string[] {
	const scopes = namedScopes(actor);
	if (scopes.length === 0) throw notFound('Sidan');
	return scopes;
}

/** During an open round: who of the manager's staff has answered, per unit, and today's reminder. */
export async function staffProgress(db: Db, actor: Actor, roundId: string, now = clockNow()): Promise<StaffProgress> {
	const scopes = requireNamedScopes(actor);
	const round = await getRound(db, actor, roundId);
	const units = await query<{ unitName: string; members: number; answered: number }>(
		db,
		sql`select u.name as "unitName", count(*)::int as members, count(r.id)::int as answered
		    from round_members m join org_units u on u.id = m.org_unit_id
		    left join responses r on r.round_id = m.round_id and r.person_id = m.person_id
		    where m.round_id = ${round.id} and ${pathIn(sql`u.path`, scopes)}
		    group by u.name order by u.name`
	);
	const [sent] = await db
		.select({ sentAt: managerReminders.sentAt, reminded: managerReminders.reminded })
		.from(managerReminders)
		.where(and(eq(managerReminders.roundId, round.id), eq(managerReminders.managerId, actor.personId), eq(managerReminders.sentOn, todayInStockholm(now))));
	return {
		units,
		notAnswered: units.reduce((n, u) => n + u.members - u.answered, 0),
		sentToday: sent ?? null,
		defaultText: await reminderText(db)
	};
}

/**
 * Sends the reminder: once a day per round. Refused (409) when the round is not open or a
 * reminder was sent today; nobody to remind is not an error (reminded: 0).
 */
export async function remindOwnStaff(
	db: Db,
	actor: Actor,
	roundId: string,
	input: unknown,
	mailer: Mailer | null,
	appUrl = '',
	now = clockNow()
): Promise<{ reminded: number; emailed: number }> {
	const scopes = requireNamedScopes(actor);
	const round = await getRound(db, actor, roundId);
	assertAnswerable(round.status);
	const message = parseInput(reminderInput, input).message ?? (await reminderText(db));
	const missing = await membersWithoutAnswer(db, round.id, scopes);
	const sentOn = todayInStockholm(now);
	const [claimed] = await db
		.insert(managerReminders)
		.values({ roundId: round.id, managerId: actor.personId, sentOn, sentAt: now, message, reminded: missing.length, emailed: 0 })
		.onConflictDoNothing()
		.returning({ id: managerReminders.id });
	if (!claimed) throw conflict('Du har redan påmint dem som inte har svarat i dag. Du kan påminna igen i morgon.');

	const emailed = await deliverReminders(
		db,
		round,
		missing,
		mailer,
		{
			subject: (closes) => `Påminnelse från ${actor.name}: ${round.name} stänger ${closes}`,
			text: (_, closes) => `${message}\n\nSvara senast ${closes}: ${appUrl}/rounds/${round.id}/answer\n\n${actor.name}`
		},
		{ sentAt: now, managerReminderId: claimed.id }
	);
	if (emailed > 0) await db.update(managerReminders).set({ emailed }).where(eq(managerReminders.id, claimed.id));
	await audit(db, actor, { action: 'round.remind_staff', subjectType: 'round', subjectId: round.id, detail: { reminded: missing.length, emailed } });
	return { reminded: missing.length, emailed };
}
