/**
 * The unit's goals followed with a checklist at every closed investigation (issue 14, part 1).
 *
 * - The enhetschef keeps the enhet's goals (with an expected result and optionally a delmål of
 *   the förvaltning's plan) and the checklist items that measure them.
 * - A social worker fills in the checklist when an investigation closes: the closing day, the
 *   child's or client's gender and age band, ja / nej / ej aktuellt per item. Never who the
 *   client is.
 * - The compilation (share "ja" per item and goal against the expected result, by gender, over
 *   tertials, the year or any period) is seen by the enhet's own staff (their group and enhet),
 *   by the nearest managers (also per person for their own staff: audited), and above the enhet
 *   only for closed tertials and years, through the anonymity module (compiledDisclosure).
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { ACTIVITY_AREAS, CLIENT_GENDERS, type ChecklistAnswer, type ClientGender } from '$lib/domain';
import type { Actor } from '../access/actor';
import { aggregateScopes, enhetLeadUnits, isCaseworker, namedScopes, within } from '../access/policy';
import { NEAREST_MANAGER_KINDS } from '../access/rules';
import { anonymityRules, computeDisclosure, discloseCount, type DisclosedCount, type Disclosure, type Respondent } from '../anonymity';
import { audit } from '../audit/audit';
import { now as clockNow, todayInStockholm } from '../clock';
import type { Db } from '../db';
import { query } from '../db/client';
import { checklistAnswers, checklistItems, checklists, cityPlanAreas, cityPlanSubgoals, orgUnits, people, unitGoals } from '../db/schema';
import { DomainError, invalid, notFound } from '../errors';
import { pathIds } from '../org/service';
import { isUuid, parseInput } from '../validation';
import {
	checklistInput,
	checklistProblems,
	compile,
	goalInput,
	isClosed,
	itemInput,
	moved,
	moveInput,
	parsePeriod,
	periodChoices,
	personValue,
	shareYes,
	tertialOf,
	tertialsBetween,
	type Compiled,
	type GoalDef,
	type Period,
	type Tally
} from './rules';

type Unit = typeof orgUnits.$inferSelect;
export type UnitGoal = typeof unitGoals.$inferSelect;
export type ChecklistItem = typeof checklistItems.$inferSelect;

// --- Where a person's checklist belongs ----------------------------------------------------

/** The enhet a unit belongs to: itself, or the enhet above an arbetsgrupp. */
async function enhetOf(db: Db, unit: Pick<Unit, 'path'>): Promise<Unit | null> {
	const ids = pathIds(unit.path);
	const [enhet] = await db
		.select()
		.from(orgUnits)
		.where(and(inArray(orgUnits.id, ids), eq(orgUnits.kind, 'enhet')));
	return enhet ?? null;
}

/** The enhet's goals and items still followed, in order. */
async function activeChecklist(db: Db, enhetId: string): Promise<{ goals: UnitGoal[]; items: ChecklistItem[] }> {
	const goals = await db
		.select()
		.from(unitGoals)
		.where(and(eq(unitGoals.orgUnitId, enhetId), isNull(unitGoals.archivedAt)))
		.orderBy(asc(unitGoals.position), asc(unitGoals.createdAt));
	const items = await db
		.select()
		.from(checklistItems)
		.where(and(eq(checklistItems.orgUnitId, enhetId), isNull(checklistItems.archivedAt)))
		.orderBy(asc(checklistItems.position), asc(checklistItems.createdAt));
	return { goals, items };
}

export interface ChecklistForm {
	enhet: { id: string; name: string };
	goals: { id: string; title: string; expectedShare: number }[];
	items: { id: string; question: string; goalId: string | null }[];
}

/** The checklist a social worker fills in: their enhet's. Not found for anyone who carries no cases or works outside an enhet. */
export async function checklistForm(db: Db, actor: Actor): Promise<ChecklistForm> {
	if (!isCaseworker(actor)) throw notFound('Sidan');
	const enhet = await enhetOf(db, { path: actor.orgUnitPath });
	if (!enhet) throw notFound('Sidan');
	const { goals, items } = await activeChecklist(db, enhet.id);
	return {
		enhet: { id: enhet.id, name: enhet.name },
		goals: goals.map((g) => ({ id: g.id, title: g.title, expectedShare: g.expectedShare })),
		items: items.map((i) => ({ id: i.id, question: i.question, goalId: i.goalId }))
	};
}

async function validChecklist(db: Db, actor: Actor, input: unknown, now: Date) {
	const form = await checklistForm(db, actor);
	if (form.items.length === 0) throw invalid('Enheten har ingen checklista ännu. Be enhetschefen lägga till frågorna.');
	let data;
	try {
		data = parseInput(checklistInput, input);
	} catch (e) {
		// Say everything that is missing at once: the questions left unanswered too.
		if (!(e instanceof DomainError && e.kind === 'invalid')) throw e;
		const given = (input as { answers?: unknown })?.answers;
		const answered = given && typeof given === 'object' ? Object.keys(given) : [];
		const unanswered = Object.fromEntries(form.items.filter((i) => !answered.includes(i.id)).map((i) => [`answers.${i.id}`, 'Svara ja, nej eller ej aktuellt.']));
		throw invalid('Checklistan är inte sparad. Rätta det som är markerat.', { ...unanswered, ...e.fieldErrors });
	}
	const problems = checklistProblems(
		data,
		form.items.map((i) => i.id),
		todayInStockholm(now)
	);
	if (Object.keys(problems).length > 0) throw invalid('Checklistan är inte sparad. Rätta det som är markerat.', problems);
	return { form, data };
}

