/**
 * Who may see what — the one place. Every service asks these functions; nothing else
 * decides access. Scopes are materialised paths, so a query filters a subtree with one
 * prefix match in SQL.
 *
 * - Named data (an answer with its name, the positive answer, an action plan) only for the
 *   nearest managers: an enhetschef or biträdande enhetschef whose assignment is on an
 *   enhet or arbetsgrupp containing the person. Never above the enhet, whatever the role.
 * - Aggregates for every assignment's subtree (passed through the anonymity module).
 * - Administration (rounds, people) for admins.
 * - Readers the plan names (facklig representant, följeforskare): aggregates of their subtree,
 *   read only: they change nothing, make no suggestions and are not "above" a group's own plan.
 */
import { CASEWORKER_TITLES, type OrgUnitKind, type Role } from '$lib/domain';
import type { Actor, Assignment } from './actor';
import { now as clockNow, todayInStockholm } from '../clock';
import { isNearestManagerAssignment, isValidOn } from './rules';

/**
 * The assignments that give access, valid today. The mentor role is not one of them: it marks whom
 * an enhetschef may name as mentor, and opens only the programmes the person mentors (below).
 */
export function activeAssignments(actor: Actor, now = clockNow()): Assignment[] {
	const today = todayInStockholm(now);
	return actor.assignments.filter((a) => a.role !== 'mentor' && isValidOn(a, today));
}

export function isCaseworker(actor: Pick<Actor, 'title'>): boolean {
	return (CASEWORKER_TITLES as readonly string[]).includes(actor.title);
}

/** Units (paths) where the actor sees individuals by name. */
export function namedScopes(actor: Actor, now = clockNow()): string[] {
	return activeAssignments(actor, now)
		.filter(isNearestManagerAssignment)
		.map((a) => a.orgUnitPath);
}

/** Roles that only read aggregates: they act on nothing (issue 15: the readers the plan names). */
export const READ_ONLY_ROLES = ['union_representative', 'researcher'] as const satisfies readonly Role[];
const isReadOnly = (a: Assignment) => (READ_ONLY_ROLES as readonly Role[]).includes(a.role);

/** Units (paths) whose aggregates the actor may see. */
export function aggregateScopes(actor: Actor, now = clockNow()): string[] {
	return minimalPaths(activeAssignments(actor, now).map((a) => a.orgUnitPath));
}

export function within(path: string, scopes: string[]): boolean {
	return scopes.some((scope) => path.startsWith(scope));
}

export function canSeeNamed(actor: Actor, unitPath: string, now = clockNow()): boolean {
	return within(unitPath, namedScopes(actor, now));
}

export function canSeeAggregate(actor: Actor, unitPath: string, now = clockNow()): boolean {
	return within(unitPath, aggregateScopes(actor, now));
}

export function isAdmin(actor: Actor, now = clockNow()): boolean {
	return activeAssignments(actor, now).some((a) => a.role === 'admin');
}

export function isManager(actor: Actor, now = clockNow()): boolean {
	return namedScopes(actor, now).length > 0;
}

export function seesReports(actor: Actor, now = clockNow()): boolean {
	return aggregateScopes(actor, now).length > 0;
}

/** Drops paths already covered by a shorter one. */
function minimalPaths(paths: string[]): string[] {
	const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
	const kept: string[] = [];
	for (const p of sorted) if (!kept.some((k) => p.startsWith(k))) kept.push(p);
	return kept;
}

