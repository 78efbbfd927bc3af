/**
 * Individual action plans seen from above: reminders for the manager whose follow-up dates have
 * passed, and counts — never names — of plans per status reported upward per unit.
 *
 * The counts pass the anonymity module like every other figure: each status is treated as a
 * "round" whose respondents are the people with a plan in that status, and every unit's count
 * is a cell decided by computeDisclosure over the whole organisation (so the decision never
 * depends on who asks) and shown only through discloseCount. A count about fewer than
 * ANONYMITY_MIN_GROUP people is not shown, nor one that would let a hidden count be computed
 * from the others. Only unit totals are shown; the område/titel dimensions are not used, so
 * every respondent carries the same placeholder values for them.
 */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { INDIVIDUAL_PLAN_STATUSES, type IndividualPlanStatus } from '$lib/domain';
import type { Actor } from '../access/actor';
import { requireUnitInScope } from '../access/gate';
import { aggregateScopes, within } from '../access/policy';
import { anonymityRules, computeDisclosure, discloseCount, type DisclosedCount, type Respondent } from '../anonymity';
import type { Db } from '../db';
import { query } from '../db/client';
import { individualPlans, orgUnits, people } from '../db/schema';
import { now as clockNow, todayInStockholm } from '../clock';
import { pathIds } from '../org/service';

/** Plans the manager follows up whose follow-up date has passed, oldest first. */
export async function overdueIndividualPlanFollowUps(db: Db, actor: Actor, now = clockNow()) {
	return db
		.select({ id: individualPlans.id, followUpOn: individualPlans.followUpOn, status: individualPlans.status, employeeName: people.name })
		.from(individualPlans)
		.innerJoin(people, eq(people.id, individualPlans.personId))
		.where(
			and(
				eq(individualPlans.managerId, actor.personId),
				inArray(individualPlans.status, ['offered', 'active']),
				lt(individualPlans.followUpOn, todayInStockholm(now))
			)
		)
		.orderBy(asc(individualPlans.followUpOn));
}

const roundIdOf = (status: IndividualPlanStatus) => `plans:${status}`;

/** The same placeholder for everyone: only unit totals are shown. */
const PLACEHOLDER = { activityArea: 'barn_och_unga', title: 'socialsekreterare' } as const;

export interface CountRow {
	unit: { id: string; name: string; kind: string };
	isTotal: boolean;
	cells: Record<IndividualPlanStatus, DisclosedCount<{ plans: number }>>;
}

export async function individualPlanCounts(db: Db, actor: Actor, input: { unit?: string | null } = {}) {
	const scopes = aggregateScopes(actor);
	const { unit } = await requireUnitInScope(db, scopes, input.unit);
	const children = await db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.parentId, unit.id), eq(orgUnits.active, true)))
		.orderBy(asc(orgUnits.name));

	// Every plan in the organisation, with the person's unit: the disclosure must not depend on the caller.
	const plans = await query<{ personId: string; status: IndividualPlanStatus; path: string; plans: number }>(
		db,
		sql`select ap.person_id as "personId", ap.status, u.path, count(*)::int as plans
		    from individual_plans ap join people p on p.id = ap.person_id join org_units u on u.id = p.org_unit_id
		    group by ap.person_id, ap.status, u.path
		    order by ap.person_id`
	);
	const rules = anonymityRules();
	const disclosure = computeDisclosure(
		INDIVIDUAL_PLAN_STATUSES.map((status) => ({
			roundId: roundIdOf(status),
			respondents: plans
				.filter((p) => p.status === status)
				.map((p): Respondent => ({ personId: p.personId, unitPath: pathIds(p.path), ...PLACEHOLDER }))
		})),
		rules
	);

	const rows: CountRow[] = [unit, ...children].map((u) => ({
		unit: { id: u.id, name: u.name, kind: u.kind },
		isTotal: u.id === unit.id,
		cells: Object.fromEntries(
			INDIVIDUAL_PLAN_STATUSES.map((status) => {
				const count = plans.filter((p) => p.status === status && p.path.startsWith(u.path)).reduce((n, p) => n + p.plans, 0);
				return [status, discloseCount(disclosure, { roundId: roundIdOf(status), unitId: u.id, area: null, title: null }, { plans: count }, 'plans')];
			})
		) as CountRow['cells']
	}));

	const ancestors = await db.select().from(orgUnits).where(inArray(orgUnits.id, pathIds(unit.path)));
	const breadcrumbs = pathIds(unit.path)
		.map((id) => ancestors.find((a) => a.id === id))
		.filter((a): a is typeof unit => a !== undefined && within(a.path, scopes))
		.map((a) => ({ id: a.id, name: a.name }));
	return { unit: { id: unit.id, name: unit.name, kind: unit.kind }, breadcrumbs, rows, rules: { minGroup: rules.minGroup } };
}
