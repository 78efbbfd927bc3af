/**
 * The nearest manager's view (arbetsledare): own staff by name in a round — answers,
 * motivations, the positive answer, who has not answered — and cases per employee. Every
 * read is written to the audit log, since it is individual-level data.
 */
import { sql } from 'drizzle-orm';
import { STATEMENTS, type ActivityArea, type Title } from '$lib/domain';
import type { Actor } from '../access/actor';
import { namedScopes } from '../access/policy';
import { mayOpenIndividualPlanSql } from '../access/rules';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { query } from '../db/client';
import { pathIn } from '../db/paths';
import { notFound } from '../errors';
import { median } from '../reports/figures';
import { buildReport } from '../reports/service';
import { pathIds } from '../org/service';
import { getRound, listRounds, type RoundSummary } from '../rounds/service';
import { percentile, supportReasons, supportThresholds, type Scores, type SupportReason } from './support-signal';

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

/** One earlier answer of a member, given in a unit the reader manages (never one given elsewhere). */
export interface AnswerPoint {
	roundId: string;
	roundName: string;
	situation: number;
	quality: number;
	recommend: number;
	caseCount: number;
}

export interface TeamMemberView extends TeamMember {
	/** The member's answers up to and including this round, oldest first (at most TREND_ROUNDS). */
	trend: AnswerPoint[];
	/** Since the member's previous answer: this round minus that one, per statement. */
	change: Scores | null;
	/** The previous answer's round, which `change` compares with. */
	changeSince: string | null;
	/** Why the member may need support ("Behöver stöd"); empty when not. */
	support: SupportReason[];
}

/** Rounds in a member's trend. */
const TREND_ROUNDS = 6;

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

export async function teamView(db: Db, actor: Actor, roundId: string): Promise<{ round: RoundSummary; members: TeamMemberView[]; summary: TeamSummary }> {
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
	const thresholds = await supportThresholds(db);
	const casesLimit = percentile(cases, thresholds.casesPercentile);
	const histories = await answerHistories(db, round, members.filter((m) => m.answered).map((m) => m.personId), scopes);
	const views: TeamMemberView[] = members.map((m) => {
		const trend = histories.get(m.personId) ?? [];
		const earlier = trend.filter((t) => t.roundId !== round.id);
		const before = earlier.at(-1) ?? null;
		const scores: Scores = { situation: m.situationScore, quality: m.qualityScore, recommend: m.recommendScore };
		const previous: Scores | null = before ? { situation: before.situation, quality: before.quality, recommend: before.recommend } : null;
		const change = m.answered && previous ? (Object.fromEntries(STATEMENTS.map((s) => [s, scores[s]! - previous[s]!])) as Scores) : null;
		return {
			...m,
			trend,
			change,
			changeSince: m.answered && before ? before.roundName : null,
			support: m.answered ? supportReasons({ scores, previous, caseCount: m.caseCount }, casesLimit, thresholds) : []
		};
	});
	return {
		round,
		members: views,
		summary: {
			needSupport: views.filter((m) => m.support.length > 0).length,
			casesLimit,
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

export interface TeamSummary {
	members: number;
	answered: number;
	casesMean: number | null;
	casesMedian: number | null;
	casesTotal: number;
	/** Those at 1–2 on "bra arbetssituation": whom the plan says to offer an individual action plan. */
	lowSituation: number;
	/** Members with any support reason (support-signal.ts). */
	needSupport: number;
	/** Cases above this are "many" (the team's percentile in the settings). */
	casesLimit: number | null;
}

/**
 * The earlier answers of these people, up to this round, that were given in a unit within the
 * reader's named scopes (an answer stays with the unit it was given in: a new manager does not
 * read what someone told their previous one), newest TREND_ROUNDS per person, oldest first.
 */
async function answerHistories(db: Db, round: RoundSummary, personIds: string[], scopes: string[]): Promise<Map<string, AnswerPoint[]>> {
	const byPerson = new Map<string, AnswerPoint[]>();
	if (personIds.length === 0) return byPerson;
	const rows = await query<AnswerPoint & { personId: string }>(
		db,
		sql`select x."personId", x."roundId", x."roundName", x.situation, x.quality, x.recommend, x."caseCount" from (
		      select r.person_id as "personId", ro.id as "roundId", ro.name as "roundName", r.situation_score as situation,
		             r.quality_score as quality, r.recommend_score as recommend, r.case_count as "caseCount", ro.opens_at,
		             row_number() over (partition by r.person_id order by ro.opens_at desc, ro.id desc) as n
		      from responses r join rounds ro on ro.id = r.round_id join org_units u on u.id = r.org_unit_id
		      where r.person_id in (${sql.join(
						personIds.map((id) => sql`${id}`),
						sql`, `
					)})
		        and ro.status <> 'draft' and ro.opens_at <= ${round.opensAt.toISOString()}::timestamptz
		        and ${pathIn(sql`u.path`, scopes)}
		        and not exists (select 1 from retained_rounds rr where rr.round_id = ro.id)
		    ) x where x.n <= ${TREND_ROUNDS} order by x.opens_at, x."roundId"`
	);
	for (const { personId, ...point } of rows) {
		if (!byPerson.has(personId)) byPerson.set(personId, []);
		byPerson.get(personId)!.push(point);
	}
	return byPerson;
}

/**
 * The team beside the groups it belongs to, for a closed round: the manager's own unit and every
 * unit above it up to the kommun, as the reports give them (buildReport, so through the anonymity
 * rule: a hidden group says why). The team's own means come from the named answers the manager
 * reads anyway. Null for an open round (no figures until it closes).
 */
export async function teamContext(db: Db, actor: Actor, round: RoundSummary, members: TeamMember[]) {
	const scopes = requireNamedScopes(actor);
	if (round.status !== 'closed') return null;
	const unitId = pathIds(scopes[0]).at(-1)!;
	const report = await buildReport(db, actor, { unit: unitId, round: round.id });
	const answered = members.filter((m) => m.answered);
	const mean = (key: 'situationScore' | 'qualityScore' | 'recommendScore') => (answered.length ? answered.reduce((n, m) => n + (m[key] ?? 0), 0) / answered.length : null);
	return {
		team: { answered: answered.length, situation: mean('situationScore'), quality: mean('qualityScore'), recommend: mean('recommendScore'), casesMedian: median(answered.map((m) => m.caseCount!).sort((a, b) => a - b)) },
		groups: [
			...report.rows.filter((r) => r.isTotal).map((r) => ({ unit: r.unit, cell: r.cell })),
			...report.benchmarks.map((b) => ({ unit: b.unit, cell: b.cell }))
		]
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
