/**
 * The manager's reminder when an individual plan's follow-up date has passed: on the start page
 * (overdueIndividualPlanFollowUps, read when the page loads) and, when SMTP is configured, one
 * e-mail per plan and follow-up date. The claim `plan-follow-up:<plan>:<date>` (job_claims) makes
 * it once whichever instance runs the tick; moving the date arms a new reminder.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { query } from '../db/client';
import { jobClaims } from '../db/schema';
import { log } from '../log';
import type { Mailer } from '../mail/mailer';
import { now as clockNow, todayInStockholm } from '../clock';
import { addDays } from '$lib/time';

/** A date that passed longer ago than this is not e-mailed about (SMTP set up later, say): the start page still shows it. */
const EMAIL_WITHIN_DAYS = 14;

export async function remindDueFollowUps(db: Db, mailer: Mailer | null, appUrl: string, now = clockNow()): Promise<string[]> {
	if (!mailer) return [];
	const today = todayInStockholm(now);
	const due = await query<{ id: string; followUpOn: string; employeeName: string; managerName: string; managerEmail: string }>(
		db,
		sql`select ip.id, ip.follow_up_on::text as "followUpOn", e.name as "employeeName", m.name as "managerName", m.email as "managerEmail"
		    from individual_plans ip join people e on e.id = ip.person_id join people m on m.id = ip.manager_id
		    where ip.status in ('offered', 'active') and m.active
		      and ip.follow_up_on < ${today}::date and ip.follow_up_on >= ${addDays(today, -EMAIL_WITHIN_DAYS)}::date
		      and not exists (select 1 from job_claims c where c.key = 'plan-follow-up:' || ip.id::text || ':' || ip.follow_up_on::text)`
	);
	const sent: string[] = [];
	for (const plan of due) {
		const claimed = await db
			.insert(jobClaims)
			.values({ key: `plan-follow-up:${plan.id}:${plan.followUpOn}` })
			.onConflictDoNothing()
			.returning({ key: jobClaims.key });
		if (claimed.length === 0) continue;
		await mailer.send({
			to: plan.managerEmail,
			subject: `Dags att följa upp handlingsplanen med ${plan.employeeName}`,
			text: `Hej ${plan.managerName}!\n\nUppföljningen av den individuella handlingsplanen med ${plan.employeeName} var planerad till ${plan.followUpOn}. Boka in ett samtal, eller flytta datumet i planen om ni har kommit överens om ett annat.\n\nÖppna planen: ${appUrl}/action-plans/${plan.id}\n\nVänliga hälsningar\nLägesbild`
		});
		log.info({ plan: plan.id }, 'follow-up reminder e-mailed');
		sent.push(plan.id);
	}
	return sent;
}
