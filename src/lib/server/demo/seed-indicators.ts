/**
 * Indicator history for the demo organisation, from 2015 to today, shaped after the city's 2021
 * report so that the dashboards tell its story:
 * - personalrörlighet peaking in 2016, falling for two years, up again in 2019, down in 2020;
 * - hired consultants summing, city-wide, to exactly Tabell 1 of the report (88/100 in 2016 down
 *   to 26 in April 2021, the April 2019 count made in May), about 70 % fewer from November 2016
 *   to April 2021;
 * - VFU places rising from about 65 a year to 130–140;
 * - sick leave, the leadership programme by manager level, and the reinforcement teams' work.
 * Per förvaltning with splits by title and gender; one förvaltning (the declining one of the
 * survey data) does worse. The current report's figures are left out for the demo förvaltning
 * (Norrvik) and about half the others, so entering them is a real task. Deterministic.
 */
import { query, sql, type Db } from '../db/client';
import { indicators, indicatorValueHistory, indicatorValues } from '../db/schema';
import { ensureBuiltinIndicators, toDef } from '../indicators/service';
import { currentReportPeriod, periodDueIn, periodOrdinal, periodsBetween, periodYear } from '../indicators/periods';
import type { IndicatorDef } from '../indicators/rules';
import { insertChunked } from './factories';
import { Random } from './random';

/** The förvaltning whose survey results get worse (see seed.ts): its indicators follow. */
const DECLINING = 'Kvarnåsens stadsdelsförvaltning';
const DEMO_FORVALTNING = 'Norrviks stadsdelsförvaltning';

/** City-wide turnover in per cent per year (socialsekreterare; biståndshandläggare a little lower). */
const TURNOVER: Record<number, number> = { 2015: 17.5, 2016: 21.5, 2017: 18.5, 2018: 15.5, 2019: 17, 2020: 13, 2021: 12.5, 2022: 12.5, 2023: 12 };
/** Tabell 1 of the 2021 report, then a plausible continuation. */
const CONSULTANTS: Record<string, number> = {
	'2015-04': 71, '2015-11': 84,
	'2016-04': 88, '2016-11': 100,
	'2017-04': 83, '2017-11': 60,
	'2018-04': 58, '2018-11': 34,
	'2019-04': 23, '2019-11': 22,
	'2020-04': 29, '2020-11': 30,
	'2021-04': 26, '2021-11': 24,
	'2022-04': 22, '2022-11': 19
};
/** VFU places offered by the city per semester. */
const VFU: Record<number, [number, number]> = { 2015: [30, 35], 2016: [36, 44], 2017: [50, 58], 2018: [62, 68], 2019: [66, 72], 2020: [64, 70], 2021: [68, 72] };
/** Participants of the leadership programme per year: avdelningschef, enhetschef, biträdande enhetschef. */
const LEADERSHIP: Record<number, [number, number, number]> = { 2016: [3, 8, 9], 2017: [5, 20, 22], 2018: [4, 22, 26], 2019: [4, 20, 24], 2020: [3, 14, 18], 2021: [3, 16, 21] };

const GENDER_SHARES = { kvinna: 0.84, man: 0.15, annat: 0.01 };

