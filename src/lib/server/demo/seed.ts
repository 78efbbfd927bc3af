/**
 * The demo organisation "Exempelstad": a fictional kommun with 14 stadsdelsförvaltningar,
 * ~1 500 handläggare, their managers, six closed rounds from the zero measurement VB 2016 to
 * T2 2019 and one open round. Everything comes from a seeded PRNG, so the same seed gives
 * the same data (ids included) on every run.
 *
 * The data is first planned in memory (buildDemoData, free of the database), then inserted
 * in chunks inside one transaction. seedDemo only runs on a database without org units.
 */
import type { ActivityArea, Gender, Role, RoundKind, Title } from '$lib/domain';
import { hashPassword } from '../auth/password';
import { query, sql, type Db } from '../db/client';
import { orgUnits, people, responses, roleAssignments, roundMembers, rounds, roundUnits } from '../db/schema';
import { countRows, insertChunked, orgUnitRow, personRow, responseRow, roleRow, type UnitRef } from './factories';
import { seedGroupPlans } from './seed-group-plans';
import { seedWorkload } from './seed-workload';
import { seedUnitGoals } from './seed-unit-goals';
import { seedIntroductions } from './seed-introductions';
import { seedIndicators } from './seed-indicators';
import { seedPlanDemo } from './seed-city-plan';
import { randomGender, randomName, uniqueEmail, type PersonName } from './names';
import { Random } from './random';
import { AREA_MOTIVATIONS, NEGATIVE_MOTIVATIONS, POSITIVE_ANSWERS, POSITIVE_MOTIVATIONS } from './texts';
import { now as clockNow, yearInStockholm } from '../clock';

export const DEMO_PASSWORD = 'demo';
export const DEMO_ORG_NAME = 'Exempelstad';
export const DEFAULT_STAFF_TARGET = 1500;
export const DEFAULT_SEED = 20161121;

export interface DemoLogin {
	/** A Role, or the title of the handläggare logins. */
	role: string;
	/** Swedish, for the login page and the start-up message. */
	label: string;
	email: string;
	name: string;
}

/** One login per role, password "demo". They form one chain in Norrviks stadsdelsförvaltning. */
export const DEMO_LOGINS: DemoLogin[] = [
	{ role: 'socialsekreterare', label: 'Socialsekreterare', email: 'socialsekreterare@exempelstad.se', name: 'Sara Lindqvist' },
	{ role: 'bistandshandlaggare', label: 'Biståndshandläggare', email: 'bistandshandlaggare@exempelstad.se', name: 'Amina Hassan' },
	{ role: 'deputy_unit_manager', label: 'Biträdande enhetschef', email: 'bitr.enhetschef@exempelstad.se', name: 'Johan Bergström' },
	{ role: 'unit_manager', label: 'Enhetschef', email: 'enhetschef@exempelstad.se', name: 'Maria Ekström' },
	{ role: 'department_manager', label: 'Avdelningschef', email: 'avdelningschef@exempelstad.se', name: 'Anders Holmberg' },
	{ role: 'local_steering', label: 'Lokal styrgrupp', email: 'styrgrupp@exempelstad.se', name: 'Leila Karimi' },
	{ role: 'central_steering', label: 'Central styrgrupp', email: 'central.styrgrupp@exempelstad.se', name: 'Mikael Nyström' },
	{ role: 'admin', label: 'Systemadministratör', email: 'admin@exempelstad.se', name: 'Lena Åberg' },
	{ role: 'union_representative', label: 'Facklig representant', email: 'facklig@exempelstad.se', name: 'Karin Sjöberg' },
	{ role: 'researcher', label: 'Följeforskare', email: 'foljeforskare@exempelstad.se', name: 'Erik Lund' }
];

const DEMO_GENDER: Record<string, Gender> = {
	socialsekreterare: 'kvinna',
	bistandshandlaggare: 'kvinna',
	deputy_unit_manager: 'man',
	unit_manager: 'kvinna',
	department_manager: 'man',
	local_steering: 'kvinna',
	central_steering: 'man',
	admin: 'kvinna',
	union_representative: 'kvinna',
	researcher: 'man'
};

export interface DemoOptions {
	/** Active handläggare wanted today (roughly; tiny units are not scaled). Default 1 500. */
	staffTarget?: number;
	/** "Today": the open round runs from 10 days before to 16 days after. Default the app's clock. */
	now?: Date;
	seed?: number;
}

