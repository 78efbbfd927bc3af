/**
 * The figures the förvaltning and the city follow for area 2 of the plan (introduktionsprogram och
 * mentorskap för nyanställda; decision 0020), counted from the enheter's own registrations instead
 * of typed in: new employees in a semester, the share with a programme and a mentor, the share
 * completed within six months, and the VFU students received. Whoever enters the förvaltning's
 * indicator figures sees them and saves them as its figures (source "computed"); from there the
 * dashboards, the city's figure, the nämnd's report and a delmål follow them like any indicator.
 *
 * The anonymity rule: a share of fewer new employees than the anonymity module's smallest group
 * would tell about each of them (whether they got a mentor, whether they finished), so such a
 * share is not saved — the count of new employees is, as every indicator total is.
 */
import { z } from 'zod';
import { CASEWORKER_TITLES, GENDERS, type Gender } from '$lib/domain';
import type { Actor } from '../access/actor';
import { anonymityRules } from '../anonymity';
import { audit } from '../audit/audit';
import { now as clockNow, todayInStockholm } from '../clock';
import type { Db } from '../db';
import { query, sql } from '../db/client';
import { startsWithPattern } from '../db/paths';
import { notFound } from '../errors';
import { listIndicators } from '../indicators/catalogue';
import { enterableUnits } from '../indicators/units';
import { writeFigures, type FigureWrite } from '../indicators/values';
import { parseInput } from '../validation';
import { introductionCounts, semesterLabel, type IntroductionCounts } from './rules';

const input = z.object({
	unit: z.string({ error: 'Välj förvaltning.' }),
	period: z.string({ error: 'Välj termin.' }).regex(/^\d{4}-(VT|HT)$/, 'Välj termin, till exempel 2026-HT.')
});

export interface IntroductionFigures {
	unit: { id: string; name: string };
	period: string;
	periodLabel: string;
	counts: IntroductionCounts;
	/** The shares, or null where fewer than `minGroup` are behind them (not saved). */
	withMentor: { value: number; base: number } | null;
	completed: { value: number; base: number } | null;
	vfuStudents: { total: number; byGender: Record<Gender, number> };
	minGroup: number;
}

/** The förvaltningar whose figures the actor enters; to anyone else the page does not exist. */
export async function introductionFigureUnits(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
	const units = (await enterableUnits(db, actor)).filter((u) => u.kind === 'forvaltning').map((u) => ({ id: u.id, name: u.name }));
	if (units.length === 0) throw notFound('Sidan');
	return units;
}

const bounds = (period: string) => (period.endsWith('VT') ? [`${period.slice(0, 4)}-01-01`, `${period.slice(0, 4)}-06-30`] : [`${period.slice(0, 4)}-07-01`, `${period.slice(0, 4)}-12-31`]);

/** The figures of one förvaltning and semester, as they would be saved. */
export async function introductionFigures(db: Db, actor: Actor, raw: unknown, now = clockNow()): Promise<IntroductionFigures> {
	await introductionFigureUnits(db, actor);
	const q = parseInput(input, raw);
	const unit = (await enterableUnits(db, actor)).find((u) => u.id === q.unit && u.kind === 'forvaltning');
	if (!unit) throw notFound('Förvaltningen');
	const within = startsWithPattern(unit.path);
	// Each handläggare's start: their first programme's start, else the day they came (HR import).
	const starters = await query<{ startDate: string; hasProgramme: boolean; completedOn: string | null }>(
		db,
		sql`select coalesce(min(i.start_date), (p.created_at at time zone 'Europe/Stockholm')::date)::text as "startDate",
		       coalesce(bool_or(i.mentor_id is not null), false) as "hasProgramme", max(i.completed_on)::text as "completedOn"
		    from people p join org_units u on u.id = p.org_unit_id
		    left join introductions i on i.person_id = p.id
		    where u.path like ${within} and p.title in (${sql.join(
					CASEWORKER_TITLES.map((t) => sql`${t}`),
					sql`, `
				)})
		    group by p.id`
	);
	const [from, to] = bounds(q.period);
	const counts = introductionCounts(starters, from, to, todayInStockholm(now));
	const vfu = await query<{ gender: string | null; n: number }>(
		db,
		sql`select pl.gender, count(*)::int as n from placements pl join org_units u on u.id = pl.org_unit_id
		    where u.path like ${within} and pl.semester = ${q.period} and pl.kind = 'vfu_student' group by pl.gender`
	);
	const byGender = Object.fromEntries(GENDERS.map((g) => [g, vfu.filter((r) => (r.gender ?? 'annat') === g).reduce((s, r) => s + r.n, 0)])) as Record<Gender, number>;
	const { minGroup } = anonymityRules();
	const share = (value: number, base: number) => (base >= minGroup ? { value, base } : null);
	return {
		unit: { id: unit.id, name: unit.name },
		period: q.period,
		periodLabel: semesterLabel(q.period),
		counts,
		withMentor: share(counts.withProgramme, counts.newEmployees),
		completed: share(counts.completedInSixMonths, counts.sixMonthsOver),
		vfuStudents: { total: vfu.reduce((s, r) => s + r.n, 0), byGender },
		minGroup
	};
}

/** Saves the figures as the förvaltning's indicator values for the semester (audited). */
export async function saveIntroductionFigures(db: Db, actor: Actor, raw: unknown, now = clockNow()): Promise<IntroductionFigures> {
	const figures = await introductionFigures(db, actor, raw, now);
	const ids = new Map((await listIndicators(db, { includeInactive: true })).map((d) => [d.key, d.id]));
	const figure = (key: string, value: number | null, base: number | null = null, category = ''): FigureWrite => ({
		indicatorId: ids.get(key)!,
		period: figures.period,
		dimension: category ? 'gender' : 'total',
		category,
		value,
		base,
		countMonth: null,
		note: null
	});
	const writes = [
		figure('new_employees', figures.counts.newEmployees),
		figure('introduction_with_mentor', figures.withMentor?.value ?? null, figures.withMentor?.base ?? null),
		figure('introduction_completed', figures.completed?.value ?? null, figures.completed?.base ?? null),
		figure('vfu_students', figures.vfuStudents.total),
		...GENDERS.map((g) => figure('vfu_students', figures.vfuStudents.byGender[g] || null, null, g))
	];
	const changed = await db.transaction((tx) => writeFigures(tx, actor.personId, figures.unit.id, writes, { source: 'computed', importId: null, at: now }));
	await audit(db, actor, { action: 'indicators.computed', subjectType: 'org_unit', subjectId: figures.unit.id, detail: { period: figures.period, changed } });
	return figures;
}
