/**
 * The demo's workload ratings between the rounds (issue 14): thirteen months of ratings for every social
 * worker in the avdelningschef's avdelning, every one to two weeks, each person with a level of
 * their own that drifts. In the enhetschef's own staff one colleague has rated high three times
 * running and another has jumped two steps, so the manager's view shows its signals. The demo
 * socialsekreterare last rated more than a week ago, so the start page asks this week's question.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { CASEWORKER_TITLES } from '$lib/domain';
import { addDays, stockholmInstant } from '$lib/time';
import { todayInStockholm } from '../clock';
import type { Db } from '../db';
import { orgUnits, people, roleAssignments, workloadRatings } from '../db/schema';
import { startsWithPattern } from '../db/paths';
import { hashString, Random } from './random';

export async function seedWorkload(db: Db, opts: { now: Date; departmentManagerEmail: string; unitManagerEmail: string; caseworkerEmail: string }): Promise<void> {
	const scopeOf = async (email: string, role: 'department_manager' | 'unit_manager') => {
		const [row] = await db
			.select({ path: orgUnits.path })
			.from(roleAssignments)
			.innerJoin(people, eq(people.id, roleAssignments.personId))
			.innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
			.where(and(eq(people.email, email), eq(roleAssignments.role, role)));
		return row?.path ?? null;
	};
	const avdelning = await scopeOf(opts.departmentManagerEmail, 'department_manager');
	const enhet = await scopeOf(opts.unitManagerEmail, 'unit_manager');
	if (!avdelning) return;
	const staff = await db
		.select({ id: people.id, email: people.email, orgUnitId: people.orgUnitId, path: orgUnits.path })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(and(eq(people.active, true), inArray(people.title, [...CASEWORKER_TITLES]), sql`${orgUnits.path} like ${startsWithPattern(avdelning)}`))
		.orderBy(people.email);
	const random = new Random(hashString('demo-workload'));
	const today = todayInStockholm(opts.now);
	const colleagues = staff.filter((p) => enhet && p.path.startsWith(enhet) && p.email !== opts.caseworkerEmail);
	const [highThree, jumped] = colleagues;
	const rows: (typeof workloadRatings.$inferInsert)[] = [];
	for (const person of staff) {
		const own = random.fork(person.email);
		const base = own.float(2.0, 3.7);
		const levels: { day: string; level: number }[] = [];
		// The demo socialsekreterare's latest rating is 9–12 days old: this week's question is open.
		let day = addDays(today, person.email === opts.caseworkerEmail ? -own.int(9, 12) : -own.int(0, 6));
		// A little over a year, so that twelve months are over whatever the day.
		const first = addDays(today, -400);
		let drift = 0;
		while (day >= first) {
			drift = Math.max(-1.2, Math.min(1.2, drift + own.float(-0.5, 0.5)));
			levels.push({ day, level: Math.max(1, Math.min(5, Math.round(base + drift))) });
			day = addDays(day, -own.int(7, 14));
		}
		levels.reverse();
		if (person === highThree) levels.slice(-3).forEach((l, i) => (l.level = [4, 5, 5][i]));
		if (person === jumped && levels.length >= 2) {
			levels[levels.length - 2].level = 2;
			levels[levels.length - 1].level = 4;
		}
		for (const { day: ratedOn, level } of levels) {
			rows.push({
				personId: person.id,
				orgUnitId: person.orgUnitId,
				level,
				openCases: own.chance(0.6) ? own.int(12, 34) : null,
				note: level >= 5 && own.chance(0.5) ? own.pick(['Många akuta ärenden den här veckan.', 'Två kollegor sjuka, jag har tagit över deras ärenden.', 'Hinner inte dokumentera.']) : null,
				ratedOn,
				createdAt: stockholmInstant(ratedOn, '09:00')
			});
		}
	}
	for (let i = 0; i < rows.length; i += 1000) await db.insert(workloadRatings).values(rows.slice(i, i + 1000));
}