export interface DemoSummary {
	/** false when the database already had an organisation and nothing was added. */
	seeded: boolean;
	/** Rows in the database after the call. */
	units: number;
	people: number;
	rounds: number;
	responses: number;
	logins: DemoLogin[];
}

// --- The organisation's shape --------------------------------------------------------

export const DEMO_FORVALTNINGAR = [
	'Norrviks stadsdelsförvaltning',
	'Ekbacka stadsdelsförvaltning',
	'Lindåsens stadsdelsförvaltning',
	'Strandvikens stadsdelsförvaltning',
	'Granhöjdens stadsdelsförvaltning',
	'Västerslätts stadsdelsförvaltning',
	'Sjöängens stadsdelsförvaltning',
	'Tallmons stadsdelsförvaltning',
	'Bergsäters stadsdelsförvaltning',
	'Ängsholmens stadsdelsförvaltning',
	'Kvarnåsens stadsdelsförvaltning',
	'Björkuddens stadsdelsförvaltning',
	'Solmyra stadsdelsförvaltning',
	'Fjärdhamns stadsdelsförvaltning'
] as const;

/** The förvaltning whose results get worse over the rounds (higher turnover, rising caseloads). */
const DECLINING_FORVALTNING = 10;

const DEPARTMENTS = {
	barn: { name: 'Avdelningen för barn och unga', areas: ['barn_och_unga'] },
	vuxna: { name: 'Avdelningen för vuxna', areas: ['socialpsykiatri', 'missbruk_beroende'] },
	ekb: { name: 'Avdelningen för ekonomiskt bistånd', areas: ['ekonomiskt_bistand'] },
	vuxnaEkb: {
		name: 'Avdelningen för vuxna och ekonomiskt bistånd',
		areas: ['ekonomiskt_bistand', 'socialpsykiatri', 'missbruk_beroende']
	},
	ifo: {
		name: 'Avdelningen för individ- och familjeomsorg',
		areas: ['barn_och_unga', 'ekonomiskt_bistand', 'socialpsykiatri', 'missbruk_beroende']
	},
	aldreFn: { name: 'Avdelningen för äldre och funktionsnedsättning', areas: ['aldreomsorg', 'funktionsnedsattning'] }
} satisfies Record<string, { name: string; areas: ActivityArea[] }>;
type DepartmentKey = keyof typeof DEPARTMENTS;

const LAYOUTS: DepartmentKey[][] = [
	['barn', 'vuxna', 'ekb', 'aldreFn'],
	['barn', 'vuxnaEkb', 'aldreFn'],
	['ifo', 'aldreFn']
];

type SizeClass = 'tiny' | 'normal' | 'large';

interface EnhetSpec {
	forvaltning: number;
	department: number;
	area: ActivityArea;
	name: string;
	sizeClass: SizeClass;
	size: number;
	/** Sizes of the demo chain are fixed, not scaled to the staff target. */
	fixed: boolean;
	groupNames: string[];
	/** Which handläggare slot is a demo login: [login role, index of the group or -1 for the enhet]. */
	demoSlot?: ['socialsekreterare' | 'bistandshandlaggare', number];
	demoManager?: boolean;
	demoDeputyGroup?: number;
}

const GROUP_NAMES: Record<ActivityArea, string[][]> = {
	barn_och_unga: [
		['Mottagningsgruppen', 'Utredningsgrupp 1', 'Familjebehandling'],
		['Utredningsgrupp 1', 'Utredningsgrupp 2', 'Ungdomsgruppen']
	],
	ekonomiskt_bistand: [
		['Mottagningsgruppen', 'Handläggargrupp 1', 'Handläggargrupp 2'],
		['Gruppen för unga vuxna', 'Gruppen för vuxna', 'Gruppen för långvarigt bistånd']
	],
	socialpsykiatri: [['Mottagningsgruppen', 'Utredningsgruppen', 'Uppföljningsgruppen']],
	missbruk_beroende: [['Mottagningsgruppen', 'Utredningsgruppen', 'Uppföljningsgruppen']],
	funktionsnedsattning: [['LSS-gruppen', 'SoL-gruppen', 'Gruppen för barn och unga']],
	aldreomsorg: [
		['Grupp norr', 'Grupp söder', 'Grupp väster'],
		['Mottagningsgruppen', 'Hemtjänstgruppen', 'Gruppen för särskilt boende']
	]
};

/** Enheter that are often small in real förvaltningar. */
const OFTEN_TINY = new Set(['Familjerättsenheten', 'Enheten för ensamkommande barn och unga']);

