/**
 * The scheduled work itself, free of any queue: each task takes the database and the time and
 * can run again without harm (at least once is enough). The queue (scheduler.ts) decides when and
 * where they run; with several instances pg-boss hands each job to one of them, and the claims
 * below keep what must happen once from happening twice even if a job were run twice.
 */
import { and, eq, lt, lte, sql } from 'drizzle-orm';
import { SCHEDULED } from '../audit/audit';
import { deleteStaleThrottles } from '../auth/throttle';
import { deleteExpiredSessions } from '../auth/sessions';
import type { Db } from '../db';
import { query } from '../db/client';
import { jobClaims, loginAttempts, rounds } from '../db/schema';
import { log } from '../log';
import { purgeStalePreviews } from '../import/service';
import { publishDueYears } from '../incidents/publication';
import { remindDueFollowUps } from '../individual-plans/follow-up';
import { runDueRetention } from '../privacy/retention';
import { refreshStoredDisclosure, storedIsCurrent } from '../reports/disclosure-store';
import type { Mailer } from '../mail/mailer';
import { closeOpenRound, sendReminders } from '../rounds/service';
import { now as clockNow } from '../clock';

export interface TaskSettings {
	/** Days before closing that non-respondents are reminded; 0: never automatically. */
	reminderDaysBefore: number;
	autoClose: boolean;
	mailer: Mailer | null;
	/** Public address for links in e-mails. */
	appUrl: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Closes every open round whose closing time has passed. A round that was opened after its
 * closing time (an administrator re-running an old measurement, say) is left to close by hand:
 * closing it the minute it opened would surprise everyone.
 */
export async function closeDueRounds(db: Db, now = clockNow()): Promise<string[]> {
	const due = await db
		.select({ id: rounds.id, status: rounds.status })
		.from(rounds)
		.where(and(eq(rounds.status, 'open'), lte(rounds.closesAt, now), sql`${rounds.openedAt} < ${rounds.closesAt}`));
	const closed: string[] = [];
	for (const round of due) {
		if (!(await closeOpenRound(db, round, now, SCHEDULED))) continue; // closed meanwhile elsewhere
		log.info({ round: round.id }, 'round closed on schedule');
		closed.push(round.id);
	}
	return closed;
}

/**
 * Sends the automatic reminder of every open round whose reminder time (closing minus N days)
 * has come, once per round: the first to claim `reminder:<round>` sends, nobody else ever does.
 * Only when the reminder time falls while the round is open (not for a round opened later).
 */
export async function sendDueReminders(db: Db, settings: TaskSettings, now = clockNow()): Promise<{ roundId: string; reminded: number; emailed: number }[]> {
	if (settings.reminderDaysBefore <= 0) return [];
	const lead = `${settings.reminderDaysBefore} days`;
	const at = now.toISOString();
	const due = await query<{ id: string; name: string; closesAt: Date | string }>(
		db,
		sql`select id, name, closes_at as "closesAt" from rounds
		    where status = 'open'
		      and closes_at > ${at}::timestamptz
		      and closes_at - ${lead}::interval <= ${at}::timestamptz
		      and opened_at <= closes_at - ${lead}::interval
		      and not exists (select 1 from job_claims c where c.key = 'reminder:' || rounds.id::text)`
	);
	const sent = [];
	for (const round of due) {
		const claimed = await db
			.insert(jobClaims)
			.values({ key: `reminder:${round.id}` })
			.onConflictDoNothing()
			.returning({ key: jobClaims.key });
		if (claimed.length === 0) continue; // another instance got there first
		const result = await sendReminders(db, { id: round.id, name: round.name, closesAt: new Date(round.closesAt) }, settings.mailer, settings.appUrl, SCHEDULED);
		log.info({ round: round.id, ...result }, 'scheduled reminder sent');
		sent.push({ roundId: round.id, ...result });
	}
	return sent;
}

/** Expired sessions, and failed logins older than a day (the limits look back 15 minutes). */
export async function cleanUp(db: Db, now = clockNow()): Promise<void> {
	await deleteExpiredSessions(db, now);
	await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - DAY)));
	await deleteStaleThrottles(db, now);
	// Retention of named answers (RETENTION_YEARS): a no-op unless a round has become due.
	await runDueRetention(db, now);
	// Staff import dry runs never applied (they hold the HR file's rows) go after a day.
	await purgeStalePreviews(db, now);
}

/** Stores the anonymity decisions of rounds that closed (or of all, after the tree changed). */
export async function storeDisclosure(db: Db): Promise<void> {
	if (!(await storedIsCurrent(db))) await refreshStoredDisclosure(db);
}

/**
 * What runs every minute: close what is due, remind who is due, store what has closed, publish
 * the incident statistics of a year that has ended (on 1 February, decision 0005), e-mail the
 * managers whose individual plans are due for follow-up.
 */
export async function minuteTick(db: Db, settings: TaskSettings, now = clockNow()): Promise<void> {
	if (settings.autoClose) await closeDueRounds(db, now);
	await sendDueReminders(db, settings, now);
	await storeDisclosure(db);
	await publishDueYears(db, now);
	await remindDueFollowUps(db, settings.mailer, settings.appUrl, now);
}