/** Splits a whole number into parts proportional to the weights, summing exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (total <= 0 || sum <= 0) return weights.map(() => 0);
	const exact = weights.map((w) => (w / sum) * total);
	const parts = exact.map(Math.floor);
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
	for (const { i } of order) {
		if (left <= 0) break;
		parts[i]++;
		left--;
	}
	return parts;
}

type ValueInsert = typeof indicatorValues.$inferInsert;

export async function seedIndicators(db: Db, options: { now: Date; seed: number }): Promise<void> {
	await ensureBuiltinIndicators(db);
	const defs = new Map((await db.select().from(indicators)).map((r) => [r.key, toDef(r)]));
	const random = new Random(options.seed).fork('indicators');
	const staff = await query<{ id: string; name: string; socialsekreterare: number; bistandshandlaggare: number }>(
		db,
		sql`select f.id, f.name,
		      count(*) filter (where p.title = 'socialsekreterare')::int as socialsekreterare,
		      count(*) filter (where p.title = 'bistandshandlaggare')::int as bistandshandlaggare
		    from org_units f
		    join org_units u on u.path like f.path || '%'
		    join people p on p.org_unit_id = u.id and p.active
		    where f.kind = 'forvaltning'
		    group by f.id, f.name
		    order by f.name`
	);
	if (staff.length === 0) return;

	// Targets the central steering group set.
	await db.update(indicators).set({ target: 12, unitTarget: 12 }).where(sql`${indicators.key} = 'turnover'`);
	await db.update(indicators).set({ target: 2.5, unitTarget: 2.5 }).where(sql`${indicators.key} = 'sick_leave_short'`);

	const now = options.now;
	const nowOrdinal = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' }).format(now).replace('-', ''));
	const current = currentReportPeriod(now);
	const lastYear = Math.floor(nowOrdinal / 100);
	const weight = staff.map(() => random.float(0.7, 1.3));
	const reported = staff.map((f) => f.name !== DEMO_FORVALTNING && random.chance(0.5));
	const rows: ValueInsert[] = [];
	const add = (def: IndicatorDef, orgUnitId: string, period: string, dimension: ValueInsert['dimension'], category: string, value: number, base: number | null = null, countMonth: number | null = null) =>
		rows.push({ indicatorId: def.id, orgUnitId, period, dimension, category, value, base, countMonth, updatedAt: enteredAt(period) });
	/** Whether the förvaltning has reported the period yet. */
	const has = (f: number, def: IndicatorDef, period: string) => periodOrdinal(period) <= nowOrdinal && (periodDueIn(def.periodType, current) !== period || reported[f]);
	const trendAfter = (year: number, table: Record<number, number>) => table[year] ?? table[Math.max(...Object.keys(table).map(Number))] - 0.25 * (year - 2023);

	// Personalrörlighet: per title and gender, numerators and denominators adding up.
	const turnover = defs.get('turnover')!;
	for (const year of yearsUpTo(2015, lastYear)) {
		const period = String(year);
		staff.forEach((f, i) => {
			if (!has(i, turnover, period)) return;
			const declining = f.name === DECLINING && year >= 2018 ? 1.45 : 1;
			const growth = 1 + (year - 2015) * 0.015;
			const heads = { socialsekreterare: Math.round(f.socialsekreterare / growth / 0.97), bistandshandlaggare: Math.round(f.bistandshandlaggare / growth / 0.97) };
			const left = {
				socialsekreterare: Math.max(0, Math.round((heads.socialsekreterare * trendAfter(year, TURNOVER) * declining * random.normal(1, 0.12)) / 100)),
				bistandshandlaggare: Math.max(0, Math.round((heads.bistandshandlaggare * (trendAfter(year, TURNOVER) - (year === 2020 ? 3 : 1.5)) * declining * random.normal(1, 0.15)) / 100))
			};
			const totalLeft = left.socialsekreterare + left.bistandshandlaggare;
			const totalHeads = heads.socialsekreterare + heads.bistandshandlaggare;
			if (totalHeads === 0) return;
			add(turnover, f.id, period, 'total', '', totalLeft, totalHeads);
			for (const title of ['socialsekreterare', 'bistandshandlaggare'] as const) if (heads[title] > 0) add(turnover, f.id, period, 'title', title, left[title], heads[title]);
			const genderHeads = apportion(totalHeads, Object.values(GENDER_SHARES));
			const genderLeft = apportion(totalLeft, [GENDER_SHARES.kvinna, GENDER_SHARES.man * 1.2, GENDER_SHARES.annat]).map((l, g) => Math.min(l, genderHeads[g]));
			const fix = totalLeft - genderLeft.reduce((a, b) => a + b, 0);
			genderLeft[0] += fix;
			(['kvinna', 'man', 'annat'] as const).forEach((g, k) => {
				if (genderHeads[k] > 0) add(turnover, f.id, period, 'gender', g, genderLeft[k], genderHeads[k]);
			});
		});
	}

	// Konsulter: the city's counts spread over the förvaltningar, summing exactly to the printed ones.
	const consultants = defs.get('consultants')!;
	for (const period of periodsBetween('count_day', 2015, lastYear)) {
		const year = periodYear(period);
		const city = CONSULTANTS[period] ?? Math.max(8, Math.round(19 - (year - 2022) * 1.5 + random.normal(0, 2)));
		const weights = staff.map((f, i) => weight[i] * (f.name === DECLINING ? (year >= 2019 ? 3 : 1.3) : 1) * random.float(0.5, 1.5));
		const parts = apportion(city, weights);
		staff.forEach((f, i) => {
			if (!has(i, consultants, period)) return;
			const moved = period === '2019-04' ? 5 : null;
			add(consultants, f.id, period, 'total', '', parts[i], null, moved);
			const [ss, bh] = apportion(parts[i], [0.85, 0.15]);
			add(consultants, f.id, period, 'title', 'socialsekreterare', ss);
			add(consultants, f.id, period, 'title', 'bistandshandlaggare', bh);
		});
	}

	// VFU: places offered and students received per semester.
	const places = defs.get('vfu_places')!;
	const students = defs.get('vfu_students')!;
	for (const period of periodsBetween('semester', 2015, lastYear)) {
		const year = periodYear(period);
		const [vt, ht] = VFU[year] ?? [random.int(66, 71), random.int(68, 72)];
		const city = period.endsWith('VT') ? vt : ht;
		const parts = apportion(city, staff.map((_, i) => weight[i] * random.float(0.6, 1.4)));
		staff.forEach((f, i) => {
			if (!has(i, places, period)) return;
			add(places, f.id, period, 'total', '', parts[i]);
			const received = Math.max(0, parts[i] - (random.chance(0.35) ? 1 : 0));
			add(students, f.id, period, 'total', '', received);
			const [k, m] = apportion(received, [0.85, 0.15]);
			add(students, f.id, period, 'gender', 'kvinna', k);
			add(students, f.id, period, 'gender', 'man', m);
		});
	}

	// Sjukfrånvaro per tertial: short leave peaks in winter and with the pandemic.
	const shortLeave = defs.get('sick_leave_short')!;
	const longLeave = defs.get('sick_leave_long')!;
	for (const period of periodsBetween('tertial', 2015, lastYear)) {
		const year = periodYear(period);
		const t = period.slice(-2);
		const pandemic = year === 2020 || (year === 2021 && t === 'T1') ? 1.2 : 0;
		const short = 2.6 + (t === 'T1' ? 0.5 : t === 'T2' ? -0.4 : 0.2) + pandemic;
		const long = Math.max(3, 5.6 - (year - 2015) * 0.22 + (year === 2016 ? 0.4 : 0));
		staff.forEach((f, i) => {
			if (!has(i, shortLeave, period)) return;
			const worse = f.name === DECLINING && year >= 2018 ? 1.3 : 1;
			add(shortLeave, f.id, period, 'total', '', round1(Math.max(0.5, short * worse * random.normal(1, 0.12))));
			add(longLeave, f.id, period, 'total', '', round1(Math.max(0.5, long * worse * random.normal(1, 0.15))));
		});
	}

	// Ledarutvecklingsprogrammet from the pilots in 2016, per manager level and gender.
	const leadership = defs.get('leadership_programme')!;
	for (const year of yearsUpTo(2016, lastYear)) {
		const period = String(year);
		const levels = LEADERSHIP[year] ?? [random.int(2, 4), random.int(12, 18), random.int(16, 22)];
		const byLevel = levels.map((n) => apportion(n, staff.map((_, i) => weight[i] * random.float(0.5, 1.5))));
		staff.forEach((f, i) => {
			if (!has(i, leadership, period)) return;
			const parts = byLevel.map((l) => l[i]);
			const total = parts.reduce((a, b) => a + b, 0);
			add(leadership, f.id, period, 'total', '', total);
			(['avdelningschef', 'enhetschef', 'bitradande_enhetschef'] as const).forEach((level, k) => add(leadership, f.id, period, 'level', level, parts[k]));
			const [k, m] = apportion(total, [0.7, 0.3]);
			add(leadership, f.id, period, 'gender', 'kvinna', k);
			add(leadership, f.id, period, 'gender', 'man', m);
		});
	}

	// Förstärkningsteamen: barn och unga from T2 2016, ekonomiskt bistånd from 2019.
	const reinforcement = defs.get('reinforcement_assignments')!;
	for (const period of periodsBetween('tertial', 2016, lastYear)) {
		if (periodOrdinal(period) < 201608) continue;
		const year = periodYear(period);
		staff.forEach((f, i) => {
			if (!has(i, reinforcement, period)) return;
			const busy = f.name === DECLINING && year >= 2018 ? 0.6 : 0.18;
			const children = random.chance(busy) ? random.int(1, 2) : 0;
			const economic = year >= 2019 && random.chance(busy * 0.8) ? 1 : 0;
			add(reinforcement, f.id, period, 'total', '', children + economic);
			add(reinforcement, f.id, period, 'area', 'barn_och_unga', children);
			if (year >= 2019) add(reinforcement, f.id, period, 'area', 'ekonomiskt_bistand', economic);
		});
	}

	await insertChunked(db, indicatorValues, rows);
	await insertChunked(
		db,
		indicatorValueHistory,
		rows.map((r) => ({
			indicatorId: r.indicatorId,
			orgUnitId: r.orgUnitId,
			period: r.period,
			dimension: r.dimension ?? 'total',
			category: r.category ?? '',
			action: 'create',
			oldValue: null,
			newValue: r.value,
			oldBase: null,
			newBase: r.base ?? null,
			source: 'seed',
			changedBy: null,
			changedAt: r.updatedAt
		}))
	);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function yearsUpTo(from: number, to: number): number[] {
	const out: number[] = [];
	for (let y = from; y <= to; y++) out.push(y);
	return out;
}

/** About three weeks after a period ended: when a förvaltning would have entered it. */
function enteredAt(period: string): Date {
	const ordinal = periodOrdinal(period);
	const year = Math.floor(ordinal / 100);
	const month = ordinal % 100;
	return new Date(Date.UTC(month === 12 ? year + 1 : year, month === 12 ? 0 : month, 21, 9, 0, 0));
}