function enhetNames(random: Random, area: ActivityArea): string[] {
	switch (area) {
		case 'barn_och_unga': {
			const extras = random.shuffle(['Familjehemsenheten', 'Ungdomsenheten', 'Familjerättsenheten', 'Enheten för ensamkommande barn och unga']);
			const n = random.weighted([
				[2, 0.5],
				[3, 0.4],
				[4, 0.1]
			]);
			return ['Mottagningsenheten barn och unga', 'Utredningsenheten barn och unga', ...extras].slice(0, n);
		}
		case 'ekonomiskt_bistand':
			return random.chance(0.5)
				? ['Enheten för ekonomiskt bistånd']
				: ['Mottagningsenheten ekonomiskt bistånd', random.pick(['Enheten för ekonomiskt bistånd', 'Enheten för unga vuxna'])];
		case 'socialpsykiatri':
			return ['Socialpsykiatriska enheten'];
		case 'missbruk_beroende':
			return [random.pick(['Beroendeenheten', 'Vuxenenheten missbruk och beroende'])];
		case 'funktionsnedsattning':
			return [random.pick(['Biståndsenheten funktionsnedsättning', 'LSS-enheten'])];
		case 'aldreomsorg':
			return random.chance(0.5) ? ['Biståndsenheten äldre'] : ['Biståndsenheten äldre norr', 'Biståndsenheten äldre söder'];
	}
}

function sizeFor(random: Random, sizeClass: SizeClass): number {
	if (sizeClass === 'tiny') return random.int(2, 4);
	if (sizeClass === 'large') return random.int(20, 30);
	return random.int(6, 15);
}

function randomEnhet(random: Random, forvaltning: number, department: number, area: ActivityArea, name: string): EnhetSpec {
	const canBeLarge = area !== 'socialpsykiatri' && area !== 'missbruk_beroende';
	const tiny = OFTEN_TINY.has(name) ? 0.45 : 0.07;
	const sizeClass = random.weighted<SizeClass>([
		['tiny', tiny],
		['large', canBeLarge ? 0.22 : 0],
		['normal', 1 - tiny - (canBeLarge ? 0.22 : 0)]
	]);
	const size = sizeFor(random, sizeClass);
	const groups = sizeClass === 'large' ? random.pick(GROUP_NAMES[area]).slice(0, size >= 25 ? 3 : 2) : [];
	return { forvaltning, department, area, name, sizeClass, size, fixed: false, groupNames: groups };
}

/** The demo förvaltning's two avdelningar that hold the demo logins, fixed so the walkthrough is stable. */
function demoChainEnheter(department: number, area: ActivityArea, random: Random): EnhetSpec[] | null {
	const base = { forvaltning: 0, department, fixed: true };
	if (area === 'barn_och_unga') {
		return [
			{ ...base, area, name: 'Mottagningsenheten barn och unga', sizeClass: 'normal', size: 11, groupNames: [] },
			{
				...base,
				area,
				name: 'Utredningsenheten barn och unga',
				sizeClass: 'large',
				size: 26,
				groupNames: ['Utredningsgrupp 1', 'Utredningsgrupp 2', 'Ungdomsgruppen'],
				demoSlot: ['socialsekreterare', 0],
				demoManager: true,
				demoDeputyGroup: 0
			},
			{ ...base, area, name: 'Familjehemsenheten', sizeClass: 'normal', size: 8, groupNames: [] },
			// Too small to report on its own: the avdelningschef sees it suppressed.
			{ ...base, area, name: 'Familjerättsenheten', sizeClass: 'tiny', size: 3, groupNames: [] }
		];
	}
	if (area === 'aldreomsorg') {
		return [
			{
				...base,
				area,
				name: 'Biståndsenheten äldre norr',
				sizeClass: 'normal',
				size: 13,
				groupNames: [],
				demoSlot: ['bistandshandlaggare', -1]
			},
			{ ...randomEnhet(random, 0, department, area, 'Biståndsenheten äldre söder'), fixed: true }
		];
	}
	return null;
}