/** What the pages need to know, so the UI never guesses. */
export function permissionsOf(actor: Actor, now = clockNow()) {
	return {
		answersRounds: isCaseworker(actor),
		managesStaff: isManager(actor, now),
		seesReports: seesReports(actor, now),
		administers: isAdmin(actor, now),
		readsPlan: readsPlan(actor, now),
		seesPlanMatrix: seesPlanMatrix(actor, now),
		seesIndicators: readsIndicators(actor, now),
		entersIndicators: indicatorEntryScopes(actor, now).length > 0,
		/** Handlingsplaner: one's own and one's group's, or the groups' plans one oversees. */
		readsActionPlans: isCaseworker(actor) || oversightScopes(actor, now).length > 0,
		codesTexts: researchScopes(actor, now).length > 0,
		/** The enhet's own goals and checklist, introduction template, mentors and placements (decisions 0019, 0020). */
		leadsEnhet: enhetLeadUnits(actor, now).length > 0,
		mentors: isMentor(actor, now)
	};
}
export type Permissions = ReturnType<typeof permissionsOf>;

// --- Action plan and incidents ---
//
// The plan of a förvaltning (handlingsplanens områden):
// - read by everyone in it: people whose unit, or one of whose assignments, lies in the
//   förvaltning; and by the central steering group, administrators and the readers the plan
//   names, who see every plan in the subtree of their assignment;
// - changed only by its lokal styrgrupp (a local_steering assignment on the förvaltning itself);
// - suggestions from people in the förvaltning; the city-wide matrix for central_steering and admin.
// Incidents (otillåten påverkan, hot och våld): details for the employee, their nearest manager
// (namedScopes) and the people the kommun designates for a part of the organisation.

function placesOf(actor: Actor, now = clockNow(), options: { readOnly?: boolean } = {}): string[] {
	const assignments = activeAssignments(actor, now).filter((a) => options.readOnly !== false || !isReadOnly(a));
	return [actor.orgUnitPath, ...assignments.map((a) => a.orgUnitPath)];
}

/** Works in the förvaltning, or has an assignment in it. */
export function isInForvaltning(actor: Actor, forvaltningPath: string, now = clockNow(), options: { readOnly?: boolean } = {}): boolean {
	return placesOf(actor, now, options).some((p) => p.startsWith(forvaltningPath));
}

/** The subtrees whose förvaltningar the actor oversees: central_steering and admin assignments. */
export function planMatrixScopes(actor: Actor, now = clockNow()): string[] {
	return minimalPaths(
		activeAssignments(actor, now)
			.filter((a) => a.role === 'central_steering' || a.role === 'admin')
			.map((a) => a.orgUnitPath)
	);
}

export function seesPlanMatrix(actor: Actor, now = clockNow()): boolean {
	return planMatrixScopes(actor, now).length > 0;
}

/** The subtrees of the readers the plan names (facklig representant, följeforskare). */
function readerScopes(actor: Actor, now = clockNow()): string[] {
	return minimalPaths(activeAssignments(actor, now).filter(isReadOnly).map((a) => a.orgUnitPath));
}

export function canReadPlan(actor: Actor, forvaltningPath: string, now = clockNow()): boolean {
	return within(forvaltningPath, [...planMatrixScopes(actor, now), ...readerScopes(actor, now)]) || isInForvaltning(actor, forvaltningPath, now);
}

export function canEditPlan(actor: Actor, forvaltningPath: string, now = clockNow()): boolean {
	return activeAssignments(actor, now).some((a) => a.role === 'local_steering' && a.orgUnitPath === forvaltningPath);
}

/** Staff and those assigned in it; a reader the plan names (read-only roles) does not take part. */
export function canSuggestInPlan(actor: Actor, forvaltningPath: string, now = clockNow()): boolean {
	return isInForvaltning(actor, forvaltningPath, now, { readOnly: false });
}

/** Wording, new areas and retiring areas: the kommun's administrators. */
export function administersPlanAreas(actor: Actor, now = clockNow()): boolean {
	return isAdmin(actor, now);
}

const BELOW_KOMMUN: OrgUnitKind[] = ['forvaltning', 'avdelning', 'enhet', 'arbetsgrupp'];

/**
 * Whether to show the plan in the menu: handläggare and everyone assigned within a förvaltning
 * (the page itself finds the förvaltning), and those who oversee them. Access is decided by
 * canReadPlan; this only avoids a menu entry that leads nowhere.
 */
