/**
 * The themes that motivations are read for (issue 15): the plan's built-in areas, by their code
 * in plan_areas, and a few that cut across them. A theme is what a text speaks about, not whether
 * it praises or complains: "bra handledning" and "ingen handledning" are both about handledning.
 */
export const PLAN_AREA_THEMES = [
	'user_participation',
	'introduction_mentorship',
	'manager_span_reporting',
	'competence_forum',
	'close_leadership',
	'admin_support_caseworkers',
	'admin_support_managers',
	'case_supervision',
	'co_handling',
	'further_training',
	'student_placements',
	'trainees',
	'premises_tools',
	'threats_violence',
	'gender_equality',
	'university_collaboration'
] as const;

export const CROSS_CUTTING_THEMES = ['workload', 'colleagues', 'salary', 'documentation', 'staffing'] as const;

export const THEMES = [...CROSS_CUTTING_THEMES, ...PLAN_AREA_THEMES] as const;
export type Theme = (typeof THEMES)[number];

export const isPlanAreaTheme = (value: string): value is (typeof PLAN_AREA_THEMES)[number] => (PLAN_AREA_THEMES as readonly string[]).includes(value);

/**
 * Short Swedish names and what each theme covers. A plan area's theme is shown with the area's
 * own (possibly reworded) title where there is one; these are the fallback and the guide for
 * whoever extends the lexicon or labels texts.
 */
export const THEME_INFO: Record<Theme, { label: string; covers: string }> = {
	workload: {
		label: 'Arbetsbelastning och ärendemängd',
		covers: 'Hur mycket arbete det är: antal ärenden, tempo, stress, att inte hinna, övertid, prioriteringar.'
	},
	colleagues: {
		label: 'Kollegor och arbetsgrupp',
		covers: 'Kollegorna, stämningen, sammanhållningen och stödet i arbetsgruppen.'
	},
	salary: { label: 'Lön', covers: 'Lön, lönenivå, löneutveckling, lönesamtal, ersättningar.' },
	documentation: {
		label: 'Dokumentation',
		covers: 'Att dokumentera och skriva: journalföring, utredningstexter, mallar, tid för dokumentation.'
	},
	staffing: {
		label: 'Bemanning och personalomsättning',
		covers: 'Vakanser, kollegor som slutar, konsulter, nyrekrytering, underbemanning.'
	},
	user_participation: {
		label: 'Brukardelaktighet och återkoppling',
		covers: 'Barnens, klienternas och brukarnas delaktighet och återkoppling från dem.'
	},
	introduction_mentorship: {
		label: 'Introduktion och mentorskap',
		covers: 'Introduktionen av nyanställda, mentorer, att vara ny.'
	},
	manager_span_reporting: {
		label: 'Medarbetare per chef och rapportering',
		covers: 'Hur många medarbetare en chef har, och att arbetssituationen rapporteras uppåt till avdelningschefen.'
	},
	competence_forum: {
		label: 'Kompetens- och utvecklingsforum',
		covers: 'Lokala forum för metod- och kunskapsutveckling, metodträffar, kunskapsutbyte.'
	},
	close_leadership: {
		label: 'Nära och tillgänglig ledning',
		covers: 'Närmaste chefen och ledningen: tillgänglighet, närvaro, stöd, beslut, förtroende.'
	},
	admin_support_caseworkers: {
		label: 'Administrativt stöd till handläggare',
		covers: 'Administratörer och assistenter som avlastar handläggare: bokningar, utskick, registrering, arkiv.'
	},
	admin_support_managers: {
		label: 'Administrativt stöd till chefer',
		covers: 'Stöd till chefer i HR, ekonomi och administration.'
	},
	case_supervision: {
		label: 'Ärendehandledning',
		covers: 'Handledning i ärenden, ärendedragningar, konsultation, ärendegenomgångar.'
	},
	co_handling: {
		label: 'Medhandläggarskap',
		covers: 'Att vara två handläggare i ett ärende, medhandläggare, att inte stå ensam i svåra ärenden.'
	},
	further_training: {
		label: 'Fortbildning',
		covers: 'Utbildningar, kurser, specialistutbildning, kompetensutveckling.'
	},
	student_placements: { label: 'Studenter', covers: 'Att ta emot socionomstudenter, VFU och praktik.' },
	trainees: { label: 'Traineer', covers: 'Traineer och traineeprogram.' },
	premises_tools: {
		label: 'Lokaler och arbetsredskap',
		covers: 'Kontor, rum, ljudmiljö, datorer, verksamhetssystem, telefoner och annan utrustning.'
	},
	threats_violence: {
		label: 'Hot, våld och otillåten påverkan',
		covers: 'Hot, våld, trakasserier och otillåten påverkan mot tjänstepersoner, och säkerheten.'
	},
	gender_equality: { label: 'Jämställdhet', covers: 'Jämställdhet och likabehandling.' },
	university_collaboration: {
		label: 'Samverkan med lärosäten',
		covers: 'Samarbete med universitet och högskolor, forskning.'
	}
};