/** All enheter, sized and scaled so the total is close to the staff target. */
function planEnheter(random: Random, staffTarget: number): { layouts: DepartmentKey[][]; enheter: EnhetSpec[] } {
	const layouts: DepartmentKey[][] = [];
	const enheter: EnhetSpec[] = [];
	DEMO_FORVALTNINGAR.forEach((_, f) => {
		const layout =
			f === 0
				? LAYOUTS[0]
				: random.weighted([
						[LAYOUTS[0], 0.4],
						[LAYOUTS[1], 0.35],
						[LAYOUTS[2], 0.25]
					]);
		layouts.push(layout);
		layout.forEach((key, d) => {
			for (const area of DEPARTMENTS[key].areas) {
				const demo = f === 0 ? demoChainEnheter(d, area, random) : null;
				if (demo) enheter.push(...demo);
				else for (const name of enhetNames(random, area)) enheter.push(randomEnhet(random, f, d, area, name));
			}
		});
	});
	// Scale the ordinary enheter to the target; tiny ones stay tiny so suppression stays visible.
	const scalable = enheter.filter((e) => !e.fixed && e.sizeClass !== 'tiny');
	const rest = enheter.reduce((sum, e) => sum + (scalable.includes(e) ? 0 : e.size), 0);
	const scalableTotal = scalable.reduce((sum, e) => sum + e.size, 0);
	const factor = Math.max(0.05, (staffTarget - rest) / scalableTotal);
	for (const e of scalable) {
		const [min, max] = e.sizeClass === 'large' ? [4, 30] : [3, 15];
		e.size = Math.min(max, Math.max(min, Math.round(e.size * factor)));
		if (e.size < 12) e.groupNames = [];
	}
	return { layouts, enheter };
}

// --- Rounds --------------------------------------------------------------------------

interface RoundPlan {
	kind: RoundKind;
	year: number;
	opensAt: Date;
	closesAt: Date;
	open: boolean;
}

/** Opens at 08:00 and closes at 23:59 Swedish winter time. */
const at = (isoDate: string, time: string) => new Date(`${isoDate}T${time}+01:00`);
const DAY = 24 * 60 * 60 * 1000;

const PAST_ROUNDS: Omit<RoundPlan, 'open'>[] = [
	{ kind: 'VB', year: 2016, opensAt: at('2016-11-21', '08:00'), closesAt: at('2016-12-09', '23:59') },
	{ kind: 'T2', year: 2017, opensAt: at('2017-08-28', '08:00'), closesAt: at('2017-09-15', '23:59') },
	{ kind: 'VB', year: 2017, opensAt: at('2017-11-20', '08:00'), closesAt: at('2017-12-08', '23:59') },
	{ kind: 'T2', year: 2018, opensAt: at('2018-08-27', '08:00'), closesAt: at('2018-09-14', '23:59') },
	{ kind: 'VB', year: 2018, opensAt: at('2018-11-19', '08:00'), closesAt: at('2018-12-07', '23:59') },
	{ kind: 'T2', year: 2019, opensAt: at('2019-08-26', '08:00'), closesAt: at('2019-09-13', '23:59') }
];

function planRounds(now: Date): RoundPlan[] {
	const current: RoundPlan = {
		kind: 'VB',
		year: yearInStockholm(now),
		opensAt: new Date(now.getTime() - 10 * DAY),
		closesAt: new Date(now.getTime() + 16 * DAY),
		open: true
	};
	// With an early `now` (tests), only the rounds that had closed before the open one began.
	const past = PAST_ROUNDS.filter((r) => r.closesAt < current.opensAt).map((r) => ({ ...r, open: false }));
	return [...past, current];
}

// --- Answers -------------------------------------------------------------------------

/** Open cases per handläggare at the zero measurement and by T2 2019. */
const CASELOAD: Record<ActivityArea, { start: number; end: number; sd: number }> = {
	barn_och_unga: { start: 20, end: 15, sd: 3.5 },
	ekonomiskt_bistand: { start: 95, end: 76, sd: 12 },
	socialpsykiatri: { start: 40, end: 32, sd: 6 },
	missbruk_beroende: { start: 35, end: 28, sd: 5 },
	funktionsnedsattning: { start: 72, end: 60, sd: 10 },
	aldreomsorg: { start: 120, end: 98, sd: 15 }
};

/** Some areas are harder than others. */
const AREA_EFFECT: Record<ActivityArea, number> = {
	barn_och_unga: -0.25,
	ekonomiskt_bistand: -0.1,
	socialpsykiatri: 0.05,
	missbruk_beroende: 0,
	funktionsnedsattning: 0.15,
	aldreomsorg: 0.1
};

const toScale = (x: number) => Math.min(6, Math.max(1, Math.round(x)));

function motivation(random: Random, score: number, area: ActivityArea, avoid: (string | null)[]): string {
	const negative = score <= 3;
	const list = random.chance(0.15)
		? AREA_MOTIVATIONS[area][negative ? 'negative' : 'positive']
		: negative
			? NEGATIVE_MOTIVATIONS
			: POSITIVE_MOTIVATIONS;
	let text = random.pick(list);
	if (avoid.includes(text)) text = random.pick(negative ? NEGATIVE_MOTIVATIONS : POSITIVE_MOTIVATIONS);
	return text;
}