/** Saves a filled-in checklist; everything or nothing. */
export async function fillChecklist(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<{ id: string }> {
	const { form, data } = await validChecklist(db, actor, input, now);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(checklists)
			.values({ personId: actor.personId, orgUnitId: actor.orgUnitId, enhetId: form.enhet.id, closedOn: data.closedOn, clientGender: data.clientGender, ageBand: data.ageBand, createdAt: now, updatedAt: now })
			.returning({ id: checklists.id });
		await tx.insert(checklistAnswers).values(Object.entries(data.answers).map(([itemId, answer]) => ({ checklistId: row.id, itemId, answer })));
		return row;
	});
}

async function requireOwnChecklist(db: Db, actor: Actor, id: string) {
	const [row] = isUuid(id) ? await db.select().from(checklists).where(eq(checklists.id, id)) : [];
	if (!row || row.personId !== actor.personId) throw notFound('Checklistan');
	return row;
}

/** Corrects one's own checklist: its answers are replaced by the ones given, against the checklist as it is now. */
export async function updateChecklist(db: Db, actor: Actor, id: string, input: unknown, now = clockNow()): Promise<void> {
	await requireOwnChecklist(db, actor, id);
	const { data } = await validChecklist(db, actor, input, now);
	await db.transaction(async (tx) => {
		await tx.update(checklists).set({ closedOn: data.closedOn, clientGender: data.clientGender, ageBand: data.ageBand, updatedAt: now }).where(eq(checklists.id, id));
		await tx.delete(checklistAnswers).where(eq(checklistAnswers.checklistId, id));
		await tx.insert(checklistAnswers).values(Object.entries(data.answers).map(([itemId, answer]) => ({ checklistId: id, itemId, answer })));
	});
}

export async function deleteChecklist(db: Db, actor: Actor, id: string): Promise<void> {
	await requireOwnChecklist(db, actor, id);
	await db.delete(checklists).where(eq(checklists.id, id));
}

export interface OwnChecklist {
	id: string;
	closedOn: string;
	clientGender: ClientGender;
	ageBand: string;
	answers: Record<string, ChecklistAnswer>;
}

/** The person's own checklists, newest first. */
export async function myChecklists(db: Db, actor: Actor, limit = 200): Promise<OwnChecklist[]> {
	if (!isCaseworker(actor)) throw notFound('Sidan');
	const rows = await db.select().from(checklists).where(eq(checklists.personId, actor.personId)).orderBy(desc(checklists.closedOn), desc(checklists.createdAt)).limit(limit);
	return withAnswers(db, rows);
}

/** One of the person's own checklists, to correct it. */
export async function ownChecklist(db: Db, actor: Actor, id: string): Promise<OwnChecklist> {
	const [own] = await withAnswers(db, [await requireOwnChecklist(db, actor, id)]);
	return own;
}

async function withAnswers(db: Db, rows: (typeof checklists.$inferSelect)[]): Promise<OwnChecklist[]> {
	const answers = rows.length ? await db.select().from(checklistAnswers).where(inArray(checklistAnswers.checklistId, rows.map((r) => r.id))) : [];
	return rows.map((r) => ({
		id: r.id,
		closedOn: r.closedOn,
		clientGender: r.clientGender as ClientGender,
		ageBand: r.ageBand,
		answers: Object.fromEntries(answers.filter((a) => a.checklistId === r.id).map((a) => [a.itemId, a.answer as ChecklistAnswer]))
	}));
}

// --- The enhetschef keeps the goals and the checklist ---------------------------------------

export interface GoalSettings {
	enhet: { id: string; name: string };
	/** The enheter the actor keeps, for a picker. */
	enheter: { id: string; name: string }[];
	goals: UnitGoal[];
	items: ChecklistItem[];
	/** The delmål of the enhet's förvaltning a goal may be linked to. */
	subgoals: { id: string; title: string; areaTitle: string }[];
}

async function requireEditableEnhet(db: Db, actor: Actor, enhetId: string | null | undefined): Promise<{ enhet: Unit; enheter: Unit[] }> {
	const ids = enhetLeadUnits(actor);
	if (ids.length === 0) throw notFound('Sidan');
	const enheter = await db.select().from(orgUnits).where(inArray(orgUnits.id, ids)).orderBy(asc(orgUnits.name));
	const enhet = enheter.find((e) => e.id === (enhetId || enheter[0].id));
	if (!enhet) throw notFound('Enheten');
	return { enhet, enheter };
}

