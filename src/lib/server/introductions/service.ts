/**
 * Introduction programmes and mentors for new social workers (issue 14, part 3; decision 0020).
 * The enhetschef keeps the enhet's template of steps and gives the mentor role; the nearest
 * manager starts a programme for one of their staff with a mentor from the enhet, and sees who is
 * behind; the new employee, the mentor and the nearest manager tick steps off and write short
 * notes. Nobody else learns that a programme exists. Reads and changes of programmes are audited.
 * The students and trainees an enhet received (placements) are recorded here too.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { CASEWORKER_TITLES, type Gender, type PlacementKind } from '$lib/domain';
import { addDays } from '$lib/time';
import type { Actor } from '../access/actor';
import { enhetLeadUnits, introductionReading, namedScopes, within, type IntroductionReading } from '../access/policy';
import { validOnSql } from '../access/rules';
import { audit, type AuditBy } from '../audit/audit';
import { now as clockNow, todayInStockholm } from '../clock';
import type { Db } from '../db';
import { pathIn } from '../db/paths';
import { introductionNotes, introductions, introductionSteps, introductionTemplateSteps, orgUnits, people, placements, roleAssignments } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { pathIds } from '../org/service';
import { isUuid, parseInput } from '../validation';
import {
	completedOn,
	introductionEnd,
	mentorInput,
	programmeMentorInput,
	noteInput,
	placementInput,
	placementRef,
	progressOf,
	semesterOrder,
	startInput,
	stepDueDate,
	templateStepInput,
	templateStepRef,
	tickInput,
	type Progress
} from './rules';

type Unit = { id: string; name: string };

// --- The enhet: template, mentors, placements (the enhetschef) ----------------------------------

/** The enhet the actor leads, the one asked for or the first; not found for anyone else. */
async function requireLedEnhet(db: Db, actor: Actor, requested?: string | null, now = clockNow()): Promise<Unit> {
	const ids = enhetLeadUnits(actor, now);
	const id = requested || ids[0];
	if (!id || !isUuid(id) || !ids.includes(id)) throw notFound(ids.length ? 'Enheten' : 'Sidan');
	const [unit] = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, id));
	if (!unit) throw notFound('Enheten');
	return unit;
}

export interface TemplateStep {
	id: string;
	title: string;
	dueWeek: number;
}

async function templateSteps(db: Db, unitId: string): Promise<TemplateStep[]> {
	return db
		.select({ id: introductionTemplateSteps.id, title: introductionTemplateSteps.title, dueWeek: introductionTemplateSteps.dueWeek })
		.from(introductionTemplateSteps)
		.where(and(eq(introductionTemplateSteps.orgUnitId, unitId), isNull(introductionTemplateSteps.archivedAt)))
		.orderBy(asc(introductionTemplateSteps.dueWeek), asc(introductionTemplateSteps.position), asc(introductionTemplateSteps.createdAt));
}

export interface PersonRef {
	id: string;
	name: string;
}

/** The enhet's mentors today (a valid mentor assignment on the enhet), by name. */
async function mentorsOf(db: Db, unitId: string, now = clockNow()): Promise<PersonRef[]> {
	return db
		.selectDistinct({ id: people.id, name: people.name })
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.where(and(eq(roleAssignments.orgUnitId, unitId), eq(roleAssignments.role, 'mentor'), eq(people.active, true), validOnSql(roleAssignments, todayInStockholm(now))))
		.orderBy(asc(people.name));
}

/** Active handläggare working in the unit's subtree. */
async function caseworkersIn(db: Db, unitPaths: string[]): Promise<(PersonRef & { unitName: string; unitPath: string })[]> {
	if (unitPaths.length === 0) return [];
	return db
		.select({ id: people.id, name: people.name, unitName: orgUnits.name, unitPath: orgUnits.path })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(and(eq(people.active, true), inArray(people.title, [...CASEWORKER_TITLES]), pathIn(orgUnits.path, unitPaths)))
		.orderBy(asc(people.name));
}

