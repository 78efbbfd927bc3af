/**
 * The demo enhet's own goals and a year of checklists (issue 14, part 1): three goals in the
 * spirit of the Skärholmen unit (SIP, the child's voice, the network), five checklist items, and
 * for every social worker of the enhet two to four closed investigations a month for thirteen
 * months, so tertials and a bokslut are over whatever the day. The shares improve slowly over the
 * year and differ between people. The goal on the child's voice follows the förvaltning's delmål
 * on brukardelaktighet (area 1 of the plan).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { CASEWORKER_TITLES, CLIENT_AGE_BANDS, type ChecklistAnswer } from '$lib/domain';
import { addDays, stockholmInstant } from '$lib/time';
import { todayInStockholm } from '../clock';
import type { Db } from '../db';
import { checklistAnswers, checklistItems, checklists, cityPlanAreas, cityPlanSubgoals, orgUnits, people, roleAssignments, unitGoals } from '../db/schema';
import { startsWithPattern } from '../db/paths';
import { pathIds } from '../org/service';
import { hashString, Random } from './random';

const GOALS = [
	{ title: 'Barn som behöver samordnade insatser har en SIP', expectedShare: 80, items: [{ question: 'Har en SIP upprättats när barnet behövde samordnade insatser?', base: 0.62, notApplicable: 0.55 }] },
	{
		title: 'Barnets röst hörs i utredningen',
		expectedShare: 90,
		items: [
			{ question: 'Har du träffat barnet eller ungdomen enskilt?', base: 0.84, notApplicable: 0.05 },
			{ question: 'Har du muntligt återkopplat utredningen till barnet eller ungdomen?', base: 0.7, notApplicable: 0.08 }
		]
	},
	{
		title: 'Nätverket är delaktigt',
		expectedShare: 75,
		items: [
			{ question: 'Har du använt mappning under utredningen?', base: 0.66, notApplicable: 0.04 },
			{ question: 'Har nätverket bjudits in till ett nätverksmöte?', base: 0.5, notApplicable: 0.2 }
		]
	}
];

export async function seedUnitGoals(db: Db, opts: { now: Date; unitManagerEmail: string }): Promise<void> {
	const [manager] = await db
		.select({ personId: people.id, enhetId: orgUnits.id, path: orgUnits.path })
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
		.where(and(eq(people.email, opts.unitManagerEmail), eq(roleAssignments.role, 'unit_manager'), eq(orgUnits.kind, 'enhet')));
	if (!manager) return;
	const [forvaltning] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(inArray(orgUnits.id, pathIds(manager.path)), eq(orgUnits.kind, 'forvaltning')));
	// The child's voice is brukardelaktighet: that goal follows the förvaltning's delmål of area 1, or its first delmål if it has none there.
	const [subgoal] = forvaltning
		? await db
				.select({ id: cityPlanSubgoals.id })
				.from(cityPlanSubgoals)
				.innerJoin(cityPlanAreas, eq(cityPlanAreas.id, cityPlanSubgoals.areaId))
				.where(eq(cityPlanSubgoals.forvaltningId, forvaltning.id))
				.orderBy(desc(sql`${cityPlanAreas.code} = 'user_participation'`), asc(cityPlanAreas.position), asc(cityPlanSubgoals.title))
				.limit(1)
		: [];
	const created = stockholmInstant(addDays(todayInStockholm(opts.now), -420), '09:00');

	const items: { id: string; base: number; notApplicable: number }[] = [];
	for (const [g, goal] of GOALS.entries()) {
		const [row] = await db
			.insert(unitGoals)
			.values({ orgUnitId: manager.enhetId, title: goal.title, expectedShare: goal.expectedShare, subgoalId: g === 1 ? (subgoal?.id ?? null) : null, position: g, createdBy: manager.personId, createdAt: created })
			.returning({ id: unitGoals.id });
		for (const item of goal.items) {
			const [i] = await db
				.insert(checklistItems)
				.values({ orgUnitId: manager.enhetId, goalId: row.id, question: item.question, position: items.length, createdAt: created })
				.returning({ id: checklistItems.id });
			items.push({ id: i.id, base: item.base, notApplicable: item.notApplicable });
		}
	}

	const staff = await db
		.select({ id: people.id, email: people.email, orgUnitId: people.orgUnitId })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(and(eq(people.active, true), inArray(people.title, [...CASEWORKER_TITLES]), sql`${orgUnits.path} like ${startsWithPattern(manager.path)}`))
		.orderBy(people.email);
	const random = new Random(hashString('demo-unit-goals'));
	const today = todayInStockholm(opts.now);
	const first = addDays(today, -400);
	const rows: (typeof checklists.$inferInsert)[] = [];
	const answers: (typeof checklistAnswers.$inferInsert)[] = [];
	for (const person of staff) {
		const own = random.fork(person.email);
		const skill = own.float(-0.12, 0.12);
		for (let day = addDays(first, own.int(0, 10)); day <= today; day = addDays(day, own.int(6, 14))) {
			// The unit works on it: a little better every month of the year.
			const progress = (0.12 * (Date.parse(day) - Date.parse(first))) / (400 * 86_400_000);
			const id = randomUUID();
			rows.push({
				id,
				personId: person.id,
				orgUnitId: person.orgUnitId,
				enhetId: manager.enhetId,
				closedOn: day,
				clientGender: own.chance(0.03) ? 'annat' : own.chance(0.5) ? 'flicka' : 'pojke',
				ageBand: own.pick(CLIENT_AGE_BANDS.slice(0, 4)),
				createdAt: stockholmInstant(day, '15:00'),
				updatedAt: stockholmInstant(day, '15:00')
			});
			for (const item of items) {
				const answer: ChecklistAnswer = own.chance(item.notApplicable) ? 'ej_aktuellt' : own.chance(Math.min(0.98, item.base + skill + progress)) ? 'ja' : 'nej';
				answers.push({ checklistId: id, itemId: item.id, answer });
			}
		}
	}
	for (let i = 0; i < rows.length; i += 1000) await db.insert(checklists).values(rows.slice(i, i + 1000));
	for (let i = 0; i < answers.length; i += 2000) await db.insert(checklistAnswers).values(answers.slice(i, i + 2000));
}