export async function goalSettings(db: Db, actor: Actor, enhetId?: string | null): Promise<GoalSettings> {
	const { enhet, enheter } = await requireEditableEnhet(db, actor, enhetId);
	const ancestors = await db.select().from(orgUnits).where(and(inArray(orgUnits.id, pathIds(enhet.path)), eq(orgUnits.kind, 'forvaltning')));
	const subgoals = ancestors.length
		? await db
				.select({ id: cityPlanSubgoals.id, title: cityPlanSubgoals.title, areaTitle: cityPlanAreas.title })
				.from(cityPlanSubgoals)
				.innerJoin(cityPlanAreas, eq(cityPlanAreas.id, cityPlanSubgoals.areaId))
				.where(eq(cityPlanSubgoals.forvaltningId, ancestors[0].id))
				.orderBy(asc(cityPlanAreas.position), asc(cityPlanSubgoals.title))
		: [];
	return { enhet: { id: enhet.id, name: enhet.name }, enheter: enheter.map((e) => ({ id: e.id, name: e.name })), ...(await activeChecklist(db, enhet.id)), subgoals };
}

async function checkedLinks(db: Db, actor: Actor, enhetId: string, links: { subgoalId?: string; goalId?: string }) {
	const settings = await goalSettings(db, actor, enhetId);
	if (links.subgoalId && !settings.subgoals.some((s) => s.id === links.subgoalId)) throw invalid('Delmålet finns inte i förvaltningens plan.', { subgoalId: 'Välj ett delmål i listan.' });
	if (links.goalId && !settings.goals.some((g) => g.id === links.goalId)) throw invalid('Målet finns inte i enhetens mål.', { goalId: 'Välj ett mål i listan.' });
	return settings;
}

export async function addGoal(db: Db, actor: Actor, enhetId: string, input: unknown, now = clockNow()): Promise<UnitGoal> {
	const data = parseInput(goalInput, input);
	const settings = await checkedLinks(db, actor, enhetId, { subgoalId: data.subgoalId });
	const [row] = await db
		.insert(unitGoals)
		.values({ orgUnitId: settings.enhet.id, title: data.title, expectedShare: data.expectedShare, subgoalId: data.subgoalId ?? null, position: settings.goals.length, createdBy: actor.personId, createdAt: now })
		.returning();
	await audit(db, actor, { action: 'unit_goal.add', subjectType: 'org_unit', subjectId: settings.enhet.id, detail: { goal: row.id } });
	return row;
}

async function requireGoal(db: Db, actor: Actor, goalId: string): Promise<UnitGoal> {
	const [goal] = isUuid(goalId) ? await db.select().from(unitGoals).where(eq(unitGoals.id, goalId)) : [];
	if (!goal || !enhetLeadUnits(actor).includes(goal.orgUnitId)) throw notFound('Målet');
	return goal;
}

export async function updateGoal(db: Db, actor: Actor, goalId: string, input: unknown): Promise<void> {
	const goal = await requireGoal(db, actor, goalId);
	const data = parseInput(goalInput, input);
	await checkedLinks(db, actor, goal.orgUnitId, { subgoalId: data.subgoalId });
	await db.update(unitGoals).set({ title: data.title, expectedShare: data.expectedShare, subgoalId: data.subgoalId ?? null }).where(eq(unitGoals.id, goal.id));
	await audit(db, actor, { action: 'unit_goal.update', subjectType: 'org_unit', subjectId: goal.orgUnitId, detail: { goal: goal.id } });
}

/** An archived goal is no longer followed; its items stay as items without a goal. History stays. */
export async function archiveGoal(db: Db, actor: Actor, goalId: string, now = clockNow()): Promise<void> {
	const goal = await requireGoal(db, actor, goalId);
	await db.update(unitGoals).set({ archivedAt: now }).where(eq(unitGoals.id, goal.id));
	await audit(db, actor, { action: 'unit_goal.archive', subjectType: 'org_unit', subjectId: goal.orgUnitId, detail: { goal: goal.id } });
}

export async function addItem(db: Db, actor: Actor, enhetId: string, input: unknown, now = clockNow()): Promise<ChecklistItem> {
	const data = parseInput(itemInput, input);
	const settings = await checkedLinks(db, actor, enhetId, { goalId: data.goalId });
	const [row] = await db
		.insert(checklistItems)
		.values({ orgUnitId: settings.enhet.id, goalId: data.goalId ?? null, question: data.question, position: settings.items.length, createdAt: now })
		.returning();
	await audit(db, actor, { action: 'checklist_item.add', subjectType: 'org_unit', subjectId: settings.enhet.id, detail: { item: row.id } });
	return row;
}

async function requireItem(db: Db, actor: Actor, itemId: string): Promise<ChecklistItem> {
	const [item] = isUuid(itemId) ? await db.select().from(checklistItems).where(eq(checklistItems.id, itemId)) : [];
	if (!item || !enhetLeadUnits(actor).includes(item.orgUnitId)) throw notFound('Frågan');
	return item;
}

