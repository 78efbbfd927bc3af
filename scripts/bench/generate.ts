/**
 * The synthetic organisation of the benchmark: a region above many kommuner of very different
 * sizes, ~40 000 handläggare, their managers, N closed rounds with answers and one open round.
 * Everything comes from a seeded PRNG, so the same options give the same rows (ids included).
 *
 * The organisation and the people are planned in memory; the rows of each round are produced
 * one round at a time (`roundRows`), so the loader never holds all answers at once.
 */
import type { ActivityArea, Gender, OrgUnitKind, Role, RoundKind, Title } from '$lib/domain';
import { orgUnitRow, type UnitRef } from '$lib/server/demo/factories';
import { Random } from '$lib/server/demo/random';
import { AREA_MOTIVATIONS, NEGATIVE_MOTIVATIONS, POSITIVE_ANSWERS, POSITIVE_MOTIVATIONS } from '$lib/server/demo/texts';

export interface BenchOptions {
	/** Handläggare employed at any one time (the respondents of a round). */
	staff: number;
	/** Closed rounds before the open one. */
	rounds: number;
	seed: number;
	now: Date;
}

export type Row = (string | number | boolean | null)[];

export interface Table {
	name: string;
	columns: string[];
	rows: Row[];
}

export const BENCH_PASSWORD = 'bench';
export const BENCH_DOMAIN = 'bench.invalid';

/** The report readers, one per level, and where they look. */
export interface Reader {
	level: 'enhet' | 'avdelning' | 'förvaltning' | 'kommun' | 'root';
	email: string;
	unitId: string;
	unitName: string;
}

export interface Plan {
	options: BenchOptions;
	units: Table;
	people: Table;
	roles: Table;
	rounds: Table;
	roundUnits: Table;
	readers: Reader[];
	/** Ids of the closed rounds, oldest first, and of the open round. */
	closedRoundIds: string[];
	openRoundId: string;
	/** E-mail addresses of handläggare in the open round, for the answering load. */
	respondentEmails: string[];
	/** Produces the round_members and responses of round k (0 … rounds; the last is the open one). */
	roundRows(k: number): { members: Table; responses: Table };
	counts: { kommuner: number; forvaltningar: number; avdelningar: number; enheter: number; arbetsgrupper: number };
}

const DAY = 24 * 60 * 60 * 1000;

const DEPARTMENTS: { name: string; share: number; areas: [ActivityArea, number][] }[] = [
	{ name: 'Avdelningen för barn och unga', share: 0.3, areas: [['barn_och_unga', 1]] },
	{ name: 'Avdelningen för vuxna', share: 0.15, areas: [['socialpsykiatri', 0.5], ['missbruk_beroende', 0.5]] },
	{ name: 'Avdelningen för ekonomiskt bistånd', share: 0.2, areas: [['ekonomiskt_bistand', 1]] },
	{ name: 'Avdelningen för äldre och funktionsnedsättning', share: 0.35, areas: [['aldreomsorg', 0.7], ['funktionsnedsattning', 0.3]] }
];

const ENHET_NAMES: Record<ActivityArea, string> = {
	barn_och_unga: 'Barn- och ungdomsenhet',
	ekonomiskt_bistand: 'Enhet för ekonomiskt bistånd',
	socialpsykiatri: 'Socialpsykiatrisk enhet',
	missbruk_beroende: 'Beroendeenhet',
	funktionsnedsattning: 'Biståndsenhet funktionsnedsättning',
	aldreomsorg: 'Biståndsenhet äldre'
};

const CASELOAD: Record<ActivityArea, [number, number]> = {
	barn_och_unga: [18, 4],
	ekonomiskt_bistand: [85, 12],
	socialpsykiatri: [36, 6],
	missbruk_beroende: [32, 5],
	funktionsnedsattning: [66, 10],
	aldreomsorg: [110, 15]
};

interface Seat {
	unitId: string;
	kommun: number;
	enhet: number;
	area: ActivityArea;
	title: Title;
	/** Person index per round (0 … rounds), into `holders`. */
	holderOf: number[];
}

interface Holder {
	id: string;
	gender: Gender;
	effect: number;
}

const iso = (d: Date) => d.toISOString();

/** The rounds, oldest first: alternately T2 (late August) and VB (late November), ending last year. */
function roundDates(count: number, now: Date): { kind: RoundKind; year: number; opensAt: Date; closesAt: Date }[] {
	const list: { kind: RoundKind; year: number; opensAt: Date; closesAt: Date }[] = [];
	let year = now.getUTCFullYear() - 1;
	let kind: RoundKind = 'VB';
	for (let i = 0; i < count; i++) {
		const opensAt = kind === 'VB' ? new Date(Date.UTC(year, 10, 20, 7)) : new Date(Date.UTC(year, 7, 25, 6));
		list.unshift({ kind, year, opensAt, closesAt: new Date(opensAt.getTime() + 18 * DAY) });
		if (kind === 'VB') kind = 'T2';
		else {
			kind = 'VB';
			year--;
		}
	}
	return list;
}

