/**
 * The demo's introduction programmes (issue 14, part 3): the enhetschef's enhet has a template
 * after the source document (the city's six-day course, Signs of Safety basics led by the mentors,
 * weekly then fortnightly case reviews with the biträdande enhetschef, six months), two mentors (the
 * demo socialsekreterare and a colleague), two new employees who log in with password "demo" (one on
 * track, one behind), a colleague who finished last year's programme, and students and trainees for
 * the enheter of the avdelning over four semesters.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { CASEWORKER_TITLES } from '$lib/domain';
import { addDays, stockholmInstant } from '$lib/time';
import { todayInStockholm } from '../clock';
import type { Db } from '../db';
import { startsWithPattern } from '../db/paths';
import { introductionNotes, introductions, introductionSteps, introductionTemplateSteps, orgUnits, people, placements, roleAssignments } from '../db/schema';
import { introductionEnd, semesterOf, stepDueDate } from '../introductions/rules';
import { insertPerson } from './factories';
import { hashString, Random } from './random';

/** The two new employees, as the browser tests log in. */
export const DEMO_NEW_EMPLOYEES = [
	{ email: 'nyanstalld@exempelstad.se', name: 'Elin Sandberg', weeksIn: 5 },
	{ email: 'nyanstalld2@exempelstad.se', name: 'Omar Haddad', weeksIn: 11 }
] as const;

const TEMPLATE: { title: string; dueWeek: number }[] = [
	{ title: 'Välkomstsamtal med enhetschefen', dueWeek: 1 },
	{ title: 'Genomgång av rutiner, dokumentation och ärendesystem med mentorn', dueWeek: 2 },
	{ title: 'Ärendegenomgång med biträdande enhetschef varje vecka, första månaden', dueWeek: 4 },
	{ title: 'Stadens introduktionskurs för nya socialsekreterare (sex dagar)', dueWeek: 8 },
	{ title: 'Signs of Safety grundkurs, med enhetens mentorer', dueWeek: 10 },
	{ title: 'Uppföljningssamtal efter tre månader', dueWeek: 13 },
	{ title: 'Ärendegenomgång med biträdande enhetschef varannan vecka, månad 2–6', dueWeek: 26 },
	{ title: 'Avslutande samtal efter sex månader', dueWeek: 26 }
];