/** Rewording a question keeps its answers: reword only to say the same thing more clearly. */
export async function updateItem(db: Db, actor: Actor, itemId: string, input: unknown): Promise<void> {
	const item = await requireItem(db, actor, itemId);
	const data = parseInput(itemInput, input);
	await checkedLinks(db, actor, item.orgUnitId, { goalId: data.goalId });
	await db.update(checklistItems).set({ question: data.question, goalId: data.goalId ?? null }).where(eq(checklistItems.id, item.id));
	await audit(db, actor, { action: 'checklist_item.update', subjectType: 'org_unit', subjectId: item.orgUnitId, detail: { item: item.id } });
}

/**
 * Moves a question one place up or down among the enhet's questions in use; the checklist asks
 * them in this order. Positions are rewritten 0 … n − 1 in one transaction, so two moves at once
 * cannot leave two questions on one place.
 */
export async function moveItem(db: Db, actor: Actor, itemId: string, input: unknown): Promise<void> {
	const item = await requireItem(db, actor, itemId);
	if (item.archivedAt) throw notFound('Frågan');
	const { direction } = parseInput(moveInput, input);
	await db.transaction(async (tx) => {
		const items = await tx
			.select({ id: checklistItems.id })
			.from(checklistItems)
			.where(and(eq(checklistItems.orgUnitId, item.orgUnitId), isNull(checklistItems.archivedAt)))
			.orderBy(asc(checklistItems.position), asc(checklistItems.createdAt))
			.for('update');
		const order = moved(items, item.id, direction);
		for (const [position, { id }] of order.entries()) await tx.update(checklistItems).set({ position }).where(eq(checklistItems.id, id));
	});
	await audit(db, actor, { action: 'checklist_item.move', subjectType: 'org_unit', subjectId: item.orgUnitId, detail: { item: item.id, direction } });
}

export async function archiveItem(db: Db, actor: Actor, itemId: string, now = clockNow()): Promise<void> {
	const item = await requireItem(db, actor, itemId);
	await db.update(checklistItems).set({ archivedAt: now }).where(eq(checklistItems.id, item.id));
	await audit(db, actor, { action: 'checklist_item.archive', subjectType: 'org_unit', subjectId: item.orgUnitId, detail: { item: item.id } });
}

// --- The compilation (sammanställning) -----------------------------------------------------

/** How the reader stands to the unit: its own staff, its nearest manager, or above the enhet. */
export type Viewer = 'staff' | 'manager' | 'above';

export interface FigureResult extends Tally {
	/** Share "ja" of the applicable answers; null when none applied or the module withholds it. */
	share: number | null;
	byGender: Record<ClientGender, { share: number | null; answered: number }> | null;
}

export interface UnitFigures {
	checklists: number;
	items: Record<string, FigureResult | null>;
	goals: Record<string, FigureResult | null>;
}

export interface CompilationRow {
	unit: { id: string; name: string; kind: string };
	isTotal: boolean;
	cell: DisclosedCount<UnitFigures>;
}

export interface PersonRow {
	personId: string;
	name: string;
	checklists: number;
	goals: Record<string, number | null>;
	items: Record<string, number | null>;
}

export interface Compilation {
	viewer: Viewer;
	unit: { id: string; name: string; kind: string };
	enhet: { id: string; name: string };
	/** Units the reader may choose (enheter and their groups within reach). */
	choices: { id: string; name: string; kind: string }[];
	period: Period;
	periods: Period[];
	goals: { id: string; title: string; expectedShare: number; subgoalId: string | null; itemIds: string[] }[];
	items: { id: string; question: string; goalId: string | null }[];
	rows: CompilationRow[];
	/** Share "ja" per goal for the unit over the latest tertials (closed ones for readers above). */
	trend: { periods: Period[]; goals: Record<string, (number | null)[]> };
	/** Per person: only for the nearest manager, of their own staff. */
	people: PersonRow[] | null;
	rules: { minGroup: number };
}

interface RawChecklist {
	id: string;
	personId: string;
	enhetId: string;
	closedOn: string;
	clientGender: ClientGender;
	unitPath: string;
	answers: Map<string, ChecklistAnswer>;
}

async function loadChecklists(db: Db, where: { enhetIds?: string[]; from?: string; to?: string }): Promise<RawChecklist[]> {
	const conditions = [];
	if (where.enhetIds) conditions.push(inArray(checklists.enhetId, where.enhetIds));
	if (where.from) conditions.push(gte(checklists.closedOn, where.from));
	if (where.to) conditions.push(lte(checklists.closedOn, where.to));
	const rows = await db
		.select({ id: checklists.id, personId: checklists.personId, enhetId: checklists.enhetId, closedOn: checklists.closedOn, clientGender: checklists.clientGender, unitPath: orgUnits.path })
		.from(checklists)
		.innerJoin(orgUnits, eq(orgUnits.id, checklists.orgUnitId))
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(asc(checklists.closedOn), asc(checklists.createdAt));
	const byId = new Map<string, RawChecklist>(rows.map((r) => [r.id, { ...r, clientGender: r.clientGender as ClientGender, answers: new Map() }]));
	if (byId.size > 0) {
		const answers = await db
			.select()
			.from(checklistAnswers)
			.where(
				inArray(
					checklistAnswers.checklistId,
					db
						.select({ id: checklists.id })
						.from(checklists)
						.where(conditions.length ? and(...conditions) : undefined)
				)
			);
		for (const a of answers) byId.get(a.checklistId)?.answers.set(a.itemId, a.answer as ChecklistAnswer);
	}
	return [...byId.values()];
}

