import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { query, sql, type Database, type Db } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo, type DemoSummary } from './seed';

const NOW = new Date('2025-11-24T09:00:00+01:00');
const CASEWORKER = sql`p.title in ('socialsekreterare', 'bistandshandlaggare')`;

/** A digest of everything that should come out the same for the same seed. */
async function digest(db: Db): Promise<string> {
	const [row] = await query<{ units: string; people: string; answers: string }>(
		db,
		sql`select
		  (select string_agg(id::text || name || path, ',' order by path) from org_units) as units,
		  (select string_agg(id::text || name || email || employee_id || active::text, ',' order by employee_id) from people) as people,
		  (select string_agg(person_id::text || case_count || situation_score || quality_score || recommend_score
		     || coalesce(situation_comment, '') || coalesce(positive_text, '') || created_at::text, ',' order by id) from responses) as answers`
	);
	return createHash('sha256').update(`${row.units}|${row.people}|${row.answers}`).digest('hex');
}

describe(`demo organisation Exempelstad, full size (${testBackend})`, () => {
	let database: Database;
	let db: Db;
	let summary: DemoSummary;
	let ms: number;

	beforeAll(async () => {
		database = await createTestDatabase();
		db = database.db;
		const started = performance.now();
		summary = await seedDemo(db, { now: NOW });
		ms = Math.round(performance.now() - started);
		console.info(`seedDemo, full size on ${testBackend}: ${ms} ms (${JSON.stringify({ ...summary, logins: summary.logins.length })})`);
	}, 120_000);
	afterAll(() => database?.close());

	// The time is printed above for whoever looks; tests never assert on time.
	it('is seeded', () => {
		expect(summary.seeded).toBe(true);
	});

	it('has one kommun with 14 förvaltningar, each with 2–4 avdelningar', async () => {
		const kinds = await query<{ kind: string; n: number }>(db, sql`select kind::text, count(*)::int as n from org_units group by kind`);
		const count = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
		expect(count.kommun).toBe(1);
		expect(count.forvaltning).toBe(14);
		expect(count.avdelning).toBeGreaterThanOrEqual(28);
		expect(count.avdelning).toBeLessThanOrEqual(56);
		expect(count.arbetsgrupp).toBeGreaterThan(0);
		const perForvaltning = await query<{ n: number }>(
			db,
			sql`select count(a.id)::int as n from org_units f join org_units a on a.parent_id = f.id
			    where f.kind = 'forvaltning' group by f.id`
		);
		for (const { n } of perForvaltning) expect(n).toBeGreaterThanOrEqual(2);
		for (const { n } of perForvaltning) expect(n).toBeLessThanOrEqual(4);
		// Every enhet works in one verksamhetsområde, and every förvaltning covers all six.
		const [missing] = await query<{ n: number }>(db, sql`select count(*)::int as n from org_units where kind = 'enhet' and activity_area is null`);
		expect(missing.n).toBe(0);
		const areas = await query<{ n: number }>(
			db,
			sql`select count(distinct e.activity_area)::int as n from org_units f
			    join org_units e on e.path like f.path || '%' and e.kind = 'enhet'
			    where f.kind = 'forvaltning' group by f.id`
		);
		expect(areas.map((a) => a.n)).toEqual(Array(14).fill(6));
	});

	it('has ~1 500 active handläggare with realistic titles and genders', async () => {
		const [staff] = await query<{ n: number; women: number; men: number; other: number; mismatched: number }>(
			db,
			sql`select count(*)::int as n,
			      count(*) filter (where p.gender = 'kvinna')::int as women,
			      count(*) filter (where p.gender = 'man')::int as men,
			      count(*) filter (where p.gender = 'annat')::int as other,
			      count(*) filter (where p.activity_area is distinct from e.activity_area)::int as mismatched
			    from people p join org_units u on u.id = p.org_unit_id
			    join org_units e on e.kind = 'enhet' and u.path like e.path || '%'
			    where p.active and ${CASEWORKER}`
		);
		expect(staff.n).toBeGreaterThanOrEqual(1275);
		expect(staff.n).toBeLessThanOrEqual(1725);
		expect(staff.mismatched).toBe(0);
		expect(staff.women / staff.n).toBeGreaterThan(0.74);
		expect(staff.women / staff.n).toBeLessThan(0.86);
		expect(staff.men / staff.n).toBeGreaterThan(0.12);
		expect(staff.other).toBeGreaterThan(0);
		const titles = await query<{ area: string; title: string; n: number }>(
			db,
			sql`select p.activity_area::text as area, p.title::text as title, count(*)::int as n from people p
			    where p.active and ${CASEWORKER} group by 1, 2`
		);
		const n = (area: string, title: string) => titles.find((t) => t.area === area && t.title === title)?.n ?? 0;
		expect(n('barn_och_unga', 'bistandshandlaggare')).toBe(0);
		expect(n('aldreomsorg', 'bistandshandlaggare')).toBeGreaterThan(5 * n('aldreomsorg', 'socialsekreterare'));
		expect(n('aldreomsorg', 'socialsekreterare') + n('funktionsnedsattning', 'socialsekreterare')).toBeGreaterThan(0);
	});

	it('has enheter of realistic and of too small sizes', async () => {
		const sizes = await query<{ n: number }>(
			db,
			sql`select count(p.id)::int as n from org_units e
			    join org_units u on u.path like e.path || '%'
			    left join people p on p.org_unit_id = u.id and p.active and ${CASEWORKER}
			    where e.kind = 'enhet' group by e.id`
		);
		const tiny = sizes.filter((s) => s.n < 5).length;
		const normal = sizes.filter((s) => s.n >= 6 && s.n <= 15).length;
		const large = sizes.filter((s) => s.n >= 20).length;
		expect(tiny).toBeGreaterThan(2);
		expect(normal).toBeGreaterThan(sizes.length / 2);
		expect(large).toBeGreaterThan(5);
		expect(Math.min(...sizes.map((s) => s.n))).toBeGreaterThanOrEqual(2);
	});

	it('has a manager on every unit and the steering roles', async () => {
		const unmanaged = await query<{ kind: string; name: string }>(
			db,
			sql`select u.kind::text, u.name from org_units u
			    where not exists (
			      select 1 from role_assignments ra join people p on p.id = ra.person_id
			      where ra.org_unit_id = u.id and p.org_unit_id = u.id and p.active
			        and ra.role = case u.kind when 'enhet' then 'unit_manager'::role when 'arbetsgrupp' then 'deputy_unit_manager'::role
			                      when 'avdelning' then 'department_manager'::role when 'forvaltning' then 'local_steering'::role
			                      else 'central_steering'::role end)`
		);
		expect(unmanaged).toEqual([]);
		const roles = await query<{ role: string; kind: string; n: number }>(
			db,
			sql`select ra.role::text, u.kind::text, count(*)::int as n from role_assignments ra
			    join org_units u on u.id = ra.org_unit_id group by 1, 2`
		);
		const n = (role: string) => roles.filter((r) => r.role === role).reduce((s, r) => s + r.n, 0);
		expect(n('local_steering')).toBe(28);
		expect(n('central_steering')).toBe(2);
		expect(n('admin')).toBe(1);
		expect(roles.find((r) => r.role === 'admin')?.kind).toBe('kommun');
		const [chefs] = await query<{ n: number; wrong: number }>(
			db,
			sql`select count(*)::int as n, count(*) filter (where p.title not in ('chef', 'ovrig'))::int as wrong
			    from people p join role_assignments ra on ra.person_id = p.id where ra.role <> 'mentor'`
		);
		expect(chefs.wrong).toBe(0);
		// The mentor role (issue 14) is a handläggare's: the demo socialsekreterare and a colleague in her enhet.
		expect(n('mentor')).toBe(2);
	});

	it('has demo logins that form one chain, all with the password "demo"', async () => {
		const rows = await query<{
			email: string;
			name: string;
			title: string;
			area: string | null;
			unitId: string;
			unitPath: string;
			unitKind: string;
			unitArea: string | null;
			role: string | null;
			roleUnitId: string | null;
			roleUnitKind: string | null;
			passwordHash: string;
		}>(
			db,
			sql`select p.email, p.name, p.title::text as title, p.activity_area::text as area, p.org_unit_id as "unitId",
			       u.path as "unitPath", u.kind::text as "unitKind", u.activity_area::text as "unitArea",
			       ra.role::text as role, ra.org_unit_id as "roleUnitId", ru.kind::text as "roleUnitKind", p.password_hash as "passwordHash"
			    from people p join org_units u on u.id = p.org_unit_id
			    left join role_assignments ra on ra.person_id = p.id
			    left join org_units ru on ru.id = ra.org_unit_id
			    where p.email in (${sql.join(
						DEMO_LOGINS.map((l) => sql`${l.email}`),
						sql`, `
					)})`
		);
		expect(rows).toHaveLength(DEMO_LOGINS.length);
		const by = Object.fromEntries(rows.map((r) => [r.email.split('@')[0], r]));
		for (const login of DEMO_LOGINS) expect(rows.find((r) => r.email === login.email)?.name).toBe(login.name);

		const soc = by['socialsekreterare'];
		// Her only role: mentor of the new employees in her enhet (issue 14), which opens nothing else.
		expect(soc).toMatchObject({ title: 'socialsekreterare', area: 'barn_och_unga', unitKind: 'arbetsgrupp', role: 'mentor', roleUnitId: by['enhetschef'].roleUnitId });
		expect(by['bitr.enhetschef']).toMatchObject({ role: 'deputy_unit_manager', roleUnitId: soc.unitId, unitId: soc.unitId });
		const chain: [string, string, string][] = [
			['enhetschef', 'unit_manager', 'enhet'],
			['avdelningschef', 'department_manager', 'avdelning'],
			['styrgrupp', 'local_steering', 'forvaltning'],
			['central.styrgrupp', 'central_steering', 'kommun'],
			['admin', 'admin', 'kommun'],
			['facklig', 'union_representative', 'forvaltning'],
			['foljeforskare', 'researcher', 'kommun']
		];
		for (const [who, role, kind] of chain) {
			expect(by[who]).toMatchObject({ role, roleUnitKind: kind, unitId: by[who].roleUnitId });
			expect(soc.unitPath).toContain(`/${by[who].roleUnitId}/`);
		}
		expect(by['enhetschef'].area).toBe('barn_och_unga');

		const bist = by['bistandshandlaggare'];
		expect(bist).toMatchObject({ title: 'bistandshandlaggare', area: 'aldreomsorg', unitArea: 'aldreomsorg', role: null });
		expect(bist.unitPath).toContain(`/${by['styrgrupp'].roleUnitId}/`);

		// One hash for all; check it once (Argon2 is slow on purpose).
		expect(new Set(rows.map((r) => r.passwordHash)).size).toBe(1);
		expect(await verifyPassword(soc.passwordHash, DEMO_PASSWORD)).toBe(true);
	});

	it('puts a too-small enhet and several normal ones in the demo avdelning', async () => {
		const sizes = await query<{ name: string; n: number }>(
			db,
			sql`select e.name, count(p.id)::int as n
			    from people chef join role_assignments ra on ra.person_id = chef.id and ra.role = 'department_manager'
			    join org_units e on e.parent_id = ra.org_unit_id and e.kind = 'enhet'
			    join org_units u on u.path like e.path || '%'
			    left join people p on p.org_unit_id = u.id and p.active and ${CASEWORKER}
			    where chef.email = 'avdelningschef@exempelstad.se'
			    group by e.id, e.name`
		);
		expect(sizes.some((s) => s.n < 5)).toBe(true);
		expect(sizes.filter((s) => s.n >= 5).length).toBeGreaterThanOrEqual(2);
	});

	it('has six closed rounds from VB 2016 to T2 2019 and one open round', async () => {
		const list = await query<{ name: string; status: string; units: number }>(
			db,
			sql`select r.name, r.status::text as status, count(ru.org_unit_id)::int as units
			    from rounds r join round_units ru on ru.round_id = r.id group by r.id order by r.opens_at`
		);
		expect(list.map((r) => r.name)).toEqual(['VB 2016', 'T2 2017', 'VB 2017', 'T2 2018', 'VB 2018', 'T2 2019', 'VB 2025']);
		expect(list.map((r) => r.status)).toEqual([...Array(6).fill('closed'), 'open']);
		expect(list.every((r) => r.units === 14)).toBe(true);
		const [open] = await query<{ opens: string; closes: string }>(
			db,
			sql`select opens_at as opens, closes_at as closes from rounds where status = 'open'`
		);
		expect(new Date(open.opens).getTime()).toBe(NOW.getTime() - 10 * 86_400_000);
		expect(new Date(open.closes).getTime()).toBe(NOW.getTime() + 16 * 86_400_000);
	});

	it('has members and plausible answers in every round', async () => {
		const stats = await query<{
			name: string;
			members: number;
			answers: number;
			mean: number;
			lowest: number;
			highest: number;
			commented: number;
			positive: number;
		}>(
			db,
			sql`select r.name,
			      (select count(*)::int from round_members m where m.round_id = r.id) as members,
			      count(a.id)::int as answers,
			      avg(a.situation_score)::float as mean,
			      min(least(a.situation_score, a.quality_score, a.recommend_score))::int as lowest,
			      max(greatest(a.situation_score, a.quality_score, a.recommend_score))::int as highest,
			      count(a.situation_comment)::int as commented,
			      count(a.positive_text)::int as positive
			    from rounds r left join responses a on a.round_id = r.id
			    group by r.id order by r.opens_at`
		);
		const vb2016 = stats[0];
		const t22019 = stats[5];
		expect(vb2016.mean).toBeGreaterThan(2.9);
		expect(vb2016.mean).toBeLessThan(3.6);
		expect(t22019.mean).toBeGreaterThan(3.8);
		expect(t22019.mean).toBeLessThan(4.5);
		expect(t22019.mean - vb2016.mean).toBeGreaterThan(0.5);
		for (const s of stats) {
			expect(s.lowest).toBeGreaterThanOrEqual(1);
			expect(s.highest).toBeLessThanOrEqual(6);
			expect(s.members).toBeGreaterThan(1200);
		}
		for (const s of stats.slice(0, 6)) {
			expect(s.answers / s.members).toBeGreaterThan(0.78);
			expect(s.answers / s.members).toBeLessThan(0.93);
			expect(s.commented / s.answers).toBeGreaterThan(0.33);
			expect(s.commented / s.answers).toBeLessThan(0.47);
			expect(s.positive / s.answers).toBeGreaterThan(0.53);
			expect(s.positive / s.answers).toBeLessThan(0.67);
		}
		const open = stats[6];
		expect(open.answers / open.members).toBeGreaterThan(0.28);
		expect(open.answers / open.members).toBeLessThan(0.42);
		// Answers carry the member's unit, title and area.
		const [mismatch] = await query<{ n: number }>(
			db,
			sql`select count(*)::int as n from responses a
			    left join round_members m on m.round_id = a.round_id and m.person_id = a.person_id
			    where m.person_id is null or m.org_unit_id <> a.org_unit_id or m.title <> a.title or m.activity_area <> a.activity_area`
		);
		expect(mismatch.n).toBe(0);
	});

	it('varies by förvaltning (one gets worse) and has falling, area-typical caseloads', async () => {
		const trend = await query<{ first: number; last: number }>(
			db,
			sql`select avg(a.situation_score) filter (where r.name = 'VB 2016')::float as first,
			           avg(a.situation_score) filter (where r.name = 'T2 2019')::float as last
			    from responses a join rounds r on r.id = a.round_id
			    join org_units u on u.id = a.org_unit_id
			    join org_units f on f.kind = 'forvaltning' and u.path like f.path || '%'
			    group by f.id`
		);
		expect(trend.filter((t) => t.last < t.first - 0.3)).toHaveLength(1);
		const cases = await query<{ area: string; first: number; last: number }>(
			db,
			sql`select a.activity_area::text as area,
			           avg(a.case_count) filter (where r.name = 'VB 2016')::float as first,
			           avg(a.case_count) filter (where r.name = 'T2 2019')::float as last
			    from responses a join rounds r on r.id = a.round_id
			    where a.title = (case when a.activity_area in ('aldreomsorg', 'funktionsnedsattning') then 'bistandshandlaggare' else 'socialsekreterare' end)::title
			    group by 1`
		);
		const area = Object.fromEntries(cases.map((c) => [c.area, c]));
		expect(area.barn_och_unga.first).toBeGreaterThan(12);
		expect(area.barn_och_unga.first).toBeLessThan(25);
		expect(area.ekonomiskt_bistand.first).toBeGreaterThan(60);
		expect(area.ekonomiskt_bistand.first).toBeLessThan(110);
		expect(area.aldreomsorg.first).toBeGreaterThan(80);
		expect(area.aldreomsorg.first).toBeLessThan(140);
		for (const c of cases) expect(c.last).toBeLessThan(c.first);
	});

	it('replaces staff between rounds and keeps the answers of those who left', async () => {
		const [left] = await query<{ n: number; without: number; answered: number }>(
			db,
			sql`select count(*)::int as n,
			      count(*) filter (where p.deactivated_at is null)::int as without,
			      count(*) filter (where exists (select 1 from responses a where a.person_id = p.id))::int as answered
			    from people p where not p.active and ${CASEWORKER}`
		);
		// ~12 % of ~1 500 seats change hands at each of six transitions.
		expect(left.n).toBeGreaterThan(700);
		expect(left.n).toBeLessThan(1500);
		expect(left.without).toBe(0);
		expect(left.answered).toBeGreaterThan(left.n * 0.8);
		const [notInOpen] = await query<{ n: number }>(
			db,
			sql`select count(*)::int as n from round_members m join rounds r on r.id = m.round_id
			    join people p on p.id = m.person_id where r.status = 'open' and not p.active`
		);
		expect(notInOpen.n).toBe(0);
	});

	it('leaves the open round unanswered for the demo handläggare, with their history in place', async () => {
		const rows = await query<{ email: string; member: boolean; answered: boolean; past: number }>(
			db,
			sql`select p.email,
			      exists (select 1 from round_members m where m.round_id = r.id and m.person_id = p.id) as member,
			      exists (select 1 from responses a where a.round_id = r.id and a.person_id = p.id) as answered,
			      (select count(*)::int from responses a join rounds pr on pr.id = a.round_id
			       where a.person_id = p.id and pr.status = 'closed') as past
			    from people p cross join rounds r
			    where r.status = 'open' and p.email in ('socialsekreterare@exempelstad.se', 'bistandshandlaggare@exempelstad.se')`
		);
		expect(rows).toHaveLength(2);
		for (const row of rows) expect(row).toMatchObject({ member: true, answered: false, past: 6 });
	});

	it('has a followed-up group plan for the enhetschef’s enhet after the round before the latest, with the group’s disclosed total', async () => {
		const rows = await query<{ unit: string; round: string; status: string; shown: boolean; actions: number; comments: number }>(
			db,
			sql`select u.name as unit, r.name as round, g.status::text as status, (g.results->>'shown')::boolean as shown,
			       (select count(*)::int from group_plan_actions a where a.group_plan_id = g.id) as actions,
			       (select count(*)::int from group_plan_comments c where c.group_plan_id = g.id) as comments
			    from group_plans g join org_units u on u.id = g.org_unit_id join rounds r on r.id = g.round_id`
		);
		expect(rows).toEqual([{ unit: expect.any(String), round: 'VB 2018', status: 'followed_up', shown: true, actions: 2, comments: 1 }]);
	});

	it('has unique ASCII e-mail addresses', async () => {
		const [emails] = await query<{ n: number; distinct: number; odd: number }>(
			db,
			sql`select count(*)::int as n, count(distinct email)::int as distinct,
			      count(*) filter (where email !~ '^[a-z0-9.-]+@exempelstad\\.se$')::int as odd from people`
		);
		expect(emails.distinct).toBe(emails.n);
		expect(emails.odd).toBe(0);
	});

	it('does nothing when run again', async () => {
		const again = await seedDemo(db, { now: NOW });
		expect(again.seeded).toBe(false);
		expect({ ...again, seeded: true }).toEqual(summary);
	});
});

describe(`demo organisation Exempelstad, small and deterministic (${testBackend})`, () => {
	const opened: Database[] = [];
	const seedInto = async (seed: number) => {
		const database = await createTestDatabase();
		opened.push(database);
		const summary = await seedDemo(database.db, { staffTarget: 150, now: NOW, seed });
		return { summary, digest: await digest(database.db) };
	};
	afterAll(async () => {
		for (const database of opened) await database.close();
	});

	it('gives the same data for the same seed and other data for another seed', async () => {
		const a = await seedInto(7);
		const b = await seedInto(7);
		const c = await seedInto(8);
		expect(a.summary.seeded).toBe(true);
		expect(b.summary).toEqual(a.summary);
		expect(b.digest).toBe(a.digest);
		expect(c.digest).not.toBe(a.digest);
		// The staff target shrinks the organisation but keeps its shape.
		const [staff] = await query<{ n: number; forvaltningar: number }>(
			opened[0].db,
			sql`select (select count(*)::int from people p where p.active and ${CASEWORKER}) as n,
			           (select count(*)::int from org_units where kind = 'forvaltning') as forvaltningar`
		);
		expect(staff.forvaltningar).toBe(14);
		expect(staff.n).toBeLessThan(600);
	}, 120_000);
});