/** A moment in office hours (Swedish time, roughly) between two dates. */
function officeHoursBetween(random: Random, from: Date, to: Date): Date {
	const d = random.dateBetween(from, to);
	d.setUTCHours(random.int(6, 15), random.int(0, 59), random.int(0, 59), 0);
	if (d < from) return from;
	if (d > to) return to;
	return d;
}

// --- The plan ----------------------------------------------------------------------

type UnitInsert = typeof orgUnits.$inferInsert;
type PersonInsert = typeof people.$inferInsert;
type RoleInsert = typeof roleAssignments.$inferInsert;
type RoundInsert = typeof rounds.$inferInsert;
type RoundUnitInsert = typeof roundUnits.$inferInsert;
type MemberInsert = typeof roundMembers.$inferInsert;
type ResponseInsert = typeof responses.$inferInsert;

export interface DemoData {
	units: UnitInsert[];
	people: PersonInsert[];
	roles: RoleInsert[];
	rounds: RoundInsert[];
	roundUnits: RoundUnitInsert[];
	members: MemberInsert[];
	responses: ResponseInsert[];
}

interface Holder {
	personId: string;
	gender: Gender;
	hiredAt: Date;
	/** Set when the holder left before the open round; they stay in the data as inactive. */
	leftAt: Date | null;
	/** Index of the first and last round the holder was employed through. */
	fromRound: number;
	toRound: number;
	effect: number;
	demo: boolean;
}

interface Slot {
	unitId: string;
	enhet: number;
	forvaltning: number;
	area: ActivityArea;
	title: Title;
	holders: Holder[];
}

/**
 * Plans every row of the demo organisation in memory. Pure apart from the clock passed in,
 * so it can be tested and timed without a database.
 */
