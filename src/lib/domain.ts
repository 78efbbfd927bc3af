/**
 * Domain vocabulary shared by server and pages: the enum values of the schema with their
 * Swedish labels, and the statements of the pulse survey. One name per concept.
 */

export const ORG_UNIT_KINDS = ['region', 'kommun', 'forvaltning', 'avdelning', 'enhet', 'arbetsgrupp'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const orgUnitKindLabel: Record<OrgUnitKind, string> = {
	region: 'Region',
	kommun: 'Kommun',
	forvaltning: 'Förvaltning',
	avdelning: 'Avdelning',
	enhet: 'Enhet',
	arbetsgrupp: 'Arbetsgrupp'
};

/** verksamhetsområde */
export const ACTIVITY_AREAS = [
	'barn_och_unga',
	'ekonomiskt_bistand',
	'socialpsykiatri',
	'missbruk_beroende',
	'funktionsnedsattning',
	'aldreomsorg'
] as const;
export type ActivityArea = (typeof ACTIVITY_AREAS)[number];
export const activityAreaLabel: Record<ActivityArea, string> = {
	barn_och_unga: 'Barn och unga',
	ekonomiskt_bistand: 'Ekonomiskt bistånd',
	socialpsykiatri: 'Socialpsykiatri',
	missbruk_beroende: 'Missbruk och beroende',
	funktionsnedsattning: 'Funktionsnedsättning',
	aldreomsorg: 'Äldreomsorg'
};

/** yrkestitel; only the first two answer rounds (handläggare). */
export const TITLES = ['socialsekreterare', 'bistandshandlaggare', 'chef', 'ovrig'] as const;
export type Title = (typeof TITLES)[number];
export const CASEWORKER_TITLES = ['socialsekreterare', 'bistandshandlaggare'] as const;
export type CaseworkerTitle = (typeof CASEWORKER_TITLES)[number];
export const titleLabel: Record<Title, string> = {
	socialsekreterare: 'Socialsekreterare',
	bistandshandlaggare: 'Biståndshandläggare',
	chef: 'Chef',
	ovrig: 'Övrig'
};

export const GENDERS = ['kvinna', 'man', 'annat'] as const;
export type Gender = (typeof GENDERS)[number];
export const genderLabel: Record<Gender, string> = { kvinna: 'Kvinna', man: 'Man', annat: 'Annat/vill ej ange' };

export const ROLES = [
	'deputy_unit_manager',
	'unit_manager',
	'department_manager',
	'local_steering',
	'central_steering',
	'admin',
	'union_representative',
	'researcher',
	'mentor'
] as const;
export type Role = (typeof ROLES)[number];
export const roleLabel: Record<Role, string> = {
	deputy_unit_manager: 'Biträdande enhetschef',
	unit_manager: 'Enhetschef',
	department_manager: 'Avdelningschef',
	local_steering: 'Lokal styrgrupp',
	central_steering: 'Central styrgrupp',
	admin: 'Systemadministratör',
	union_representative: 'Facklig representant',
	researcher: 'Följeforskare',
	mentor: 'Mentor'
};

/** round = mätomgång */
export const ROUND_KINDS = ['T1', 'T2', 'VB', 'custom'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const roundKindLabel: Record<RoundKind, string> = {
	T1: 'Tertial 1',
	T2: 'Tertial 2',
	VB: 'Verksamhetsberättelse (årsskiftet)',
	custom: 'Extra mätning'
};
export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const roundStatusLabel: Record<RoundStatus, string> = {
	draft: 'Ej öppnad',
	open: 'Öppen',
	closed: 'Stängd'
};

/** The three statements, in the order of the plan. */
export const STATEMENTS = ['situation', 'quality', 'recommend'] as const;
export type Statement = (typeof STATEMENTS)[number];
export const statementText: Record<Statement, string> = {
	situation: 'Jag har en bra arbetssituation.',
	quality: 'Jag känner att jag kan göra ett gott arbete.',
	recommend: 'Jag kan rekommendera min arbetsplats till andra.'
};
export const POSITIVE_QUESTION = 'Vad är positivt i min arbetssituation?';
/** The free-text questions of an answer: a motivation per statement, and the positive answer. */
export const TEXT_GROUPS = [...STATEMENTS, 'positive'] as const;
export type TextGroup = (typeof TEXT_GROUPS)[number];
export const textGroupLabel: Record<TextGroup, string> = { ...statementText, positive: POSITIVE_QUESTION };

/** Six-point scale, 1 = Stämmer inte alls … 6 = Stämmer helt. */
export const SCALE = [1, 2, 3, 4, 5, 6] as const;
export const scaleLabel: Record<number, string> = {
	1: 'Stämmer inte alls',
	2: 'Stämmer dåligt',
	3: 'Stämmer ganska dåligt',
	4: 'Stämmer ganska bra',
	5: 'Stämmer bra',
	6: 'Stämmer helt'
};

export const INDIVIDUAL_PLAN_STATUSES = ['offered', 'active', 'declined', 'closed'] as const;
export type IndividualPlanStatus = (typeof INDIVIDUAL_PLAN_STATUSES)[number];
export const individualPlanStatusLabel: Record<IndividualPlanStatus, string> = {
	offered: 'Erbjuden',
	active: 'Pågår',
	declined: 'Avböjd',
	closed: 'Avslutad'
};

/** A group's action plan (gruppens handlingsplan): under way until it is followed up. */
export const GROUP_PLAN_STATUSES = ['active', 'followed_up'] as const;
export type GroupPlanStatus = (typeof GROUP_PLAN_STATUSES)[number];
export const groupPlanStatusLabel: Record<GroupPlanStatus, string> = {
	active: 'Pågår',
	followed_up: 'Uppföljd'
};

/** What the group concluded at the follow-up. */
export const GROUP_PLAN_OUTCOMES = ['improved', 'partly', 'not_improved'] as const;
export type GroupPlanOutcome = (typeof GROUP_PLAN_OUTCOMES)[number];
export const groupPlanOutcomeLabel: Record<GroupPlanOutcome, string> = {
	improved: 'Det har blivit bättre',
	partly: 'Delvis bättre',
	not_improved: 'Ingen förbättring än'
};

// --- Action plan follow-up (handlingsplanen) and incidents (otillåten påverkan) ---------------

/** How far a förvaltning has come with an area of the plan. */
export const PLAN_AREA_STATUSES = ['not_started', 'under_analysis', 'measures_under_way', 'established'] as const;
export type PlanAreaStatus = (typeof PLAN_AREA_STATUSES)[number];
export const planAreaStatusLabel: Record<PlanAreaStatus, string> = {
	not_started: 'Ej påbörjat',
	under_analysis: 'Under analys',
	measures_under_way: 'Åtgärder pågår',
	established: 'Etablerat i ordinarie arbete'
};

/** Which survey figure a sub-goal (delmål) follows. */
export const PLAN_METRICS = ['mean', 'share_high', 'share_low'] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];
export const planMetricLabel: Record<PlanMetric, string> = {
	mean: 'Medelvärde (1–6)',
	share_high: 'Andel som svarar 5–6 (%)',
	share_low: 'Andel som svarar 1–2 (%)'
};

export const PLAN_SUBGOAL_STATUSES = ['open', 'achieved', 'not_achieved'] as const;
export type PlanSubgoalStatus = (typeof PLAN_SUBGOAL_STATUSES)[number];
export const planSubgoalStatusLabel: Record<PlanSubgoalStatus, string> = {
	open: 'Pågår',
	achieved: 'Uppnått',
	not_achieved: 'Inte uppnått'
};

/** The plan is followed up at tertial 2 and at the verksamhetsberättelse. */
export const PLAN_FOLLOW_UP_PERIODS = ['T2', 'VB'] as const;
export type PlanFollowUpPeriod = (typeof PLAN_FOLLOW_UP_PERIODS)[number];

/** BRÅ's five forms of otillåten påverkan. */
export const INCIDENT_FORMS = ['trakasserier', 'hot', 'vald', 'skadegorelse', 'korruption'] as const;
export type IncidentForm = (typeof INCIDENT_FORMS)[number];
export const incidentFormLabel: Record<IncidentForm, string> = {
	trakasserier: 'Trakasserier',
	hot: 'Hot',
	vald: 'Våld',
	skadegorelse: 'Skadegörelse',
	korruption: 'Korruption'
};
/** BRÅ's definitions, shown next to the choice. */
export const incidentFormHint: Record<IncidentForm, string> = {
	trakasserier: 'Förtal, ofredande, subtila hot och andra påtryckningar som inte är brott.',
	hot: 'Olaga hot, hot mot tjänsteman, utpressning och liknande.',
	vald: 'Misshandel, våld mot tjänsteman och liknande.',
	skadegorelse: 'Skadegörelse, åverkan, mordbrand och liknande.',
	korruption: 'Löfte eller erbjudande om muta eller annan otillbörlig belöning, otillbörliga relationer.'
};

export const INCIDENT_SUPPORT = ['yes', 'partly', 'no'] as const;
export type IncidentSupport = (typeof INCIDENT_SUPPORT)[number];
export const incidentSupportLabel: Record<IncidentSupport, string> = {
	yes: 'Ja, stödet räckte',
	partly: 'Delvis',
	no: 'Nej, stödet räckte inte'
};

// --- Indicators and the report to the nämnd (T2/VB) -------------------------------------------

/** count: whole numbers summed for the city · rate: numerator/denominator as per cent · percent · decimal. */
export const INDICATOR_KINDS = ['count', 'rate', 'percent', 'decimal'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const indicatorKindLabel: Record<IndicatorKind, string> = {
	count: 'Antal (heltal, summeras för hela staden)',
	rate: 'Andel av ett antal (täljare och nämnare, visas i procent)',
	percent: 'Procent (anges direkt)',
	decimal: 'Annat tal'
};

export const INDICATOR_PERIOD_TYPES = ['year', 'count_day', 'semester', 'tertial'] as const;
export type IndicatorPeriodType = (typeof INDICATOR_PERIOD_TYPES)[number];
export const indicatorPeriodTypeLabel: Record<IndicatorPeriodType, string> = {
	year: 'Per år',
	count_day: 'Mätdag i april och november',
	semester: 'Per termin (VT och HT)',
	tertial: 'Per tertial (T1, T2 och VB)'
};

/** How a figure may be split besides its total. */
export const INDICATOR_SPLITS = ['title', 'gender', 'level', 'area'] as const;
export type IndicatorSplit = (typeof INDICATOR_SPLITS)[number];
export const indicatorSplitLabel: Record<IndicatorSplit, string> = {
	title: 'Yrkestitel',
	gender: 'Kön',
	level: 'Chefsnivå',
	area: 'Verksamhetsområde'
};

/** Manager levels of the leadership programme. */
export const MANAGER_LEVELS = ['avdelningschef', 'enhetschef', 'bitradande_enhetschef'] as const;
export type ManagerLevel = (typeof MANAGER_LEVELS)[number];
export const managerLevelLabel: Record<ManagerLevel, string> = {
	avdelningschef: 'Avdelningschef',
	enhetschef: 'Enhetschef',
	bitradande_enhetschef: 'Biträdande enhetschef'
};

/** The two reports a year to the nämnd: tertial 2 and the verksamhetsberättelse. */
export const BOARD_REPORT_KINDS = ['T2', 'VB'] as const;
export type BoardReportKind = (typeof BOARD_REPORT_KINDS)[number];
export const boardReportKindLabel: Record<BoardReportKind, string> = {
	T2: 'Tertialrapport 2',
	VB: 'Verksamhetsberättelse'
};

/** Why the nearest manager's workbench says someone may need support (team/support-signal.ts). */
export type SupportReason = 'low' | 'drop' | 'cases';
export const supportReasonLabel: Record<SupportReason, string> = { low: 'svarade 1–2', drop: 'har sjunkit sedan förra svaret', cases: 'många ärenden' };


// --- The unit's own follow-up (issue 14): checklists, introduction, students --------------------

/** The child's or client's gender on a checklist (the unit reports split by it). */
export const CLIENT_GENDERS = ['flicka', 'pojke', 'annat'] as const;
export type ClientGender = (typeof CLIENT_GENDERS)[number];
export const clientGenderLabel: Record<ClientGender, string> = { flicka: 'Flicka/kvinna', pojke: 'Pojke/man', annat: 'Annat/okänt' };

export const CLIENT_AGE_BANDS = ['0-6', '7-12', '13-17', '18-20', '21-64', '65+'] as const;
export type ClientAgeBand = (typeof CLIENT_AGE_BANDS)[number];
export const clientAgeBandLabel: Record<ClientAgeBand, string> = {
	'0-6': '0–6 år',
	'7-12': '7–12 år',
	'13-17': '13–17 år',
	'18-20': '18–20 år',
	'21-64': '21–64 år',
	'65+': '65 år eller äldre'
};

export const CHECKLIST_ANSWERS = ['ja', 'nej', 'ej_aktuellt'] as const;
export type ChecklistAnswer = (typeof CHECKLIST_ANSWERS)[number];
export const checklistAnswerLabel: Record<ChecklistAnswer, string> = { ja: 'Ja', nej: 'Nej', ej_aktuellt: 'Ej aktuellt' };

/** Students (VFU, verksamhetsförlagd utbildning) and trainees (traineer) an enhet receives. */
export const PLACEMENT_KINDS = ['vfu_student', 'trainee'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
export const placementKindLabel: Record<PlacementKind, string> = { vfu_student: 'VFU-student', trainee: 'Trainee' };
