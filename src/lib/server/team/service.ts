/**
 * The nearest manager's view (arbetsledare): own staff by name in a round — answers,
 * motivations, the positive answer, who has not answered — and cases per employee. Every
 * read is written to the audit log, since it is individual-level data.
 */
import { sql } from 'drizzle-orm';
import type { ActivityArea, Title } from '$lib/domain';
import type { Actor } from '../access/actor';
import { namedScopes } from '../access/policy';
import { mayOpenIndividualPlanSql } from '../access/rules';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { query } from '../db/client';
import { pathIn } from '../db/paths';
import { notFound } from '../errors';
import { median } from '../reports/figures';
import { getRound, listRounds, type RoundSummary } from '../rounds/service';

export interface TeamMember {
	personId: string;
	name: string;
	title: Title;
	activityArea: ActivityArea;
	unitId: string;
	unitName: string;
	answered: boolean;
	caseCount: number | null;
	situationScore: number | null;
	situationComment: string | null;
	qualityScore: number | null;
	qualityComment: string | null;
	recommendScore: number | null;
	recommendComment: string | null;
	positiveText: string | null;
	updatedAt: Date | null;
	/** The latest individual action plan the reader may open (decision 0003), if any. */
	planId: string | null;
	planStatus: string | null;
	planFollowUpOn: string | null;
}

/** The named view exists only for the nearest managers: to anyone else it is not found. */
function requireNamedScopes(actor: Actor): string[] {
	const scopes = namedScopes(actor);
	if (scopes.length === 0) throw notFound('Sidan');
	return scopes;
}

/** The rounds the manager may pick in the team view: every round that has opened. */
export async function teamRounds(db: Db, actor: Actor): Promise<RoundSummary[]> {
	requireNamedScopes(actor);
	return (await listRounds(db, actor)).filter((r) => r.status !== 'draft');
}

export async function teamView(db: Db, actor: Actor, roundId: string) {
	const scopes = requireNamedScopes(actor);
	const round = await getRound(db, actor, roundId);
	const rows = await query<Omit<TeamMember, 'updatedAt'> & { updatedAt: Date | string | null }>(
		db,
		sql`select p.id as "personId", p.name, m.title, m.activity_area as "activityArea",
		       u.id as "unitId", u.name as "unitName", (r.id is not null) as answered,
		       r.case_count as "caseCount",
		       r.situation_score as "situationScore", r.situation_comment as "situationComment",
		       r.quality_score as "qualityScore", r.quality_comment as "qualityComment",
		       r.recommend_score as "recommendScore", r.recommend_comment as "recommendComment",
		       r.positive_text as "positiveText", r.updated_at as "updatedAt",
		       ap.id as "planId", ap.status as "planStatus", ap.follow_up_on::text as "planFollowUpOn"
		    from round_members m
		    join people p on p.id = m.person_id
		    left join responses r on r.round_id = m.round_id and r.person_id = m.person_id
		    join org_units u on u.id = coalesce(r.org_unit_id, m.org_unit_id)
		    left join lateral (
		      select a.id, a.status, a.follow_up_on from individual_plans a
		      where a.person_id = p.id
		        -- a plan is the employee's and its manager's: another manager of the unit does not learn of it
		        and ${mayOpenIndividualPlanSql(actor.personId, { personId: sql`a.person_id`, managerId: sql`a.manager_id` })}
		      order by a.offered_at desc limit 1) ap on true
		    where m.round_id = ${roundId} and ${pathIn(sql`u.path`, scopes)}
		      -- a retained round (privacy/retention.ts) keeps aggregates only: nobody by name
		      and not exists (select 1 from retained_rounds rr where rr.round_id = m.round_id)
		    order by u.name, p.name`
	);
	// A raw query gives the time as the driver's text on some back ends: one Date for every caller.
	const members: TeamMember[] = rows.map((m) => ({ ...m, updatedAt: m.updatedAt === null ? null : new Date(m.updatedAt) }));
	await audit(db, actor, {
		action: 'read.named_answers',
		subjectType: 'round',
		subjectId: roundId,
		detail: { people: members.filter((m) => m.answered).length }
	});
	const answered = members.filter((m) => m.answered);
	const cases = answered.map((m) => m.caseCount!).sort((a, b) => a - b);
	return {
		round,
		members,
		summary: {
			members: members.length,
			answered: answered.length,
			casesMean: cases.length ? cases.reduce((a, b) => a + b, 0) / cases.length : null,
			casesMedian: median(cases),
			casesTotal: cases.reduce((a, b) => a + b, 0),
			/** Those at 1–2 on "bra arbetssituation": whom the plan says to offer an individual action plan. */
			lowSituation: answered.filter((m) => (m.situationScore ?? 6) <= 2).length
		}
	};
}

/**
 * The round the team page opens on: the latest with answers from this manager's own staff, so
 * a newly opened, still empty round does not hide the one that has something to act on. Null
 * when none has (the page then takes the newest round).
 */
export async function defaultTeamRoundId(db: Db, actor: Actor): Promise<string | null> {
	const scopes = namedScopes(actor);
	if (scopes.length === 0) return null;
	const [row] = await query<{ id: string }>(
		db,
		sql`select r.id from rounds r
		    where r.status <> 'draft'
		      and not exists (select 1 from retained_rounds rr where rr.round_id = r.id)
		      and exists (select 1 from responses x join org_units u on u.id = x.org_unit_id where x.round_id = r.id and ${pathIn(sql`u.path`, scopes)})
		    order by r.opens_at desc, r.id limit 1`
	);
	return row?.id ?? null;
}