export function readsPlan(actor: Actor, now = clockNow()): boolean {
	return seesPlanMatrix(actor, now) || isCaseworker(actor) || readerScopes(actor, now).length > 0 || activeAssignments(actor, now).some((a) => BELOW_KOMMUN.includes(a.orgUnitKind));
}

/**
 * May see an incident's details: the employee, their nearest manager, or someone designated
 * for a unit containing it (`designatedScopes`, loaded by the incidents service).
 */
export function canSeeIncident(
	actor: Actor,
	incident: { personId: string; unitPath: string },
	designatedScopes: string[],
	now = clockNow()
): boolean {
	return incident.personId === actor.personId || canSeeNamed(actor, incident.unitPath, now) || within(incident.unitPath, designatedScopes);
}

/** Reports for oneself, or as nearest manager on behalf of someone in own unit. */
export function canReportIncidentFor(actor: Actor, person: { personId: string; unitPath: string }, now = clockNow()): boolean {
	return person.personId === actor.personId || canSeeNamed(actor, person.unitPath, now);
}

/** Measures and the Arbetsmiljöverket record: the nearest manager. */
export function canManageIncident(actor: Actor, incident: { unitPath: string }, now = clockNow()): boolean {
	return canSeeNamed(actor, incident.unitPath, now);
}

/**
 * Who the kommun designates to read incidents (incident_readers): administrators, like the other
 * grants of access. To everyone else the page answers "not found".
 */
export function mayDesignateIncidentReaders(actor: Actor, now = clockNow()): boolean {
	return isAdmin(actor, now);
}

// --- The group's action plan (gruppens handlingsplan) ---
//
// An arbetsgrupp or enhet makes its plan together after a closed round:
// - led by the group's nearest manager (started, actions, follow-up): canSeeNamed on the unit;
// - read and commented on by the group's members: people whose unit lies in the group;
// - read by those above with aggregate access over it (avdelningschef, the styrgrupper): status,
//   focus and actions, but neither the members' comments nor who owns an action.

export type GroupPlanReading = 'lead' | 'member' | 'above';

export function leadsGroupPlan(actor: Actor, unitPath: string, now = clockNow()): boolean {
	return canSeeNamed(actor, unitPath, now);
}

/** How the actor reads the group's plan, or null: to them it does not exist. */
export function groupPlanReading(actor: Actor, unitPath: string, now = clockNow()): GroupPlanReading | null {
	if (leadsGroupPlan(actor, unitPath, now)) return 'lead';
	if (actor.orgUnitPath.startsWith(unitPath)) return 'member';
	if (within(unitPath, oversightScopes(actor, now))) return 'above';
	return null;
}

/** The managers' and steering groups' subtrees: aggregate access that is not read-only. */
export function oversightScopes(actor: Actor, now = clockNow()): string[] {
	return minimalPaths(activeAssignments(actor, now).filter((a) => !isReadOnly(a)).map((a) => a.orgUnitPath));
}

// --- Följeforskning (the follow-up researcher's coding of motivations) ---
//
// A följeforskare reads the motivations of their subtree above the unit level (avdelning,
// förvaltning, kommun), as the reports show them (groups of at least 10, no names), and codes them
// with codes of their own. Nobody else reads or changes that coding.

export const RESEARCH_UNIT_KINDS = ['kommun', 'forvaltning', 'avdelning'] as const satisfies readonly OrgUnitKind[];

/** The subtrees where the actor is a följeforskare. */
export function researchScopes(actor: Actor, now = clockNow()): string[] {
	return minimalPaths(activeAssignments(actor, now).filter((a) => a.role === 'researcher').map((a) => a.orgUnitPath));
}