export function buildDemoData(options: { staffTarget: number; now: Date; seed: number; passwordHash: string }): DemoData {
	const root = new Random(options.seed);
	const ids = root.fork('ids');
	const structure = root.fork('structure');
	const names = root.fork('names');
	const turnover = root.fork('turnover');
	const answers = root.fork('answers');
	const { now, passwordHash } = options;

	const data: DemoData = { units: [], people: [], roles: [], rounds: [], roundUnits: [], members: [], responses: [] };
	const usedEmails = new Set(DEMO_LOGINS.map((l) => l.email));
	const orgCreated = new Date('2015-01-01T00:00:00+01:00');
	let employeeNumber = 100000;

	const addUnit = (parent: UnitRef | null, kind: UnitInsert['kind'], name: string, activityArea?: ActivityArea) => {
		const row = orgUnitRow({ id: ids.uuid(), parent, kind, name, activityArea, createdAt: orgCreated });
		data.units.push(row);
		return row;
	};

	const addPerson = (p: {
		unitId: string;
		title: Title;
		area: ActivityArea | null;
		gender: Gender;
		hiredAt: Date;
		leftAt?: Date | null;
		demo?: DemoLogin;
	}): string => {
		let email: string;
		let name: string;
		if (p.demo) {
			email = p.demo.email;
			name = p.demo.name;
		} else {
			const n: PersonName = randomName(names, p.gender);
			email = uniqueEmail(n.first, n.last, usedEmails);
			name = n.name;
		}
		const row = personRow({
			id: ids.uuid(),
			employeeId: String(++employeeNumber),
			email,
			name,
			gender: p.gender,
			orgUnitId: p.unitId,
			title: p.title,
			activityArea: p.area,
			passwordHash,
			active: !p.leftAt,
			deactivatedAt: p.leftAt ?? null,
			createdAt: p.hiredAt
		});
		data.people.push(row);
		return row.id;
	};

	const login = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!;
	const managerHired = () => structure.dateBetween(new Date('2008-01-01'), new Date('2016-06-30'));
	const addManager = (unitId: string, role: Role, area: ActivityArea | null, demoRole?: string) => {
		const demo = demoRole ? login(demoRole) : undefined;
		const personId = addPerson({
			unitId,
			// A systemadministratör, a facklig representant or a följeforskare is not a chef.
			title: role === 'admin' || role === 'union_representative' || role === 'researcher' ? 'ovrig' : 'chef',
			area,
			gender: demo ? DEMO_GENDER[demo.role] : randomGender(structure, { kvinna: 0.72, man: 0.27, annat: 0.01 }),
			hiredAt: managerHired(),
			demo
		});
		data.roles.push(roleRow({ id: ids.uuid(), personId, orgUnitId: unitId, role }));
	};

	// Organisation and managers.
	const { layouts, enheter } = planEnheter(structure, options.staffTarget);
	const kommun = addUnit(null, 'kommun', DEMO_ORG_NAME);
	addManager(kommun.id, 'central_steering', null, 'central_steering');
	addManager(kommun.id, 'central_steering', null);
	addManager(kommun.id, 'admin', null, 'admin');

	const slots: Slot[] = [];
	const forvaltningIds: string[] = [];
	DEMO_FORVALTNINGAR.forEach((forvaltningName, f) => {
		const forvaltning = addUnit(kommun, 'forvaltning', forvaltningName);
		forvaltningIds.push(forvaltning.id);
		addManager(forvaltning.id, 'local_steering', null, f === 0 ? 'local_steering' : undefined);
		addManager(forvaltning.id, 'local_steering', null);
		layouts[f].forEach((key, d) => {
			const avdelning = addUnit(forvaltning, 'avdelning', DEPARTMENTS[key].name);
			addManager(avdelning.id, 'department_manager', null, f === 0 && key === 'barn' ? 'department_manager' : undefined);
			for (const [e, spec] of enheter.entries()) {
				if (spec.forvaltning !== f || spec.department !== d) continue;
				const enhet = addUnit(avdelning, 'enhet', spec.name, spec.area);
				addManager(enhet.id, 'unit_manager', spec.area, spec.demoManager ? 'unit_manager' : undefined);
				// Where handläggare sit: the enhet itself, or its arbetsgrupper.
				const seats: string[] = [];
				const groupIds: string[] = [];
				if (spec.groupNames.length === 0) {
					for (let i = 0; i < spec.size; i++) seats.push(enhet.id);
				} else {
					spec.groupNames.forEach((groupName, g) => {
						const group = addUnit(enhet, 'arbetsgrupp', groupName, spec.area);
						groupIds.push(group.id);
						addManager(group.id, 'deputy_unit_manager', spec.area, spec.demoDeputyGroup === g ? 'deputy_unit_manager' : undefined);
						const share = Math.floor(spec.size / spec.groupNames.length) + (g < spec.size % spec.groupNames.length ? 1 : 0);
						for (let i = 0; i < share; i++) seats.push(group.id);
					});
				}
				const otherTitleShare = spec.area === 'aldreomsorg' || spec.area === 'funktionsnedsattning' ? 0.08 : 0;
				const mainTitle: Title = otherTitleShare > 0 ? 'bistandshandlaggare' : 'socialsekreterare';
				for (const unitId of seats) {
					const title: Title = structure.chance(otherTitleShare) ? 'socialsekreterare' : mainTitle;
					slots.push({ unitId, enhet: e, forvaltning: f, area: spec.area, title, holders: [] });
				}
				if (spec.demoSlot) {
					// The demo login takes the first seat of its group (or of the enhet).
					const [demoRole, g] = spec.demoSlot;
					const unitId = g < 0 ? enhet.id : groupIds[g];
					const slot = slots.find((s) => s.enhet === e && s.unitId === unitId)!;
					const hiredAt = new Date(demoRole === 'socialsekreterare' ? '2013-08-19T08:00:00+02:00' : '2011-03-01T08:00:00+01:00');
					slot.title = demoRole;
					slot.holders.push({
						personId: addPerson({ unitId, title: demoRole, area: spec.area, gender: DEMO_GENDER[demoRole], hiredAt, demo: login(demoRole) }),
						gender: DEMO_GENDER[demoRole],
						hiredAt,
						leftAt: null,
						fromRound: 0,
						toRound: Number.MAX_SAFE_INTEGER,
						effect: 0.3,
						demo: true
					});
				}
			}
		});
	});

	// Rounds, and who held each seat at each of them: ~10–15 % of seats change hands between rounds.
	const roundPlans = planRounds(now);
	const last = roundPlans.length - 1;
	const turnoverRate = DEMO_FORVALTNINGAR.map((_, f) => (f === DECLINING_FORVALTNING ? 0.2 : turnover.float(0.1, 0.15)));
	for (const slot of slots) {
		const firstOpens = roundPlans[0].opensAt;
		if (slot.holders.length === 0) {
			slot.holders.push(newHolder(turnover, turnover.dateBetween(new Date('2006-01-01'), new Date(firstOpens.getTime() - 30 * DAY)), 0));
		}
		for (let k = 1; k <= last; k++) {
			const current = slot.holders[slot.holders.length - 1];
			if (current.demo || !turnover.chance(turnoverRate[slot.forvaltning])) continue;
			const previousCloses = roundPlans[k - 1].closesAt;
			const opens = roundPlans[k].opensAt;
			const leftAt = turnover.dateBetween(previousCloses, new Date(Math.max(previousCloses.getTime(), opens.getTime() - 20 * DAY)));
			current.toRound = k - 1;
			current.leftAt = leftAt;
			const hiredAt = turnover.dateBetween(new Date(Math.min(leftAt.getTime() + 7 * DAY, opens.getTime() - 3 * DAY)), new Date(opens.getTime() - 3 * DAY));
			slot.holders.push(newHolder(turnover, hiredAt, k));
		}
		for (const holder of slot.holders) {
			if (holder.demo) continue;
			holder.personId = addPerson({
				unitId: slot.unitId,
				title: slot.title,
				area: slot.area,
				gender: holder.gender,
				hiredAt: holder.hiredAt,
				leftAt: holder.leftAt
			});
		}
	}

	// Per-förvaltning trends: most improve, one gets worse.
	const forvaltningTrend = DEMO_FORVALTNINGAR.map((_, f) =>
		f === DECLINING_FORVALTNING
			? { offset: 0.35, gain: -0.75, caseTrend: -0.3 }
			: { offset: answers.normal(0, 0.15), gain: answers.float(0.65, 1.3), caseTrend: answers.float(0.6, 1.3) }
	);
	const responseRate = DEMO_FORVALTNINGAR.map(() => answers.float(0.8, 0.92));
	const enhetEffect = enheter.map(() => answers.normal(0, 0.25));
	const enhetCases = enheter.map(() => answers.normal(1, 0.08));
	const enhetRoundNoise = enheter.map(() => roundPlans.map(() => answers.normal(0, 0.15)));

	const pastCount = roundPlans.length - 1;
	roundPlans.forEach((plan, k) => {
		const roundId = ids.uuid();
		data.rounds.push({
			id: roundId,
			kind: plan.kind,
			year: plan.year,
			name: `${plan.kind} ${plan.year}`,
			opensAt: plan.opensAt,
			closesAt: plan.closesAt,
			status: plan.open ? 'open' : 'closed',
			openedAt: plan.opensAt,
			closedAt: plan.open ? null : plan.closesAt,
			createdAt: new Date(plan.opensAt.getTime() - 21 * DAY)
		});
		for (const orgUnitId of forvaltningIds) data.roundUnits.push({ roundId, orgUnitId });
		// Progress from the zero measurement (0) to T2 2019 (1); the open round continues a little.
		const t = plan.open ? 1.05 : pastCount > 1 ? k / (pastCount - 1) : 0;
		const answerUntil = plan.open ? new Date(Math.min(now.getTime(), plan.closesAt.getTime())) : plan.closesAt;

		for (const slot of slots) {
			const holder = slot.holders.find((h) => h.fromRound <= k && k <= h.toRound);
			if (!holder) continue;
			data.members.push({ roundId, personId: holder.personId, orgUnitId: slot.unitId, title: slot.title, activityArea: slot.area, gender: holder.gender });
			const answered = plan.open ? !holder.demo && answers.chance(0.35) : holder.demo || answers.chance(responseRate[slot.forvaltning]);
			if (!answered) continue;

			const trend = forvaltningTrend[slot.forvaltning];
			const load = CASELOAD[slot.area];
			const expected = (load.start + (load.end - load.start) * t * trend.caseTrend) * enhetCases[slot.enhet];
			const newcomer = plan.opensAt.getTime() - holder.hiredAt.getTime() < 120 * DAY ? 0.6 : 1;
			const otherTitle = slot.title === 'socialsekreterare' && (slot.area === 'aldreomsorg' || slot.area === 'funktionsnedsattning') ? 0.6 : 1;
			const caseCount = Math.min(500, Math.max(1, Math.round(answers.normal(expected * newcomer * otherTitle, load.sd))));

			const latent =
				3.25 +
				trend.offset +
				trend.gain * 0.9 * t +
				AREA_EFFECT[slot.area] +
				enhetEffect[slot.enhet] +
				enhetRoundNoise[slot.enhet][k] +
				holder.effect -
				0.15 * ((caseCount - expected) / load.sd) +
				answers.normal(0, 0.55);
			const situationScore = toScale(latent);
			const qualityScore = toScale(latent + 0.3 + answers.normal(0, 0.55));
			const recommendScore = toScale(latent + 0.05 + answers.normal(0, 0.65));

			let situationComment: string | null = null;
			let qualityComment: string | null = null;
			let recommendComment: string | null = null;
			if (holder.demo || answers.chance(0.4)) {
				situationComment = motivation(answers, situationScore, slot.area, []);
				if (answers.chance(0.5)) qualityComment = motivation(answers, qualityScore, slot.area, [situationComment]);
				if (answers.chance(0.45)) recommendComment = motivation(answers, recommendScore, slot.area, [situationComment, qualityComment]);
			}
			const positiveText = holder.demo || answers.chance(0.6) ? answers.pick(POSITIVE_ANSWERS) : null;

			data.responses.push(
				responseRow({
					id: ids.uuid(),
					roundId,
					personId: holder.personId,
					orgUnitId: slot.unitId,
					title: slot.title,
					activityArea: slot.area,
					caseCount,
					situationScore,
					qualityScore,
					recommendScore,
					situationComment,
					qualityComment,
					recommendComment,
					positiveText,
					createdAt: officeHoursBetween(answers, plan.opensAt, answerUntil)
				})
			);
		}
	});
	// The readers the plan names, added last so that nobody else's data changes with them.
	addManager(forvaltningIds[0], 'union_representative', null, 'union_representative');
	addManager(kommun.id, 'researcher', null, 'researcher');
	return data;
}