export async function seedIntroductions(
	db: Db,
	opts: { now: Date; unitManagerEmail: string; caseworkerEmail: string; departmentManagerEmail: string; loginEmails: string[]; passwordHash: string | null }
): Promise<void> {
	const unitOf = async (email: string, role: 'unit_manager' | 'department_manager') => {
		const [row] = await db
			.select({ id: orgUnits.id, path: orgUnits.path, personId: people.id })
			.from(roleAssignments)
			.innerJoin(people, eq(people.id, roleAssignments.personId))
			.innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
			.where(and(eq(people.email, email), eq(roleAssignments.role, role)));
		return row ?? null;
	};
	const enhet = await unitOf(opts.unitManagerEmail, 'unit_manager');
	const [sara] = await db.select({ id: people.id, orgUnitId: people.orgUnitId }).from(people).where(eq(people.email, opts.caseworkerEmail));
	if (!enhet || !sara) return;
	const today = todayInStockholm(opts.now);
	const random = new Random(hashString('demo-introductions'));
	const at = (day: string) => stockholmInstant(day, '10:00');

	await db.insert(introductionTemplateSteps).values(TEMPLATE.map((s, position) => ({ orgUnitId: enhet.id, ...s, position, createdAt: at(addDays(today, -420)) })));

	// The enhet's colleagues (no demo logins): the second mentor and the one who finished.
	const colleagues = await db
		.select({ id: people.id, email: people.email })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(and(eq(people.active, true), inArray(people.title, [...CASEWORKER_TITLES]), sql`${orgUnits.path} like ${startsWithPattern(enhet.path)}`))
		.orderBy(asc(people.email));
	const others = colleagues.filter((c) => !opts.loginEmails.includes(c.email));
	const [secondMentor, finished] = others;
	const mentorSince = addDays(today, -500);
	await db.insert(roleAssignments).values([sara, secondMentor].filter(Boolean).map((m) => ({ personId: m.id, orgUnitId: enhet.id, role: 'mentor' as const, validFrom: mentorSince })));

	const start = async (personId: string, mentorId: string, startDate: string, doneThrough: (dueWeek: number, i: number) => boolean, notes: { by: string; body: string; daysIn: number }[]) => {
		const [intro] = await db
			.insert(introductions)
			.values({ personId, orgUnitId: enhet.id, startDate, endDate: introductionEnd(startDate), mentorId, createdBy: enhet.personId, createdAt: at(addDays(startDate, -7)) })
			.returning({ id: introductions.id });
		const steps = TEMPLATE.map((s, position) => {
			const done = doneThrough(s.dueWeek, position);
			const doneOn = done ? [addDays(stepDueDate(startDate, s.dueWeek), -random.int(0, 5)), today].sort()[0] : null;
			return { introductionId: intro.id, title: s.title, dueWeek: s.dueWeek, position, doneOn, doneBy: done ? (random.chance(0.5) ? personId : mentorId) : null, createdAt: at(addDays(startDate, -7)) };
		});
		await db.insert(introductionSteps).values(steps);
		const completed = steps.every((s) => s.doneOn) ? steps.map((s) => s.doneOn!).sort().at(-1)! : null;
		if (completed) await db.update(introductions).set({ completedOn: completed }).where(eq(introductions.id, intro.id));
		if (notes.length) {
			await db.insert(introductionNotes).values(notes.map((n) => ({ introductionId: intro.id, authorId: n.by, body: n.body, createdAt: at(addDays(startDate, n.daysIn)) })));
		}
	};

	// The two new employees, in the demo socialsekreterare's group; she mentors both.
	for (const [i, newcomer] of DEMO_NEW_EMPLOYEES.entries()) {
		const startDate = addDays(today, -7 * newcomer.weeksIn + 3);
		const person = await insertPerson(db, {
			id: random.fork(newcomer.email).uuid(),
			orgUnitId: sara.orgUnitId,
			name: newcomer.name,
			email: newcomer.email,
			title: 'socialsekreterare',
			gender: i === 0 ? 'kvinna' : 'man',
			employeeId: `NY-${i + 1}`,
			passwordHash: opts.passwordHash,
			createdAt: at(addDays(startDate, -14))
		});
		const weeksIn = newcomer.weeksIn;
		// The first is on track: every step whose week is over is done. The second is behind: the course and Signs of Safety are not.
		const done = i === 0 ? (week: number) => week < weeksIn : (week: number) => week <= 4;
		await start(person.id, sara.id, startDate, done, [
			{ by: sara.id, body: 'Gick igenom dokumentationsrutinerna och vår mall för utredningsplaner.', daysIn: 9 },
			...(i === 1 ? [{ by: person.id, body: 'Introduktionskursen var fullbokad i höstas, jag står på tur till nästa omgång.', daysIn: 50 }] : [])
		]);
	}
	// A colleague who started last year and finished within the six months.
	if (finished && secondMentor) await start(finished.id, secondMentor.id, addDays(today, -300), () => true, [{ by: secondMentor.id, body: 'Klar med introduktionen, bra jobbat!', daysIn: 170 }]);

	// Students and trainees: the enheter of the avdelning, this semester and the three before.
	const avdelning = await unitOf(opts.departmentManagerEmail, 'department_manager');
	const enheter = await db
		.select({ id: orgUnits.id })
		.from(orgUnits)
		.where(and(eq(orgUnits.kind, 'enhet'), sql`${orgUnits.path} like ${startsWithPattern(avdelning?.path ?? enhet.path)}`))
		.orderBy(asc(orgUnits.path));
	const semesters: string[] = [];
	for (let day = today; semesters.length < 4; day = addDays(day, -182)) if (!semesters.includes(semesterOf(day))) semesters.push(semesterOf(day));
	const rows: (typeof placements.$inferInsert)[] = [];
	for (const unit of enheter) {
		const own = random.fork(unit.id === enhet.id ? 'demo-enhet' : String(rows.length));
		for (const semester of semesters) {
			const students = unit.id === enhet.id ? own.int(1, 3) : own.int(0, 2);
			for (let n = 0; n < students; n++) rows.push({ orgUnitId: unit.id, semester, kind: 'vfu_student', gender: own.pick(['kvinna', 'kvinna', 'kvinna', 'man']), createdBy: enhet.personId });
			if (own.chance(unit.id === enhet.id ? 0.6 : 0.2)) rows.push({ orgUnitId: unit.id, semester, kind: 'trainee', gender: own.pick(['kvinna', 'man']), createdBy: enhet.personId });
		}
	}
	if (rows.length) await db.insert(placements).values(rows);
}