export interface EnhetSetup {
	unit: Unit;
	units: Unit[];
	steps: TemplateStep[];
	mentors: PersonRef[];
	/** Handläggare in the enhet who are not mentors, for the "give the mentor role" form. */
	candidates: PersonRef[];
}

/** The enhet's template and mentors, for the enhetschef. */
export async function enhetSetup(db: Db, actor: Actor, input: { unit?: string | null } = {}, now = clockNow()): Promise<EnhetSetup> {
	const unit = await requireLedEnhet(db, actor, input.unit, now);
	const units = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, enhetLeadUnits(actor, now))).orderBy(asc(orgUnits.name));
	const [{ path }] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, unit.id));
	const mentors = await mentorsOf(db, unit.id, now);
	const staff = await caseworkersIn(db, [path]);
	const mentorIds = new Set(mentors.map((m) => m.id));
	return { unit, units, steps: await templateSteps(db, unit.id), mentors, candidates: staff.filter((p) => !mentorIds.has(p.id)).map(({ id, name }) => ({ id, name })) };
}

export async function addTemplateStep(db: Db, actor: Actor, unitId: string | null, input: unknown, now = clockNow()): Promise<TemplateStep> {
	const unit = await requireLedEnhet(db, actor, unitId, now);
	const data = parseInput(templateStepInput, input);
	const [row] = await db
		.insert(introductionTemplateSteps)
		.values({ orgUnitId: unit.id, title: data.title, dueWeek: data.dueWeek, createdAt: now })
		.returning({ id: introductionTemplateSteps.id, title: introductionTemplateSteps.title, dueWeek: introductionTemplateSteps.dueWeek });
	await audit(db, actor, { action: 'introduction.template_step_added', subjectType: 'org_unit', subjectId: unit.id, detail: { title: data.title, dueWeek: data.dueWeek } });
	return row;
}

/** Takes a step out of the template; programmes already started keep their copy. */
export async function removeTemplateStep(db: Db, actor: Actor, unitId: string | null, input: unknown, now = clockNow()): Promise<void> {
	const unit = await requireLedEnhet(db, actor, unitId, now);
	const { stepId } = parseInput(templateStepRef, input);
	const [row] = await db
		.update(introductionTemplateSteps)
		.set({ archivedAt: now })
		.where(and(eq(introductionTemplateSteps.id, stepId), eq(introductionTemplateSteps.orgUnitId, unit.id), isNull(introductionTemplateSteps.archivedAt)))
		.returning({ id: introductionTemplateSteps.id });
	if (!row) throw notFound('Steget');
	await audit(db, actor, { action: 'introduction.template_step_removed', subjectType: 'org_unit', subjectId: unit.id, detail: { stepId } });
}

/** Gives a handläggare in the enhet the mentor role there (from today). */
export async function giveMentorRole(db: Db, actor: Actor, unitId: string | null, input: unknown, now = clockNow()): Promise<void> {
	const unit = await requireLedEnhet(db, actor, unitId, now);
	const { personId } = parseInput(mentorInput, input);
	const setup = await enhetSetup(db, actor, { unit: unit.id }, now);
	if (setup.mentors.some((m) => m.id === personId)) throw conflict('Personen är redan mentor på enheten.');
	if (!setup.candidates.some((c) => c.id === personId)) throw invalid('Välj en handläggare på enheten.', { personId: 'Välj en handläggare på enheten.' });
	await db.insert(roleAssignments).values({ personId, orgUnitId: unit.id, role: 'mentor', validFrom: todayInStockholm(now) });
	await audit(db, actor, { action: 'introduction.mentor_given', subjectType: 'person', subjectId: personId, detail: { orgUnitId: unit.id } });
}

/** Ends the mentor role (yesterday was its last day). Programmes keep their mentor until changed. */
export async function endMentorRole(db: Db, actor: Actor, unitId: string | null, input: unknown, now = clockNow()): Promise<void> {
	const unit = await requireLedEnhet(db, actor, unitId, now);
	const { personId } = parseInput(mentorInput, input);
	const today = todayInStockholm(now);
	const ended = await db
		.update(roleAssignments)
		.set({ validTo: addDays(today, -1) })
		.where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.orgUnitId, unit.id), eq(roleAssignments.role, 'mentor'), validOnSql(roleAssignments, today)))
		.returning({ id: roleAssignments.id });
	if (ended.length === 0) throw notFound('Mentorn');
	await audit(db, actor, { action: 'introduction.mentor_ended', subjectType: 'person', subjectId: personId, detail: { orgUnitId: unit.id } });
}