/** What the module withholds of a figure (rule 5): the whole of it (`total`), or the share of one gender. */
type Withheld = (figureId: string, part: 'total' | ClientGender) => boolean;

function figureResult(id: string, t: Tally, split: Record<ClientGender, Tally>, withheld: Withheld): FigureResult | null {
	if (withheld(id, 'total')) return null;
	return {
		...t,
		share: shareYes(t),
		byGender: Object.fromEntries(CLIENT_GENDERS.map((g) => [g, { share: withheld(id, g) ? null : shareYes(split[g]), answered: split[g].ja + split[g].nej }])) as FigureResult['byGender']
	};
}

function figures(c: Compiled, withheld: Withheld = () => false): UnitFigures {
	return {
		checklists: c.checklists,
		items: Object.fromEntries([...c.items].map(([id, t]) => [id, figureResult(id, t.total, t.byGender, withheld)])),
		goals: Object.fromEntries([...c.goals].map(([id, t]) => [id, figureResult(id, t.total, t.byGender, withheld)]))
	};
}

/** A figure within the enhet, not passed through the module: the enhet's own staff and managers see it as it is. */
const plainCell = (c: Compiled): DisclosedCount<UnitFigures> => ({ shown: true, n: c.people, figures: figures(c) });

// --- Above the enhet: the anonymity module decides, tertial by tertial ------------------------

/** A person in one tertial, for the module: counted where they worked at their last checklist of it. */
const respondent = (personId: string, unitPath: readonly string[], values?: number[]): Respondent => ({
	personId,
	unitPath,
	// Område and titel are not dimensions of these figures: one for everyone adds no cells.
	activityArea: ACTIVITY_AREAS[0],
	title: 'socialsekreterare',
	values
});

const byPerson = (list: readonly RawChecklist[]) => {
	const out = new Map<string, RawChecklist[]>();
	for (const c of list) out.set(c.personId, [...(out.get(c.personId) ?? []), c]);
	return out;
};

interface TertialData {
	period: Period;
	/** Where each person's checklists of the tertial count (unit ids from the root), for the whole organisation. */
	paths: Map<string, readonly string[]>;
	/** The checklists of the enheter asked for. */
	checklists: RawChecklist[];
}

interface Above {
	/** Rules 1–3 for every cell: the whole organisation, every closed tertial in order. */
	disclosure: Disclosure;
	tertials: TertialData[];
	/** Rule 5 for one enhet's figures (they are shown only in the enhet and its groups). */
	homogeneity(enhetId: string, itemIds: readonly string[], goals: readonly GoalDef[]): Disclosure;
}

/** The tertial of a day in SQL, as tertialOf: '2026-T2'. */
const tertialSql = sql`extract(year from c.closed_on)::int || '-T' || case when extract(month from c.closed_on) <= 4 then 1 when extract(month from c.closed_on) <= 8 then 2 else 3 end`;

/**
 * Every closed tertial of the whole organisation, decided in order by computeDisclosure (never a
 * subset chosen by who asks), so the decisions are the same for every reader. For rules 1–3 the
 * module needs only who filled in checklists where, one row per person and tertial, read in one
 * query; the answers are read only for the enheter asked for. A year is shown above the enhet
 * only where all three of its tertials are (compiledAbove), so it tells nothing the tertials do
 * not.
 *
 * Rule 5 (homogeneous groups) needs the same figures for everyone, but each enhet has its own
 * checklist, shown only in the enhet and its groups; so it is decided per enhet, by the module,
 * over the enhet's own people, each valued by their own share "ja" (personValue). A cell the
 * per-enhet decision does not show withholds all its figures: hiding more never shows more.
 */
