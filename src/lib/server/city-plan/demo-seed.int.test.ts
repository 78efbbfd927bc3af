/** The demo data of the plan (seed-city-plan.ts): a year of work in four förvaltningar, kept clear of what the browser tests use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, sql, type Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { seedDemo } from '../demo/seed';

const NOW = new Date('2025-11-24T09:00:00+01:00');

describe(`the plan's demo data (${testBackend})`, () => {
	let database: Database;
	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db, { staffTarget: 300, now: NOW });
	}, 120_000);
	afterAll(() => database?.close());

	it('has a year of work in the active förvaltningar and a little in the others', async () => {
		const rows = await query<{ name: string; states: number; goals: number; activities: number; followups: number; suggestions: number }>(
			database.db,
			sql`select f.name,
			      (select count(*)::int from city_plan_area_states s where s.forvaltning_id = f.id) as states,
			      (select count(*)::int from city_plan_subgoals s where s.forvaltning_id = f.id) as goals,
			      (select count(*)::int from city_plan_activities s where s.forvaltning_id = f.id) as activities,
			      (select count(*)::int from city_plan_follow_ups s where s.forvaltning_id = f.id) as followups,
			      (select count(*)::int from city_plan_suggestions s where s.forvaltning_id = f.id) as suggestions
			    from org_units f where f.kind = 'forvaltning' order by f.name`
		);
		const norrvik = rows.find((r) => r.name === 'Norrviks stadsdelsförvaltning')!;
		expect(norrvik.states).toBeGreaterThanOrEqual(6);
		expect(norrvik.goals).toBeGreaterThan(3);
		expect(norrvik.activities).toBeGreaterThan(3);
		expect(norrvik.followups).toBeGreaterThan(3);
		expect(norrvik.suggestions).toBeGreaterThan(2);
		expect(rows.filter((r) => r.goals > 0)).toHaveLength(4);
		expect(rows.filter((r) => r.states > 0).length).toBeGreaterThan(8);
		// Every change lies within the year before "now".
		const [range] = await query<{ first: Date; last: Date }>(database.db, sql`select min(at) as first, max(at) as last from city_plan_changes`);
		expect(new Date(range.first).getTime()).toBeGreaterThan(NOW.getTime() - 366 * 86400_000);
		expect(new Date(range.last).getTime()).toBeLessThanOrEqual(NOW.getTime());
	});

	it('leaves the browser tests’ starting points alone', async () => {
		const [clean] = await query<{ n: number; plans: number }>(
			database.db,
			sql`select (select count(*)::int from city_plan_area_states s join city_plan_areas a on a.id = s.area_id join org_units f on f.id = s.forvaltning_id
			            where a.code = 'co_handling' and f.name = 'Norrviks stadsdelsförvaltning') as n,
			           (select count(*)::int from individual_plans ap join people p on p.id = ap.person_id
			            where p.email in ('socialsekreterare@exempelstad.se', 'bistandshandlaggare@exempelstad.se')) as plans`
		);
		expect(clean).toEqual({ n: 0, plans: 0 });
	});

	it('gives the demo enhetschef an overdue individual action plan to follow up', async () => {
		const [row] = await query<{ overdue: number; total: number }>(
			database.db,
			sql`select count(*) filter (where ap.follow_up_on < ${NOW.toISOString().slice(0, 10)}::date and ap.status in ('offered', 'active'))::int as overdue,
			           (select count(*)::int from individual_plans) as total
			    from individual_plans ap join people m on m.id = ap.manager_id where m.email = 'enhetschef@exempelstad.se'`
		);
		expect(row.overdue).toBe(1);
		expect(row.total).toBeGreaterThan(10);
	});
});
