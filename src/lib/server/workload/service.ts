/**
 * Workload between the rounds (issue 14, part 2). A social worker rates their current workload
 * any time, and is asked once a week on the start page ("Inte nu" puts the question away for the
 * week). The nearest manager sees each of their staff's series by name, with a signal, for the
 * case reviews (audited like named answers). Above the nearest manager: monthly figures per unit
 * for months that are over, through the anonymity module like every report.
 */
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { ACTIVITY_AREAS, CASEWORKER_TITLES } from '$lib/domain';
import type { Actor } from '../access/actor';
import { requireUnitInScope } from '../access/gate';
import { aggregateScopes, isCaseworker, namedScopes } from '../access/policy';
import { anonymityRules, computeDisclosure, discloseCell, discloseMedian, type DisclosedCell, type Respondent } from '../anonymity';
import { audit } from '../audit/audit';
import { now as clockNow, todayInStockholm } from '../clock';
import type { Db } from '../db';
import { query } from '../db/client';
import { pathIn } from '../db/paths';
import { orgUnits, people, workloadPromptDismissals, workloadRatings } from '../db/schema';
import { notFound } from '../errors';
import { pathIds } from '../org/service';
import { median } from '../reports/figures';
import { parseInput } from '../validation';
import { HIGH_LOAD, closedMonths, isoWeek, monthLabel, ratingInput, weekStart, workloadSignals, type Month, type WorkloadSignal } from './rules';

export type WorkloadRating = typeof workloadRatings.$inferSelect;

/** Only those who carry cases rate their workload; to anyone else the page does not exist. */
function requireCaseworker(actor: Actor) {
	if (!isCaseworker(actor)) throw notFound('Sidan');
}