async function closedTertials(db: Db, today: string, enhetIds: readonly string[]): Promise<Above> {
	const [first] = await db.select({ day: sql<string>`min(${checklists.closedOn})::text` }).from(checklists);
	const periods = first?.day ? tertialsBetween(first.day, today).filter((p) => isClosed(p, today)) : [];
	const from = periods[0]?.from ?? today;
	const to = periods.at(-1)?.to ?? today;
	const where = await (periods.length
		? query<{ personId: string; tertial: string; path: string }>(
				db,
				sql`select distinct on (c.person_id, ${tertialSql}) c.person_id as "personId", ${tertialSql} as tertial, u.path
				    from checklists c join org_units u on u.id = c.org_unit_id
				    where c.closed_on between ${from} and ${to}
				    order by c.person_id, ${tertialSql}, c.closed_on desc, c.created_at desc`
			)
		: Promise.resolve([]));
	const asked = periods.length && enhetIds.length ? await loadChecklists(db, { enhetIds: [...enhetIds], from, to }) : [];
	const tertials: TertialData[] = periods.map((period) => ({
		period,
		paths: new Map(where.filter((w) => w.tertial === period.key).map((w) => [w.personId, pathIds(w.path)])),
		checklists: asked.filter((c) => tertialOf(c.closedOn) === period.key)
	}));
	const rules = anonymityRules();
	const disclosure = computeDisclosure(
		tertials.map((t) => ({ roundId: t.period.key, respondents: [...t.paths].map(([personId, unitPath]) => respondent(personId, unitPath)) })),
		rules
	);
	const cache = new Map<string, Disclosure>();
	const homogeneity = (enhetId: string, itemIds: readonly string[], goals: readonly GoalDef[]) => {
		const figureIds = [...itemIds, ...goals.map((g) => g.id)];
		const cacheKey = `${enhetId}:${figureIds.join(',')}`;
		const hit = cache.get(cacheKey);
		if (hit) return hit;
		const decided = computeDisclosure(
			tertials.map((t) => ({
				roundId: t.period.key,
				respondents: [...byPerson(t.checklists.filter((c) => c.enhetId === enhetId))].map(([personId, own]) => {
					const c = compile(own, itemIds, goals);
					const tally = (id: string) => c.items.get(id) ?? c.goals.get(id)!;
					// Per figure its total, then each gender: a group where everyone had the same share would tell each one's.
					return respondent(personId, t.paths.get(personId)!, figureIds.flatMap((id) => [personValue(tally(id).total), ...CLIENT_GENDERS.map((g) => personValue(tally(id).byGender[g]))]));
				})
			})),
			rules
		);
		cache.set(cacheKey, decided);
		return decided;
	};
	return { disclosure, tertials, homogeneity };
}

/** The disclosed figures of a unit (the enhet or one of its groups) over a closed tertial or year. */
function compiledAbove(above: Above, period: Period, unitId: string, enhetId: string, itemIds: readonly string[], goals: readonly GoalDef[]): DisclosedCount<UnitFigures> {
	const parts = period.tertials.map((key) => above.tertials.find((t) => t.period.key === key));
	const key = (roundId: string) => ({ roundId, unitId, area: null, title: null });
	// A tertial not closed or not decided is hidden like a group nobody is in.
	const missing = parts.length === 0 ? 0 : parts.findIndex((p) => !p || !above.disclosure.get(p.period.key, unitId, null, null).shown);
	if (missing >= 0) {
		const hidden = discloseCount(above.disclosure, key(period.tertials[missing] ?? period.key), null, 'checklists');
		if (!hidden.shown) return hidden;
	}
	const homogeneity = above.homogeneity(enhetId, itemIds, goals);
	const figureIds = [...itemIds, ...goals.map((g) => g.id)];
	// Statement s is part s % PARTS of figure ⌊s / PARTS⌋: its total, then each gender.
	const PARTS = 1 + CLIENT_GENDERS.length;
	const withheld = new Set<string>();
	let everything = false;
	const inUnit: RawChecklist[] = [];
	let n = 0;
	for (const part of parts as TertialData[]) {
		n = Math.max(n, above.disclosure.get(part.period.key, unitId, null, null).n);
		const decision = homogeneity.get(part.period.key, unitId, null, null);
		if (!decision.shown) everything = true;
		for (const s of decision.hiddenStatements) withheld.add(`${figureIds[Math.floor(s / PARTS)]}:${s % PARTS === 0 ? 'total' : CLIENT_GENDERS[(s % PARTS) - 1]}`);
		inUnit.push(...part.checklists.filter((c) => c.enhetId === enhetId && part.paths.get(c.personId)?.includes(unitId)));
	}
	// A goal is withheld with any of its items, so no item can be computed from the goal and the others.
	for (const g of goals)
		for (const p of ['total', ...CLIENT_GENDERS]) if (g.itemIds.some((id) => withheld.has(`${id}:${p}`))) withheld.add(`${g.id}:${p}`);
	const c = compile(inUnit, itemIds, goals);
	const cell = discloseCount(above.disclosure, key(parts[0]!.period.key), figures(c, (id, p) => everything || withheld.has(`${id}:${p}`)), 'checklists');
	// The year: the most who filled in checklists in any of its tertials (each of those is shown).
	return cell.shown ? { ...cell, n } : cell;
}

// --- Reading the compilation ------------------------------------------------------------------

const TREND_LENGTH = 6;
/** The enhet and its groups: where the checklists are kept and compiled (the nearest manager's kinds of unit). */
const WITHIN_ENHET = NEAREST_MANAGER_KINDS;

/**
 * Where the reader belongs inside an enhet: their own unit if they carry cases, and the groups
 * they are nearest manager of. From there they see their group and enhet as the staff do (a
 * biträdande enhetschef sees the enhet's figures, not its other groups' people).
 */
const placesInside = (actor: Actor) => [...(isCaseworker(actor) ? [actor.orgUnitPath] : []), ...namedScopes(actor)];