// --- Placements: students (VFU) and trainees the enhet received ----------------------------------

export interface Placement {
	id: string;
	semester: string;
	kind: PlacementKind;
	gender: Gender | null;
}

export async function enhetPlacements(db: Db, actor: Actor, input: { unit?: string | null } = {}, now = clockNow()): Promise<{ unit: Unit; units: Unit[]; placements: Placement[] }> {
	const unit = await requireLedEnhet(db, actor, input.unit, now);
	const units = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, enhetLeadUnits(actor, now))).orderBy(asc(orgUnits.name));
	const rows = await db
		.select({ id: placements.id, semester: placements.semester, kind: placements.kind, gender: placements.gender })
		.from(placements)
		.where(eq(placements.orgUnitId, unit.id))
		.orderBy(asc(placements.kind), asc(placements.createdAt));
	return { unit, units, placements: (rows as Placement[]).sort((a, b) => semesterOrder(b.semester) - semesterOrder(a.semester)) };
}

export async function recordPlacement(db: Db, actor: Actor, unitId: string | null, input: unknown, now = clockNow()): Promise<Placement> {
	const unit = await requireLedEnhet(db, actor, unitId, now);
	const data = parseInput(placementInput, input);
	const [row] = await db
		.insert(placements)
		.values({ orgUnitId: unit.id, semester: data.semester, kind: data.kind, gender: data.gender ?? null, createdBy: actor.personId, createdAt: now })
		.returning({ id: placements.id, semester: placements.semester, kind: placements.kind, gender: placements.gender });
	await audit(db, actor, { action: 'placement.recorded', subjectType: 'org_unit', subjectId: unit.id, detail: { semester: data.semester, kind: data.kind } });
	return row as Placement;
}

export async function removePlacement(db: Db, actor: Actor, unitId: string | null, input: unknown, now = clockNow()): Promise<void> {
	const unit = await requireLedEnhet(db, actor, unitId, now);
	const { placementId } = parseInput(placementRef, input);
	const [row] = await db
		.delete(placements)
		.where(and(eq(placements.id, placementId), eq(placements.orgUnitId, unit.id)))
		.returning({ id: placements.id });
	if (!row) throw notFound('Raden');
	await audit(db, actor, { action: 'placement.removed', subjectType: 'org_unit', subjectId: unit.id, detail: { placementId } });
}

// --- Programmes ---------------------------------------------------------------------------------

export interface IntroductionSummary {
	id: string;
	person: PersonRef;
	unitName: string;
	mentor: PersonRef | null;
	startDate: string;
	endDate: string;
	completedOn: string | null;
	progress: Progress;
}

const summaryColumns = {
	id: introductions.id,
	personId: introductions.personId,
	personName: people.name,
	personUnitPath: orgUnits.path,
	unitName: orgUnits.name,
	mentorId: introductions.mentorId,
	mentorName: sql<string | null>`(select name from people m where m.id = ${introductions.mentorId})`,
	startDate: introductions.startDate,
	endDate: introductions.endDate,
	completedOn: introductions.completedOn
};

type SummaryRow = { id: string; personId: string; personName: string; personUnitPath: string; unitName: string; mentorId: string | null; mentorName: string | null; startDate: string; endDate: string; completedOn: string | null };