export function planBench(options: BenchOptions): Plan {
	const root = new Random(options.seed);
	const ids = root.fork('ids');
	const shape = root.fork('shape');
	const turnover = root.fork('turnover');
	const created = new Date('2015-01-01T00:00:00Z');

	const units: Table = { name: 'org_units', columns: ['id', 'parent_id', 'kind', 'name', 'path', 'depth', 'activity_area', 'active', 'created_at'], rows: [] };
	const people: Table = {
		name: 'people',
		columns: ['id', 'employee_id', 'email', 'name', 'gender', 'org_unit_id', 'title', 'activity_area', 'password_hash', 'active', 'created_at', 'deactivated_at'],
		rows: []
	};
	const roles: Table = { name: 'role_assignments', columns: ['id', 'person_id', 'org_unit_id', 'role'], rows: [] };
	const counts = { kommuner: 0, forvaltningar: 0, avdelningar: 0, enheter: 0, arbetsgrupper: 0 };
	let employee = 1_000_000;

	const addUnit = (parent: UnitRef | null, kind: OrgUnitKind, name: string, area: ActivityArea | null = null) => {
		const row = orgUnitRow({ id: ids.uuid(), parent, kind, name, activityArea: area });
		units.rows.push([row.id, row.parentId ?? null, kind, name, row.path, row.depth, area, true, iso(created)]);
		return row;
	};
	// The password hash is filled in by the loader (Argon2 is slow on purpose: one hash for all).
	const addPerson = (p: { email: string; name: string; gender: Gender; unitId: string; title: Title; area: ActivityArea | null; active: boolean; hiredAt: Date; leftAt: Date | null }) => {
		const id = ids.uuid();
		people.rows.push([id, String(++employee), p.email, p.name, p.gender, p.unitId, p.title, p.area, '$HASH', p.active, iso(p.hiredAt), p.leftAt ? iso(p.leftAt) : null]);
		return id;
	};
	let managerNo = 0;
	const addManager = (unitId: string, role: Role, email?: string) => {
		managerNo++;
		const personId = addPerson({
			email: email ?? `chef${managerNo}@${BENCH_DOMAIN}`,
			name: `Chef ${managerNo}`,
			gender: shape.chance(0.7) ? 'kvinna' : 'man',
			unitId,
			title: role === 'admin' ? 'ovrig' : 'chef',
			area: null,
			active: true,
			hiredAt: created,
			leftAt: null
		});
		roles.rows.push([ids.uuid(), personId, unitId, role]);
	};

	// --- The tree: region → kommuner (a few large, many small) → förvaltningar → avdelningar → enheter → arbetsgrupper
	const region = addUnit(null, 'region', 'Syntetiska regionen');
	addManager(region.id, 'central_steering', `root@${BENCH_DOMAIN}`);
	addManager(region.id, 'admin', `admin@${BENCH_DOMAIN}`);
	const kommunCount = Math.max(2, Math.round(options.staff / 1300));
	const weights = Array.from({ length: kommunCount }, (_, i) => 1 / Math.pow(i + 1, 0.9));
	const weightSum = weights.reduce((a, b) => a + b, 0);
	const seats: Seat[] = [];
	const forvaltningIds: string[] = [];
	const readers: Reader[] = [];
	let enhetNo = 0;
	for (let k = 0; k < kommunCount; k++) {
		const kommunStaff = Math.max(12, Math.round((options.staff * weights[k]) / weightSum));
		const kommun = addUnit(region, 'kommun', `Kommun ${k + 1}`);
		counts.kommuner++;
		addManager(kommun.id, 'central_steering', k === 0 ? `kommun@${BENCH_DOMAIN}` : undefined);
		if (k === 0) readers.push({ level: 'kommun', email: `kommun@${BENCH_DOMAIN}`, unitId: kommun.id, unitName: kommun.name });
		const forvaltningar = Math.max(1, Math.round(kommunStaff / 1000));
		for (let f = 0; f < forvaltningar; f++) {
			const forvaltning = addUnit(kommun, 'forvaltning', forvaltningar === 1 ? `Socialförvaltningen, kommun ${k + 1}` : `Stadsdelsförvaltning ${f + 1}, kommun ${k + 1}`);
			counts.forvaltningar++;
			forvaltningIds.push(forvaltning.id);
			const chain = k === 0 && f === 0;
			addManager(forvaltning.id, 'local_steering', chain ? `forvaltning@${BENCH_DOMAIN}` : undefined);
			if (chain) readers.push({ level: 'förvaltning', email: `forvaltning@${BENCH_DOMAIN}`, unitId: forvaltning.id, unitName: forvaltning.name });
			const forvaltningStaff = Math.max(6, Math.round((kommunStaff / forvaltningar) * shape.float(0.8, 1.2)));
			DEPARTMENTS.forEach((department, d) => {
				const avdelning = addUnit(forvaltning, 'avdelning', department.name);
				counts.avdelningar++;
				const readerHere = chain && d === 0;
				addManager(avdelning.id, 'department_manager', readerHere ? `avdelning@${BENCH_DOMAIN}` : undefined);
				if (readerHere) readers.push({ level: 'avdelning', email: `avdelning@${BENCH_DOMAIN}`, unitId: avdelning.id, unitName: avdelning.name });
				let largestInChain: { id: string; name: string; size: number } | null = null;
				for (const [area, share] of department.areas) {
					let budget = Math.max(2, Math.round(forvaltningStaff * department.share * share));
					while (budget > 0) {
						const sizeClass = shape.weighted<'tiny' | 'normal' | 'large'>([['tiny', 0.07], ['large', 0.23], ['normal', 0.7]]);
						let size = sizeClass === 'tiny' ? shape.int(2, 4) : sizeClass === 'large' ? shape.int(20, 30) : shape.int(6, 15);
						size = Math.min(size, budget);
						budget -= size;
						const enhet = addUnit(avdelning, 'enhet', `${ENHET_NAMES[area]} ${++enhetNo}`, area);
						counts.enheter++;
						addManager(enhet.id, 'unit_manager');
						const e = counts.enheter - 1;
						const groups: string[] = [];
						if (size >= 20) {
							const n = size >= 25 ? 3 : 2;
							for (let g = 0; g < n; g++) {
								const group = addUnit(enhet, 'arbetsgrupp', `Arbetsgrupp ${g + 1}`, area);
								counts.arbetsgrupper++;
								addManager(group.id, 'deputy_unit_manager');
								groups.push(group.id);
							}
						}
						const mainTitle: Title = area === 'aldreomsorg' || area === 'funktionsnedsattning' ? 'bistandshandlaggare' : 'socialsekreterare';
						for (let i = 0; i < size; i++) {
							const title: Title = mainTitle === 'bistandshandlaggare' && shape.chance(0.08) ? 'socialsekreterare' : mainTitle;
							seats.push({ unitId: groups.length ? groups[i % groups.length] : enhet.id, kommun: k, enhet: e, area, title, holderOf: [] });
						}
						if (readerHere && (!largestInChain || size > largestInChain.size)) largestInChain = { id: enhet.id, name: enhet.name, size };
					}
				}
				if (largestInChain) {
					addManager(largestInChain.id, 'unit_manager', `enhet@${BENCH_DOMAIN}`);
					readers.push({ level: 'enhet', email: `enhet@${BENCH_DOMAIN}`, unitId: largestInChain.id, unitName: largestInChain.name });
				}
			});
		}
	}
	readers.push({ level: 'root', email: `root@${BENCH_DOMAIN}`, unitId: region.id, unitName: 'Syntetiska regionen' });
	const order: Reader['level'][] = ['enhet', 'avdelning', 'förvaltning', 'kommun', 'root'];
	readers.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));

	// --- Rounds and who holds each seat in each: ~6 % of seats change hands between rounds.
	const dates = roundDates(options.rounds, options.now);
	const openRound = { kind: 'T2' as RoundKind, year: options.now.getUTCFullYear(), opensAt: new Date(options.now.getTime() - 5 * DAY), closesAt: new Date(options.now.getTime() + 20 * DAY) };
	const allRounds = [...dates, openRound];
	const holders: Holder[] = [];
	const holderRows: { unitId: string; title: Title; area: ActivityArea; hiredAt: Date; leftAt: Date | null; gender: Gender }[] = [];
	for (const seat of seats) {
		let current = -1;
		for (let r = 0; r < allRounds.length; r++) {
			if (current < 0 || turnover.chance(0.06)) {
				const hiredAt = r === 0 ? new Date(allRounds[0].opensAt.getTime() - 400 * DAY) : new Date(allRounds[r].opensAt.getTime() - 20 * DAY);
				if (current >= 0) holderRows[current].leftAt = new Date(hiredAt.getTime() - 10 * DAY);
				current = holders.length;
				const gender: Gender = turnover.chance(0.8) ? 'kvinna' : turnover.chance(0.9) ? 'man' : 'annat';
				holders.push({ id: '', gender, effect: turnover.normal(0, 0.5) });
				holderRows.push({ unitId: seat.unitId, title: seat.title, area: seat.area, hiredAt, leftAt: null, gender });
			}
			seat.holderOf.push(current);
		}
	}
	const respondentEmails: string[] = [];
	holderRows.forEach((h, i) => {
		const email = `hl${i + 1}@${BENCH_DOMAIN}`;
		holders[i].id = addPerson({ email, name: `Handläggare ${i + 1}`, gender: h.gender, unitId: h.unitId, title: h.title, area: h.area, active: h.leftAt === null, hiredAt: h.hiredAt, leftAt: h.leftAt });
		if (h.leftAt === null) respondentEmails.push(email);
	});

	const rounds: Table = { name: 'rounds', columns: ['id', 'kind', 'year', 'name', 'opens_at', 'closes_at', 'status', 'opened_at', 'closed_at', 'created_at'], rows: [] };
	const roundUnits: Table = { name: 'round_units', columns: ['round_id', 'org_unit_id'], rows: [] };
	const roundIds = allRounds.map(() => ids.uuid());
	allRounds.forEach((r, i) => {
		const open = i === allRounds.length - 1;
		rounds.rows.push([roundIds[i], r.kind, r.year, `${r.kind} ${r.year}`, iso(r.opensAt), iso(r.closesAt), open ? 'open' : 'closed', iso(r.opensAt), open ? null : iso(r.closesAt), iso(new Date(r.opensAt.getTime() - 14 * DAY))]);
		for (const f of forvaltningIds) roundUnits.rows.push([roundIds[i], f]);
	});

	const answers = root.fork('answers');
	const kommunEffect = Array.from({ length: kommunCount }, () => answers.normal(0, 0.2));
	const kommunRate = Array.from({ length: kommunCount }, () => answers.float(0.8, 0.92));
	const enhetEffect = Array.from({ length: counts.enheter }, () => answers.normal(0, 0.3));

	function roundRows(k: number) {
		const random = root.fork(`round ${k}`);
		const members: Table = { name: 'round_members', columns: ['round_id', 'person_id', 'org_unit_id', 'title', 'activity_area', 'gender'], rows: [] };
		const responses: Table = {
			name: 'responses',
			columns: ['id', 'round_id', 'person_id', 'org_unit_id', 'title', 'activity_area', 'case_count', 'situation_score', 'situation_comment', 'quality_score', 'quality_comment', 'recommend_score', 'recommend_comment', 'positive_text', 'created_at', 'updated_at'],
			rows: []
		};
		const roundId = roundIds[k];
		const open = k === allRounds.length - 1;
		const t = options.rounds > 1 ? Math.min(1, k / (options.rounds - 1)) : 0;
		for (const seat of seats) {
			const holder = holders[seat.holderOf[k]];
			members.rows.push([roundId, holder.id, seat.unitId, seat.title, seat.area, holder.gender]);
			if (open || !random.chance(kommunRate[seat.kommun])) continue;
			const [mean, sd] = CASELOAD[seat.area];
			const caseCount = Math.min(500, Math.max(0, Math.round(random.normal(mean * (1 - 0.15 * t), sd))));
			const latent = 3.3 + 0.6 * t + kommunEffect[seat.kommun] + enhetEffect[seat.enhet] + holder.effect + random.normal(0, 0.6);
			const score = (x: number) => Math.min(6, Math.max(1, Math.round(x)));
			const situation = score(latent);
			const quality = score(latent + 0.3 + random.normal(0, 0.5));
			const recommend = score(latent + random.normal(0, 0.6));
			const comment = (s: number) => random.pick(random.chance(0.15) ? AREA_MOTIVATIONS[seat.area][s <= 3 ? 'negative' : 'positive'] : s <= 3 ? NEGATIVE_MOTIVATIONS : POSITIVE_MOTIVATIONS);
			const commented = random.chance(0.35);
			const at = iso(new Date(allRounds[k].opensAt.getTime() + random.int(0, 17) * DAY + random.int(0, 8 * 3600) * 1000));
			responses.rows.push([
				random.uuid(),
				roundId,
				holder.id,
				seat.unitId,
				seat.title,
				seat.area,
				caseCount,
				situation,
				commented ? comment(situation) : null,
				quality,
				commented && random.chance(0.5) ? comment(quality) : null,
				recommend,
				commented && random.chance(0.4) ? comment(recommend) : null,
				random.chance(0.5) ? random.pick(POSITIVE_ANSWERS) : null,
				at,
				at
			]);
		}
		return { members, responses };
	}

	return {
		options,
		units,
		people,
		roles,
		rounds,
		roundUnits,
		readers,
		closedRoundIds: roundIds.slice(0, -1),
		openRoundId: roundIds[roundIds.length - 1],
		respondentEmails,
		roundRows,
		counts
	};
}