export async function rateWorkload(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<WorkloadRating> {
	requireCaseworker(actor);
	const data = parseInput(ratingInput, input);
	const [row] = await db
		.insert(workloadRatings)
		.values({ personId: actor.personId, orgUnitId: actor.orgUnitId, level: data.level, openCases: data.openCases ?? null, note: data.note, ratedOn: todayInStockholm(now), createdAt: now })
		.returning();
	return row;
}

/** The person's own ratings, newest first. */
export async function myWorkload(db: Db, actor: Actor): Promise<WorkloadRating[]> {
	requireCaseworker(actor);
	return db.select().from(workloadRatings).where(eq(workloadRatings.personId, actor.personId)).orderBy(desc(workloadRatings.ratedOn), desc(workloadRatings.createdAt));
}

/** Whether the start page asks this week: a caseworker who has neither rated nor said "Inte nu" since Monday. */
export async function workloadPromptDue(db: Db, actor: Actor, now = clockNow()): Promise<boolean> {
	if (!isCaseworker(actor)) return false;
	const today = todayInStockholm(now);
	const week = isoWeek(today);
	const [dismissed] = await db
		.select({ week: workloadPromptDismissals.week })
		.from(workloadPromptDismissals)
		.where(and(eq(workloadPromptDismissals.personId, actor.personId), eq(workloadPromptDismissals.week, week)));
	if (dismissed) return false;
	const monday = weekStart(today);
	const [rated] = await db
		.select({ id: workloadRatings.id })
		.from(workloadRatings)
		.where(and(eq(workloadRatings.personId, actor.personId), gte(workloadRatings.ratedOn, monday)))
		.limit(1);
	return !rated;
}

export async function dismissWorkloadPrompt(db: Db, actor: Actor, now = clockNow()): Promise<void> {
	requireCaseworker(actor);
	await db.insert(workloadPromptDismissals).values({ personId: actor.personId, week: isoWeek(todayInStockholm(now)) }).onConflictDoNothing();
}

// --- The nearest manager --------------------------------------------------------------------

/** Ratings per person in the manager's view. */
const SERIES = 12;

export interface TeamWorkloadMember {
	personId: string;
	name: string;
	unitName: string;
	/** Oldest first, at most SERIES. */
	ratings: { ratedOn: string; level: number; openCases: number | null; note: string | null }[];
	signals: WorkloadSignal[];
}

/** Each of the manager's own staff with their latest ratings and why to talk about it. Audited. */
export async function teamWorkload(db: Db, actor: Actor): Promise<TeamWorkloadMember[]> {
	const scopes = namedScopes(actor);
	if (scopes.length === 0) throw notFound('Sidan');
	const staff = await db
		.select({ personId: people.id, name: people.name, unitName: orgUnits.name })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(and(eq(people.active, true), inArray(people.title, [...CASEWORKER_TITLES]), pathIn(orgUnits.path, scopes)))
		.orderBy(asc(orgUnits.name), asc(people.name));
	const ids = staff.map((s) => s.personId);
	const rows = ids.length
		? await query<{ personId: string; ratedOn: string; level: number; openCases: number | null; note: string | null }>(
				db,
				sql`select person_id as "personId", rated_on::text as "ratedOn", level, open_cases as "openCases", note
				    from (select *, row_number() over (partition by person_id order by rated_on desc, created_at desc) as n
				          from workload_ratings where ${inArray(workloadRatings.personId, ids)}) latest
				    where n <= ${SERIES} order by rated_on, created_at`
			)
		: [];
	await audit(db, actor, { action: 'read.named_workload', detail: { people: new Set(rows.map((r) => r.personId)).size } });
	return staff.map((s) => {
		const ratings = rows.filter((r) => r.personId === s.personId).map(({ personId: _p, ...r }) => r);
		return { ...s, ratings, signals: workloadSignals(ratings.map((r) => r.level)) };
	});
}

// --- Above the nearest manager: months that are over, through the anonymity module -------------

export interface MonthFigures {
	/** Rated at least once in the month (their latest rating counts). */
	people: number;
	/** Share at high load (4–5); null where the module withholds the distribution. */
	shareHigh: number | null;
	/** Median rating, where at least twice the smallest group rated (discloseMedian). */
	median: number | null;
}

export interface MonthlyWorkload {
	unit: { id: string; name: string; kind: string };
	scopeRoots: { id: string; name: string }[];
	months: { month: Month; label: string }[];
	/** The unit first, then its children; one disclosed cell per month, oldest first. */
	rows: { unit: { id: string; name: string; kind: string }; isTotal: boolean; cells: DisclosedCell<MonthFigures>[] }[];
	rules: { minGroup: number };
}

interface MonthRating {
	personId: string;
	month: Month;
	level: number;
	path: string;
}

/**
 * Monthly figures per unit for the months that are over. Every closed month of the whole
 * organisation is decided in order by computeDisclosure (never a subset chosen by who asks), so
 * the decisions are the same for every reader and a month once shown stays shown.
 */
export async function monthlyWorkload(db: Db, actor: Actor, input: { unit?: string | null }, now = clockNow()): Promise<MonthlyWorkload> {
	const scopes = aggregateScopes(actor);
	const { unit, roots } = await requireUnitInScope(db, scopes, input.unit ?? null);
	// Each person's latest rating in each month, where they worked when they gave it.
	const latest = await query<MonthRating>(
		db,
		sql`select distinct on (w.person_id, to_char(w.rated_on, 'YYYY-MM'))
		       w.person_id as "personId", to_char(w.rated_on, 'YYYY-MM') as month, w.level, u.path
		    from workload_ratings w join org_units u on u.id = w.org_unit_id
		    order by w.person_id, to_char(w.rated_on, 'YYYY-MM'), w.rated_on desc, w.created_at desc`
	);
	const months = closedMonths(latest.reduce<Month | null>((first, r) => (first === null || r.month < first ? r.month : first), null), now);
	// Each month's ratings, with the units above each, read once.
	const inMonth = new Map<Month, { personId: string; level: number; unitPath: string[] }[]>(months.map((m) => [m, []]));
	for (const r of latest) inMonth.get(r.month)?.push({ personId: r.personId, level: r.level, unitPath: pathIds(r.path) });
	const respondent = (r: { personId: string; level: number; unitPath: string[] }): Respondent => ({
		personId: r.personId,
		unitPath: r.unitPath,
		// Område and titel are not dimensions of these figures: one for everyone adds no cells.
		activityArea: ACTIVITY_AREAS[0],
		title: 'socialsekreterare',
		// The rule on homogeneous groups: a group where all gave one rating would tell each one's.
		values: [r.level - 1]
	});
	const rules = anonymityRules();
	const disclosure = computeDisclosure(
		months.map((m) => ({ roundId: m, respondents: inMonth.get(m)!.map(respondent) })),
		rules
	);
	const children = await db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.parentId, unit.id), eq(orgUnits.active, true)))
		.orderBy(asc(orgUnits.name));
	const shownMonths = months.slice(-12);
	const rows = [unit, ...children].map((u) => ({
		unit: { id: u.id, name: u.name, kind: u.kind },
		isTotal: u.id === unit.id,
		cells: shownMonths.map((m) => {
			const levels = inMonth
				.get(m)!
				.filter((r) => r.unitPath.includes(u.id))
				.map((r) => r.level)
				.sort((a, b) => a - b);
			const decision = disclosure.get(m, u.id, null, null);
			const withheld = decision.hiddenStatements.length > 0;
			const figures: MonthFigures = {
				people: levels.length,
				shareHigh: withheld || levels.length === 0 ? null : levels.filter((l) => l >= HIGH_LOAD).length / levels.length,
				median: withheld ? null : discloseMedian(median(levels), levels.length, disclosure.rules)
			};
			return discloseCell(disclosure, { roundId: m, unitId: u.id, area: null, title: null }, figures);
		})
	}));
	return {
		unit: { id: unit.id, name: unit.name, kind: unit.kind },
		scopeRoots: roots.map((r) => ({ id: r.id, name: r.name })),
		months: shownMonths.map((m) => ({ month: m, label: monthLabel(m) })),
		rows,
		rules: { minGroup: disclosure.rules.minGroup }
	};
}