/** Programmes matching `where`, with their progress on `today`, newest start first. */
async function summaries(db: Db, where: ReturnType<typeof and>, today: string): Promise<(IntroductionSummary & { personUnitPath: string; mentorId: string | null })[]> {
	const rows: SummaryRow[] = await db
		.select(summaryColumns)
		.from(introductions)
		.innerJoin(people, eq(people.id, introductions.personId))
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(where)
		.orderBy(desc(introductions.startDate), asc(people.name));
	const ids = rows.map((r) => r.id);
	const steps = ids.length
		? await db
				.select({ introductionId: introductionSteps.introductionId, dueWeek: introductionSteps.dueWeek, doneOn: introductionSteps.doneOn })
				.from(introductionSteps)
				.where(inArray(introductionSteps.introductionId, ids))
		: [];
	return rows.map((r) => ({
		id: r.id,
		person: { id: r.personId, name: r.personName },
		unitName: r.unitName,
		mentor: r.mentorId ? { id: r.mentorId, name: r.mentorName ?? '' } : null,
		mentorId: r.mentorId,
		personUnitPath: r.personUnitPath,
		startDate: r.startDate,
		endDate: r.endDate,
		completedOn: r.completedOn,
		progress: progressOf(
			steps.filter((s) => s.introductionId === r.id),
			r.startDate,
			today
		)
	}));
}

const publicSummary = ({ personUnitPath: _p, mentorId: _m, ...s }: IntroductionSummary & { personUnitPath: string; mentorId: string | null }): IntroductionSummary => s;

export interface StartOption {
	person: PersonRef & { unitName: string };
	/** The enhet whose template and mentors apply, or null when the person is not in an enhet. */
	enhet: Unit | null;
	mentors: PersonRef[];
	templateSteps: number;
}

export interface TeamIntroductions {
	introductions: IntroductionSummary[];
	/** Staff without a programme under way, with what a start would use. */
	startable: StartOption[];
}

/** The enhet a unit lies in (itself, or the enhet above an arbetsgrupp). */
async function enhetOf(db: Db, unitPath: string): Promise<Unit | null> {
	const [enhet] = await db
		.select({ id: orgUnits.id, name: orgUnits.name })
		.from(orgUnits)
		.where(and(inArray(orgUnits.id, pathIds(unitPath)), eq(orgUnits.kind, 'enhet')));
	return enhet ?? null;
}

/** The nearest manager's view: every programme of their staff with who is behind, and whom they can start one for. Audited. */
export async function teamIntroductions(db: Db, actor: Actor, now = clockNow()): Promise<TeamIntroductions> {
	const scopes = namedScopes(actor, now);
	if (scopes.length === 0) throw notFound('Sidan');
	const today = todayInStockholm(now);
	const list = await summaries(db, and(pathIn(orgUnits.path, scopes)), today);
	const underWay = new Set(list.filter((i) => i.completedOn === null && i.endDate >= today).map((i) => i.person.id));
	const staff = (await caseworkersIn(db, scopes)).filter((p) => !underWay.has(p.id));
	const enheter = new Map<string, { enhet: Unit | null; mentors: PersonRef[]; templateSteps: number }>();
	const startable: StartOption[] = [];
	for (const p of staff) {
		const enhetKey = p.unitPath;
		if (!enheter.has(enhetKey)) {
			const enhet = await enhetOf(db, p.unitPath);
			enheter.set(enhetKey, enhet ? { enhet, mentors: await mentorsOf(db, enhet.id, now), templateSteps: (await templateSteps(db, enhet.id)).length } : { enhet: null, mentors: [], templateSteps: 0 });
		}
		startable.push({ person: { id: p.id, name: p.name, unitName: p.unitName }, ...enheter.get(enhetKey)! });
	}
	await audit(db, actor, { action: 'read.introductions', detail: { introductions: list.length } });
	return { introductions: list.map(publicSummary), startable };
}