function newHolder(random: Random, hiredAt: Date, fromRound: number): Holder {
	const gender = randomGender(random);
	return { personId: '', gender, hiredAt, leftAt: null, fromRound, toRound: Number.MAX_SAFE_INTEGER, effect: random.normal(0, 0.55), demo: false };
}

// --- Seeding -------------------------------------------------------------------------

const SEED_LOCK = 727102;

async function isEmpty(db: Db): Promise<boolean> {
	const [row] = await query<{ found: boolean }>(db, sql`select exists (select 1 from org_units) as found`);
	return !row.found;
}

/**
 * Creates the demo organisation when the database has no org units; otherwise does nothing.
 * Safe when several instances start at once: one transaction under an advisory lock.
 */
export async function seedDemo(db: Db, opts: DemoOptions = {}): Promise<DemoSummary> {
	const summary = async (seeded: boolean): Promise<DemoSummary> => ({ seeded, ...(await countRows(db)), logins: DEMO_LOGINS });
	if (!(await isEmpty(db))) return summary(false);

	// One hash for everyone: Argon2 is slow on purpose, and all demo passwords are "demo".
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const data = buildDemoData({
		staffTarget: opts.staffTarget ?? DEFAULT_STAFF_TARGET,
		now: opts.now ?? clockNow(),
		seed: opts.seed ?? DEFAULT_SEED,
		passwordHash
	});

	const seeded = await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
		if (!(await isEmpty(tx))) return false;
		await insertChunked(tx, orgUnits, data.units);
		await insertChunked(tx, people, data.people);
		await insertChunked(tx, roleAssignments, data.roles);
		await insertChunked(tx, rounds, data.rounds);
		await insertChunked(tx, roundUnits, data.roundUnits);
		await insertChunked(tx, roundMembers, data.members, 1000);
		await insertChunked(tx, responses, data.responses);
		await seedPlanDemo(tx, { now: opts.now ?? clockNow(), seed: opts.seed ?? DEFAULT_SEED });
		await seedIndicators(tx, { now: opts.now ?? clockNow(), seed: opts.seed ?? DEFAULT_SEED });
		return true;
	});
	// After the transaction: the group's figures come through the report, which reads the stored
	// anonymity decisions of the closed rounds.
	if (seeded) {
		const login = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!.email;
		await seedGroupPlans(db, { now: opts.now ?? clockNow(), managerEmail: login('unit_manager'), memberEmail: login('socialsekreterare') });
		await seedWorkload(db, { now: opts.now ?? clockNow(), departmentManagerEmail: login('department_manager'), unitManagerEmail: login('unit_manager'), caseworkerEmail: login('socialsekreterare') });
		await seedUnitGoals(db, { now: opts.now ?? clockNow(), unitManagerEmail: login('unit_manager') });
		await seedIntroductions(db, {
			now: opts.now ?? clockNow(),
			unitManagerEmail: login('unit_manager'),
			caseworkerEmail: login('socialsekreterare'),
			departmentManagerEmail: login('department_manager'),
			loginEmails: DEMO_LOGINS.map((l) => l.email),
			passwordHash
		});
	}
	return summary(seeded);
}
