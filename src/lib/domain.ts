/**
 * Domain vocabulary shared by server and pages: the enum values of the schema with their
 * Swedish labels, and the statements of the pulse survey. One name per concept.
 */

export const ORG_UNIT_KINDS = ['kommun', 'forvaltning', 'avdelning', 'enhet', 'arbetsgrupp'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const orgUnitKindLabel: Record<OrgUnitKind, string> = {
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
	'admin'
] as const;
export type Role = (typeof ROLES)[number];
export const roleLabel: Record<Role, string> = {
	deputy_unit_manager: 'Biträdande enhetschef',
	unit_manager: 'Enhetschef',
	department_manager: 'Avdelningschef',
	local_steering: 'Lokal styrgrupp',
	central_steering: 'Central styrgrupp',
	admin: 'Systemadministratör'
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

export const ACTION_PLAN_STATUSES = ['offered', 'active', 'declined', 'closed'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];
export const actionPlanStatusLabel: Record<ActionPlanStatus, string> = {
	offered: 'Erbjuden',
	active: 'Pågår',
	declined: 'Avböjd',
	closed: 'Avslutad'
};