/** Starts a programme from the enhet's template, with a mentor from the enhet's mentors. */
export async function startIntroduction(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<{ id: string }> {
	const scopes = namedScopes(actor, now);
	if (scopes.length === 0) throw notFound('Sidan');
	const data = parseInput(startInput, input);
	const [person] = await db
		.select({ id: people.id, path: orgUnits.path, active: people.active })
		.from(people)
		.innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
		.where(eq(people.id, data.personId));
	if (!person || !person.active || !within(person.path, scopes)) throw notFound('Medarbetaren');
	const enhet = await enhetOf(db, person.path);
	if (!enhet) throw invalid('Medarbetaren hör inte till någon enhet, så det finns ingen mall att utgå från.');
	const steps = await templateSteps(db, enhet.id);
	if (steps.length === 0) throw invalid('Enheten har ingen introduktionsmall ännu. Be enhetschefen lägga in stegen först.');
	if (!(await mentorsOf(db, enhet.id, now)).some((m) => m.id === data.mentorId)) {
		throw invalid('Välj en mentor bland enhetens mentorer.', { mentorId: 'Välj en mentor bland enhetens mentorer.' });
	}
	if (data.mentorId === data.personId) throw invalid('Den nyanställda kan inte vara sin egen mentor.', { mentorId: 'Den nyanställda kan inte vara sin egen mentor.' });
	const today = todayInStockholm(now);
	const open = await db
		.select({ id: introductions.id })
		.from(introductions)
		.where(and(eq(introductions.personId, person.id), isNull(introductions.completedOn), sql`${introductions.endDate} >= ${today}::date`));
	if (open.length > 0) throw conflict('Medarbetaren har redan ett introduktionsprogram som pågår.');
	const id = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(introductions)
			.values({ personId: person.id, orgUnitId: enhet.id, startDate: data.startDate, endDate: introductionEnd(data.startDate), mentorId: data.mentorId, createdBy: actor.personId, createdAt: now })
			.returning({ id: introductions.id });
		await tx.insert(introductionSteps).values(steps.map((s, position) => ({ introductionId: row.id, title: s.title, dueWeek: s.dueWeek, position, createdAt: now })));
		return row.id;
	});
	await audit(db, actor, { action: 'introduction.started', subjectType: 'introduction', subjectId: id, detail: { personId: person.id, mentorId: data.mentorId } });
	return { id };
}

/** The programmes the actor mentors, newest start first. */
export async function mentoredIntroductions(db: Db, actor: Actor, now = clockNow()): Promise<IntroductionSummary[]> {
	return (await summaries(db, and(eq(introductions.mentorId, actor.personId)), todayInStockholm(now))).map(publicSummary);
}

export interface IntroductionDetail extends IntroductionSummary {
	reading: IntroductionReading;
	steps: { id: string; title: string; dueWeek: number; dueDate: string; doneOn: string | null; doneBy: string | null; behind: boolean }[];
	notes: { id: string; stepId: string | null; author: string; body: string; createdAt: Date }[];
}

async function requireIntroduction(db: Db, actor: Actor, id: string, now = clockNow()) {
	if (!isUuid(id)) throw notFound('Introduktionsprogrammet');
	const [found] = await summaries(db, and(eq(introductions.id, id)), todayInStockholm(now));
	const reading = found ? introductionReading(actor, { personId: found.person.id, mentorId: found.mentorId, personUnitPath: found.personUnitPath }, now) : null;
	if (!found || !reading) throw notFound('Introduktionsprogrammet');
	return { introduction: found, reading };
}

/** One programme with its steps and notes, for the employee, the mentor or the nearest manager. Audited when read by others. */
export async function introductionDetail(db: Db, actor: Actor, id: string, now = clockNow()): Promise<IntroductionDetail> {
	const { introduction, reading } = await requireIntroduction(db, actor, id, now);
	const today = todayInStockholm(now);
	const steps = await db
		.select({ id: introductionSteps.id, title: introductionSteps.title, dueWeek: introductionSteps.dueWeek, doneOn: introductionSteps.doneOn, doneBy: sql<string | null>`(select name from people d where d.id = ${introductionSteps.doneBy})` })
		.from(introductionSteps)
		.where(eq(introductionSteps.introductionId, id))
		.orderBy(asc(introductionSteps.dueWeek), asc(introductionSteps.position));
	const notes = await db
		.select({ id: introductionNotes.id, stepId: introductionNotes.stepId, author: people.name, body: introductionNotes.body, createdAt: introductionNotes.createdAt })
		.from(introductionNotes)
		.innerJoin(people, eq(people.id, introductionNotes.authorId))
		.where(eq(introductionNotes.introductionId, id))
		.orderBy(asc(introductionNotes.createdAt));
	if (reading !== 'self') await audit(db, actor, { action: 'read.introduction', subjectType: 'introduction', subjectId: id });
	return {
		...publicSummary(introduction),
		reading,
		steps: steps.map((s) => {
			const dueDate = stepDueDate(introduction.startDate, s.dueWeek);
			return { ...s, dueDate, behind: s.doneOn === null && dueDate < today };
		}),
		notes
	};
}