// --- Indicators ---
//
// Indicator figures (personalrörlighet, konsulter, VFU, …) are statistics per förvaltning and for
// the whole kommun; no person is counted alone in them, so they need no anonymity rule.
// - Read by everyone with aggregate access: the units in their scopes (the central steering group
//   compares förvaltningar), and the units their scopes lie in (an enhetschef or the lokal
//   styrgrupp sees their own förvaltning and the city as a reference, not other förvaltningar).
// - Entered by the förvaltning's lokal styrgrupp (the reporter of its figures), and by the central
//   steering group and administrators for every unit in their scopes (figures of the whole kommun
//   only by them). The same people write the report's texts (T2/VB) for those units.
// - Definitions (the administrators' own indicators, targets): administrators.

const INDICATOR_ENTRY_ROLES: Role[] = ['local_steering', 'central_steering', 'admin'];

export function readsIndicators(actor: Actor, now = clockNow()): boolean {
	return aggregateScopes(actor, now).length > 0;
}

/** May read the figures of the unit at `unitPath` (a förvaltning or a kommun). */
export function canReadIndicators(actor: Actor, unitPath: string, now = clockNow()): boolean {
	const scopes = aggregateScopes(actor, now);
	return within(unitPath, scopes) || scopes.some((scope) => scope.startsWith(unitPath));
}

/** Subtrees whose figures the actor enters. */
export function indicatorEntryScopes(actor: Actor, now = clockNow()): string[] {
	return minimalPaths(activeAssignments(actor, now).filter((a) => INDICATOR_ENTRY_ROLES.includes(a.role)).map((a) => a.orgUnitPath));
}

export function canEnterIndicators(actor: Actor, unitPath: string, now = clockNow()): boolean {
	return within(unitPath, indicatorEntryScopes(actor, now));
}

export function canDefineIndicators(actor: Actor, now = clockNow()): boolean {
	return isAdmin(actor, now);
}

/** The report's texts for a unit: whoever enters its figures. */
export const canWriteBoardReport = canEnterIndicators;

// --- Identity ---
//
// Staff import, the people register (with the register extract under GDPR art. 15), retention
// and the audit log: administrators only. To everyone else these pages and API routes answer
// "not found", so they do not even learn what exists.

export function mayImportStaff(actor: Actor, now = clockNow()): boolean {
	return isAdmin(actor, now);
}

export function mayAdministerPeople(actor: Actor, now = clockNow()): boolean {
	return isAdmin(actor, now);
}

export function mayReadAuditLog(actor: Actor, now = clockNow()): boolean {
	return isAdmin(actor, now);
}

// --- Introduction programmes for new social workers (issue 14, decision 0020) ---
//
// A programme is named data about one person: it is read and ticked off by the new employee, their
// mentor (the one the programme names) and their nearest manager (namedScopes); nobody else learns
// it exists. The enhet's template, its mentors (the mentor role) and the students and trainees it
// received are the enhetschef's: a unit_manager assignment on the enhet itself.

export type IntroductionReading = 'self' | 'mentor' | 'manager';

/** How the actor reads a programme, or null: to them it does not exist. */
export function introductionReading(actor: Actor, introduction: { personId: string; mentorId: string | null; personUnitPath: string }, now = clockNow()): IntroductionReading | null {
	if (introduction.personId === actor.personId) return 'self';
	if (canSeeNamed(actor, introduction.personUnitPath, now)) return 'manager';
	if (introduction.mentorId === actor.personId) return 'mentor';
	return null;
}

/** The enheter (ids) the actor leads as enhetschef: their goals and checklist, introduction template, mentors and placements. */
export function enhetLeadUnits(actor: Actor, now = clockNow()): string[] {
	return activeAssignments(actor, now)
		.filter((a) => a.role === 'unit_manager' && a.orgUnitKind === 'enhet')
		.map((a) => a.orgUnitId);
}

/** Holds the mentor role today on some enhet (the menu shows "Mina adepter"). */
export function isMentor(actor: Actor, now = clockNow()): boolean {
	const today = todayInStockholm(now);
	return actor.assignments.some((a) => a.role === 'mentor' && isValidOn(a, today));
}