function viewerOf(actor: Actor, unit: Unit): Viewer | null {
	if (within(unit.path, namedScopes(actor))) return 'manager';
	if ((WITHIN_ENHET as readonly string[]).includes(unit.kind) && placesInside(actor).some((p) => p.startsWith(unit.path))) return 'staff';
	if (within(unit.path, aggregateScopes(actor))) return 'above';
	return null;
}

/**
 * The enheter and groups the reader may open, for the picker: their own, those they manage, and
 * above the enhet those whose enhet follows goals (a kommun has many enheter without).
 */
async function unitChoices(db: Db, actor: Actor): Promise<Unit[]> {
	const named = namedScopes(actor);
	const aggregate = aggregateScopes(actor);
	const own = placesInside(actor).flatMap(pathIds);
	const rows = await db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.active, true), inArray(orgUnits.kind, [...WITHIN_ENHET])))
		.orderBy(asc(orgUnits.path));
	const following = new Set((await db.selectDistinct({ id: unitGoals.orgUnitId }).from(unitGoals).where(isNull(unitGoals.archivedAt))).map((r) => r.id));
	// By name, each group under its enhet.
	const names = new Map(rows.map((u) => [u.id, u.name]));
	const key = (u: Unit) => pathIds(u.path).map((id) => names.get(id) ?? '').filter(Boolean).join(' / ');
	return rows
		.filter((u) => own.includes(u.id) || within(u.path, named) || (within(u.path, aggregate) && pathIds(u.path).some((id) => following.has(id))))
		.sort((a, b) => key(a).localeCompare(key(b), 'sv'));
}

/** `perPerson: false` leaves out the named rows (an export of the groups' figures reads no one's by name). */
export async function compilation(db: Db, actor: Actor, input: { unit?: string | null; period?: string | null }, now = clockNow(), options: { perPerson?: boolean } = {}): Promise<Compilation> {
	const choices = await unitChoices(db, actor);
	if (choices.length === 0) throw notFound('Sidan');
	// By default: the reader's own group or enhet, or the first within reach.
	const own = choices.filter((u) => placesInside(actor).some((p) => p.startsWith(u.path))).pop();
	const unit = input.unit ? choices.find((u) => u.id === input.unit) : (own ?? choices[0]);
	if (!unit) throw notFound('Enheten');
	const viewer = viewerOf(actor, unit);
	if (!viewer) throw notFound('Enheten');
	const enhet = (await enhetOf(db, unit))!;
	const today = todayInStockholm(now);

	// Above the enhet the periods are the organisation's closed ones, the same for every enhet.
	const [first] = await db
		.select({ day: sql<string>`min(${checklists.closedOn})::text` })
		.from(checklists)
		.where(viewer === 'above' ? undefined : eq(checklists.enhetId, enhet.id));
	let periods = periodChoices(first?.day ?? null, today);
	if (viewer === 'above') periods = periods.filter((p) => isClosed(p, today));
	const requested = input.period ? parsePeriod(input.period) : null;
	if (input.period && !requested) throw invalid('Perioden finns inte. Välj en period i listan eller skriv datum som ÅÅÅÅ-MM-DD.', { period: 'Välj en period i listan.' });
	if (requested && viewer === 'above' && !periods.some((p) => p.key === requested.key))
		throw invalid('Ovanför enheten visas bara tertial och helår som är avslutade.', { period: 'Välj ett avslutat tertial eller helår.' });
	const period = requested ?? periods[0] ?? periodChoices(null, today)[0];

	const { goals: goalRows, items: itemRows } = await activeChecklist(db, enhet.id);
	const goals = goalRows.map((g) => ({ id: g.id, title: g.title, expectedShare: g.expectedShare, subgoalId: g.subgoalId, itemIds: itemRows.filter((i) => i.goalId === g.id).map((i) => i.id) }));
	const itemIds = itemRows.map((i) => i.id);

	const children = await db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.parentId, unit.id), eq(orgUnits.active, true)))
		.orderBy(asc(orgUnits.name));
	// The enhet's own staff see their enhet and their own group; managers and readers above see every group.
	const shownChildren = viewer === 'staff' ? children.filter((c) => placesInside(actor).some((p) => p.startsWith(c.path))) : children;
	const rowUnits = [unit, ...shownChildren];

	let rows: CompilationRow[];
	let trendValues: (periodKey: Period) => Record<string, number | null>;
	let trendPeriods: Period[];
	const above = viewer === 'above' ? await closedTertials(db, today, [enhet.id]) : null;
	if (above) {
		rows = rowUnits.map((u) => ({ unit: { id: u.id, name: u.name, kind: u.kind }, isTotal: u.id === unit.id, cell: compiledAbove(above, period, u.id, enhet.id, itemIds, goals) }));
		trendPeriods = above.tertials.map((t) => t.period).slice(-TREND_LENGTH);
		trendValues = (p) => {
			const cell = compiledAbove(above, p, unit.id, enhet.id, itemIds, goals);
			return Object.fromEntries(goals.map((g) => [g.id, cell.shown ? (cell.figures.goals[g.id]?.share ?? null) : null]));
		};
	} else {
		const trendFrom = tertialsBetween(first?.day ?? today, today).slice(-TREND_LENGTH);
		trendPeriods = trendFrom;
		const from = [period.from, trendFrom[0]?.from ?? period.from].sort()[0];
		const list = await loadChecklists(db, { enhetIds: [enhet.id], from, to: [period.to, today].sort().pop() });
		const inside = (u: Unit, p: Period) => list.filter((c) => c.unitPath.startsWith(u.path) && c.closedOn >= p.from && c.closedOn <= p.to);
		rows = rowUnits.map((u) => ({ unit: { id: u.id, name: u.name, kind: u.kind }, isTotal: u.id === unit.id, cell: plainCell(compile(inside(u, period), itemIds, goals)) }));
		trendValues = (p) => {
			const c = compile(inside(unit, p), itemIds, goals);
			return Object.fromEntries(goals.map((g) => [g.id, shareYes(c.goals.get(g.id)!.total)]));
		};
	}
	const trendByPeriod = trendPeriods.map(trendValues);
	const trend = { periods: trendPeriods, goals: Object.fromEntries(goals.map((g) => [g.id, trendByPeriod.map((v) => v[g.id])])) };

	let personRows: PersonRow[] | null = null;
	if (viewer === 'manager' && options.perPerson !== false) personRows = await perPerson(db, actor, unit, enhet.id, period, itemIds, goals);

	return {
		viewer,
		unit: { id: unit.id, name: unit.name, kind: unit.kind },
		enhet: { id: enhet.id, name: enhet.name },
		choices: choices.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		period,
		periods,
		goals,
		items: itemRows.map((i) => ({ id: i.id, question: i.question, goalId: i.goalId })),
		rows,
		trend,
		people: personRows,
		rules: { minGroup: anonymityRules().minGroup }
	};
}