/** The new employee's own programme: the latest one, or null. */
export async function myIntroduction(db: Db, actor: Actor, now = clockNow()): Promise<IntroductionDetail | null> {
	const [latest] = await db
		.select({ id: introductions.id })
		.from(introductions)
		.where(eq(introductions.personId, actor.personId))
		.orderBy(desc(introductions.startDate))
		.limit(1);
	return latest ? introductionDetail(db, actor, latest.id, now) : null;
}

/** The start page's card: the person's own programme under way (not completed, not over), or null. Not audited: one's own. */
export async function myIntroductionProgress(db: Db, actor: Actor, now = clockNow()): Promise<{ done: number; total: number } | null> {
	const today = todayInStockholm(now);
	const [mine] = await summaries(db, and(eq(introductions.personId, actor.personId), isNull(introductions.completedOn), sql`${introductions.endDate} >= ${today}::date`), today);
	return mine ? { done: mine.progress.done, total: mine.progress.total } : null;
}

/** Ticks a step off (or back on) for the employee, the mentor or the nearest manager. */
export async function tickStep(db: Db, actor: Actor, introductionId: string, input: unknown, now = clockNow()): Promise<void> {
	await requireIntroduction(db, actor, introductionId, now);
	const data = parseInput(tickInput, input);
	const today = todayInStockholm(now);
	const [step] = await db
		.update(introductionSteps)
		.set(data.done ? { doneOn: today, doneBy: actor.personId } : { doneOn: null, doneBy: null })
		.where(and(eq(introductionSteps.id, data.stepId), eq(introductionSteps.introductionId, introductionId)))
		.returning({ id: introductionSteps.id });
	if (!step) throw notFound('Steget');
	const steps = await db.select({ dueWeek: introductionSteps.dueWeek, doneOn: introductionSteps.doneOn }).from(introductionSteps).where(eq(introductionSteps.introductionId, introductionId));
	await db.update(introductions).set({ completedOn: completedOn(steps) }).where(eq(introductions.id, introductionId));
	await audit(db, actor, { action: data.done ? 'introduction.step_done' : 'introduction.step_undone', subjectType: 'introduction', subjectId: introductionId, detail: { stepId: data.stepId } });
}

/** A short note on the programme or one of its steps. */
export async function addNote(db: Db, actor: Actor, introductionId: string, input: unknown, now = clockNow()): Promise<{ id: string }> {
	await requireIntroduction(db, actor, introductionId, now);
	const data = parseInput(noteInput, input);
	if (data.stepId) {
		const [step] = await db
			.select({ id: introductionSteps.id })
			.from(introductionSteps)
			.where(and(eq(introductionSteps.id, data.stepId), eq(introductionSteps.introductionId, introductionId)));
		if (!step) throw notFound('Steget');
	}
	const [row] = await db
		.insert(introductionNotes)
		.values({ introductionId, stepId: data.stepId ?? null, authorId: actor.personId, body: data.body, createdAt: now })
		.returning({ id: introductionNotes.id });
	await audit(db, actor, { action: 'introduction.note_added', subjectType: 'introduction', subjectId: introductionId });
	return row;
}

// --- Started by the HR import, and the mentor changed ------------------------------------------

/**
 * New social workers from the HR import with a start date (startdatum) get their enhet's
 * programme at once: the template's steps, and the enhet's mentor with the fewest programmes
 * running (none where the enhet has no mentor yet: the manager chooses one). Nothing where the
 * enhet has no template yet, or the six months are already over. Runs in the import's
 * transaction. Returns how many programmes were started.
 */
export async function startImportedIntroductions(tx: Db, starts: readonly { personId: string; startDate: string }[], by: AuditBy, at: { now: Date; importId: string }): Promise<number> {
	const today = todayInStockholm(at.now);
	let started = 0;
	for (const start of starts) {
		if (introductionEnd(start.startDate) < today) continue;
		const [person] = await tx.select({ path: orgUnits.path }).from(people).innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId)).where(eq(people.id, start.personId));
		const enhet = person ? await enhetOf(tx, person.path) : null;
		const steps = enhet ? await templateSteps(tx, enhet.id) : [];
		if (!enhet || steps.length === 0) continue;
		const mentorId = await leastBusyMentor(tx, enhet.id, at.now);
		const [row] = await tx
			.insert(introductions)
			.values({ personId: start.personId, orgUnitId: enhet.id, startDate: start.startDate, endDate: introductionEnd(start.startDate), mentorId, createdBy: by.personId, createdAt: at.now })
			.returning({ id: introductions.id });
		await tx.insert(introductionSteps).values(steps.map((s, position) => ({ introductionId: row.id, title: s.title, dueWeek: s.dueWeek, position, createdAt: at.now })));
		await audit(tx, by, { action: 'introduction.started', subjectType: 'introduction', subjectId: row.id, detail: { personId: start.personId, mentorId, via: 'import', importId: at.importId } });
		started++;
	}
	return started;
}

/** The enhet's mentor with the fewest programmes running (by name when equal), or null. */
async function leastBusyMentor(db: Db, enhetId: string, now: Date): Promise<string | null> {
	const mentors = await mentorsOf(db, enhetId, now);
	if (mentors.length === 0) return null;
	const running = await db
		.select({ mentorId: introductions.mentorId, n: sql<number>`count(*)::int` })
		.from(introductions)
		.where(and(inArray(introductions.mentorId, mentors.map((m) => m.id)), isNull(introductions.completedOn), sql`${introductions.endDate} >= ${todayInStockholm(now)}::date`))
		.groupBy(introductions.mentorId);
	const load = (id: string) => running.find((r) => r.mentorId === id)?.n ?? 0;
	return [...mentors].sort((a, b) => load(a.id) - load(b.id))[0].id;
}

/** The nearest manager gives the programme a mentor from the enhet's mentors, or another one. Audited. */
export async function setProgrammeMentor(db: Db, actor: Actor, introductionId: string, input: unknown, now = clockNow()): Promise<void> {
	const { introduction, reading } = await requireIntroduction(db, actor, introductionId, now);
	if (reading !== 'manager') throw notFound('Introduktionsprogrammet');
	const data = parseInput(programmeMentorInput, input);
	const [row] = await db.select({ orgUnitId: introductions.orgUnitId }).from(introductions).where(eq(introductions.id, introduction.id));
	if (!(await mentorsOf(db, row.orgUnitId, now)).some((m) => m.id === data.mentorId)) throw invalid('Välj en mentor bland enhetens mentorer.', { mentorId: 'Välj en mentor bland enhetens mentorer.' });
	if (data.mentorId === introduction.person.id) throw invalid('Den nyanställda kan inte vara sin egen mentor.', { mentorId: 'Den nyanställda kan inte vara sin egen mentor.' });
	await db.update(introductions).set({ mentorId: data.mentorId }).where(eq(introductions.id, introduction.id));
	await audit(db, actor, { action: 'introduction.mentor_set', subjectType: 'introduction', subjectId: introduction.id, detail: { from: introduction.mentor?.id ?? null, to: data.mentorId } });
}

/** The enhet's mentors, for the nearest manager's choice on a programme. */
export async function programmeMentors(db: Db, actor: Actor, introductionId: string, now = clockNow()): Promise<PersonRef[]> {
	const { introduction, reading } = await requireIntroduction(db, actor, introductionId, now);
	if (reading !== 'manager') return [];
	const [row] = await db.select({ orgUnitId: introductions.orgUnitId }).from(introductions).where(eq(introductions.id, introduction.id));
	return (await mentorsOf(db, row.orgUnitId, now)).filter((m) => m.id !== introduction.person.id);
}