/** Each of the manager's own staff who filled in checklists in the period, by name. Audited like named answers. */
async function perPerson(db: Db, actor: Actor, unit: Unit, enhetId: string, period: Period, itemIds: string[], goals: { id: string; itemIds: string[] }[]): Promise<PersonRow[]> {
	const scopes = namedScopes(actor);
	const list = (await loadChecklists(db, { enhetIds: [enhetId], from: period.from, to: period.to })).filter((c) => c.unitPath.startsWith(unit.path) && within(c.unitPath, scopes));
	const ids = [...new Set(list.map((c) => c.personId))];
	const names = ids.length ? await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids)) : [];
	await audit(db, actor, { action: 'read.named_checklists', subjectType: 'org_unit', subjectId: unit.id, detail: { people: ids.length, period: period.key } });
	return names
		.map((p) => {
			const c = compile(
				list.filter((l) => l.personId === p.id),
				itemIds,
				goals
			);
			return {
				personId: p.id,
				name: p.name,
				checklists: c.checklists,
				goals: Object.fromEntries(goals.map((g) => [g.id, shareYes(c.goals.get(g.id)!.total)])),
				items: Object.fromEntries(itemIds.map((id) => [id, shareYes(c.items.get(id)!.total)]))
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

// --- The lokal styrgrupp: the units' own goals linked to a delmål ---------------------------

export interface LinkedGoalResult {
	subgoalId: string;
	enhet: { id: string; name: string };
	goal: { id: string; title: string; expectedShare: number };
	/** The latest closed tertial, through the anonymity module. */
	period: Period | null;
	share: DisclosedCount<number | null> | null;
}

/** For each delmål given, the enheter's goals linked to it with their result in the latest closed tertial. */
export async function linkedGoalResults(db: Db, subgoalIds: readonly string[], now = clockNow()): Promise<LinkedGoalResult[]> {
	if (subgoalIds.length === 0) return [];
	const linked = await db
		.select({ goal: unitGoals, enhetName: orgUnits.name })
		.from(unitGoals)
		.innerJoin(orgUnits, eq(orgUnits.id, unitGoals.orgUnitId))
		.where(and(inArray(unitGoals.subgoalId, [...subgoalIds]), isNull(unitGoals.archivedAt)))
		.orderBy(asc(orgUnits.name), asc(unitGoals.position));
	if (linked.length === 0) return [];
	const above = await closedTertials(db, todayInStockholm(now), [...new Set(linked.map((l) => l.goal.orgUnitId))]);
	const period = above.tertials.at(-1)?.period ?? null;
	const items = await db.select().from(checklistItems).where(inArray(checklistItems.goalId, linked.map((l) => l.goal.id)));
	return linked.map(({ goal, enhetName }) => {
		const itemIds = items.filter((i) => i.goalId === goal.id).map((i) => i.id);
		const cell = period ? compiledAbove(above, period, goal.orgUnitId, goal.orgUnitId, itemIds, [{ id: goal.id, itemIds }]) : null;
		return {
			subgoalId: goal.subgoalId!,
			enhet: { id: goal.orgUnitId, name: enhetName },
			goal: { id: goal.id, title: goal.title, expectedShare: goal.expectedShare },
			period,
			share: cell ? (cell.shown ? { ...cell, figures: cell.figures.goals[goal.id]?.share ?? null } : cell) : null
		};
	});
}
