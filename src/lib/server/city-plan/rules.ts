/**
 * The rules of the action plan follow-up, free of the database: what an area, a state, a
 * sub-goal (delmål), an activity, a follow-up and a suggestion must contain; how a sub-goal's
 * progress is read from survey figures or an indicator; which follow-up period is current; how a change is
 * described. Tested on their own.
 */
import { z } from 'zod';
import {
	PLAN_AREA_STATUSES,
	PLAN_FOLLOW_UP_PERIODS,
	PLAN_METRICS,
	PLAN_SUBGOAL_STATUSES,
	STATEMENTS,
	planAreaStatusLabel,
	planSubgoalStatusLabel,
	type PlanAreaStatus,
	type PlanFollowUpPeriod,
	type PlanMetric,
	type PlanSubgoalStatus,
	type IndicatorKind
} from '$lib/domain';
import { meetsTarget } from '../indicators/rules';
import { blankToUndefined, isoDate, isRealDate, optionalText, requiredText } from '../validation';
import { calendarInStockholm, stockholmInstant } from '$lib/time';

// --- Input -------------------------------------------------------------------------------

/** '' from an empty select or field means "not given". */

export const areaInput = z.object({
	title: requiredText('Skriv områdets namn.', 300, 'Namnet'),
	description: optionalText(2000, 'Beskrivningen')
});
export type AreaInput = z.infer<typeof areaInput>;

export const areaStateInput = z.object({
	status: z.enum(PLAN_AREA_STATUSES, { error: 'Välj en status.' }),
	assessment: optionalText(2000, 'Bedömningen')
});
export type AreaStateInput = z.infer<typeof areaStateInput>;

export const subgoalInput = z
	.object({
		title: requiredText('Skriv delmålet, så att det går att mäta om det är nått.', 500, 'Delmålet'),
		targetDate: isoDate('Fyll i när delmålet ska vara nått.'),
		statement: z.preprocess(blankToUndefined, z.enum(STATEMENTS, { error: 'Välj ett påstående i listan.' }).optional()),
		metric: z.preprocess(blankToUndefined, z.enum(PLAN_METRICS, { error: 'Välj vilket mått som följs.' }).optional()),
		/** The key of an indicator (indikator), e.g. 'turnover'; the service checks that it exists. */
		indicator: z.preprocess(blankToUndefined, z.string({ error: 'Välj en indikator i listan.' }).trim().max(100, 'Välj en indikator i listan.').optional()),
		targetValue: z.preprocess(
			(v) => (typeof v === 'string' ? blankToUndefined(v.trim().replace(',', '.')) : blankToUndefined(v)),
			z.coerce.number({ error: 'Målvärdet ska vara ett tal, till exempel 4,2 eller 60.' }).optional()
		),
		status: z.preprocess(blankToUndefined, z.enum(PLAN_SUBGOAL_STATUSES, { error: 'Välj en status.' }).default('open'))
	})
	.superRefine((g, ctx) => {
		if (g.statement && g.indicator) {
			ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'Välj antingen ett påstående i mätningen eller en indikator, inte båda.' });
			return;
		}
		if (g.indicator) {
			// The target's scale depends on the indicator: checked by the service (indicatorTargetProblem).
			if (g.metric !== undefined) ctx.addIssue({ code: 'custom', path: ['metric'], message: 'Mått väljs bara för ett påstående i mätningen. Välj ”Inget” när delmålet följer en indikator.' });
			if (g.targetValue === undefined) ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Fyll i målvärdet.' });
			return;
		}
		if (!g.statement) {
			if (g.metric !== undefined || g.targetValue !== undefined) {
				ctx.addIssue({ code: 'custom', path: ['statement'], message: 'Välj vilket påstående i mätningen (eller vilken indikator) delmålet följer, eller töm mått och målvärde.' });
			}
			return;
		}
		if (!g.metric) ctx.addIssue({ code: 'custom', path: ['metric'], message: 'Välj vilket mått som följs.' });
		if (g.targetValue === undefined) {
			ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Fyll i målvärdet.' });
		} else if (g.metric === 'mean' && (g.targetValue < 1 || g.targetValue > 6)) {
			ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Ett medelvärde ligger mellan 1 och 6.' });
		} else if (g.metric !== 'mean' && (g.targetValue < 0 || g.targetValue > 100)) {
			ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'En andel anges i procent, mellan 0 och 100.' });
		}
	})
	.transform((g) => ({
		title: g.title,
		targetDate: g.targetDate,
		status: g.status as PlanSubgoalStatus,
		statement: g.statement ?? null,
		metric: g.statement ? (g.metric ?? null) : null,
		/** Resolved to indicator_id by the service. */
		indicatorKey: g.statement ? null : (g.indicator ?? null),
		targetValue: g.statement || g.indicator ? (g.targetValue ?? null) : null
	}));
export type SubgoalInput = z.infer<typeof subgoalInput>;

export const activityInput = z.object({
	title: requiredText('Skriv vad som ska göras.', 300, 'Aktiviteten'),
	responsible: requiredText('Skriv vem som är ansvarig.', 120, 'Namnet på den ansvariga'),
	dueDate: isoDate('Fyll i när aktiviteten ska vara klar.')
});
export type ActivityInput = z.infer<typeof activityInput>;

export const activityDoneInput = z.object({
	done: z.enum(['true', 'false'], { error: 'Ange om aktiviteten är klar.' }).transform((v) => v === 'true')
});

export const followUpInput = z.object({
	period: z.enum(PLAN_FOLLOW_UP_PERIODS, { error: 'Välj T2 eller VB.' }),
	year: z.coerce
		.number({ error: 'Fyll i år.' })
		.int('Året ska vara ett heltal.')
		.min(2016, 'Handlingsplanen följs upp från 2016.')
		.max(2100, 'Kontrollera året.'),
	comment: requiredText('Skriv uppföljningen.', 4000, 'Uppföljningen')
});
export type FollowUpInput = z.infer<typeof followUpInput>;

export const suggestionInput = z.object({
	body: requiredText('Skriv ditt förslag.', 2000, 'Förslaget'),
	areaId: z.preprocess(blankToUndefined, z.string().uuid('Välj ett område i listan.').optional())
});

export const answerInput = z.object({
	answer: requiredText('Skriv styrgruppens svar.', 2000, 'Svaret')
});

export const matrixQuery = z.object({
	status: z.preprocess(blankToUndefined, z.enum(PLAN_AREA_STATUSES, { error: 'Okänd status.' }).optional()),
	area: z.preprocess(blankToUndefined, z.string().uuid('Okänt område.').optional()),
	/** Changes since: a date, or "round:<id>" for the closing of a round. */
	since: z.preprocess(blankToUndefined, z.string().trim().max(50).optional()),
	/** A date typed in the form; when given it wins over `since`. */
	sinceDate: z.preprocess(blankToUndefined, z.string().trim().max(10).optional())
});
export type MatrixQuery = z.infer<typeof matrixQuery>;

// --- Progress from survey data ----------------------------------------------------------------

export interface MetricFigures {
	mean: number | null;
	shareLow: number | null;
	shareHigh: number | null;
}

/** The value a sub-goal follows, on its own scale: mean 1–6, shares in per cent. */
export function metricValue(figures: MetricFigures, metric: PlanMetric): number | null {
	switch (metric) {
		case 'mean':
			return figures.mean;
		case 'share_high':
			return figures.shareHigh === null ? null : figures.shareHigh * 100;
		case 'share_low':
			return figures.shareLow === null ? null : figures.shareLow * 100;
	}
}

/** For the share answering 1–2 lower is better; for the others higher. */
export function metricReached(metric: PlanMetric, value: number, target: number): boolean {
	return metric === 'share_low' ? value <= target : value >= target;
}

export interface ProgressPoint {
	/** The round ("T2 2019") or the indicator's period ("2025", "VT 2025"). */
	label: string;
	/** null when the round's figure is not shown (too few, or protects another group). */
	value: number | null;
	reasonText: string | null;
}

export interface Progress {
	points: ProgressPoint[];
	/** The newest shown value, and whether it reaches the target. */
	latest: { label: string; value: number; reached: boolean } | null;
}

function progressFrom(points: ProgressPoint[], reached: (value: number) => boolean): Progress {
	const shown = points.filter((p): p is ProgressPoint & { value: number } => p.value !== null);
	const last = shown[shown.length - 1];
	return { points, latest: last ? { label: last.label, value: last.value, reached: reached(last.value) } : null };
}

export function subgoalProgress(points: ProgressPoint[], metric: PlanMetric, target: number): Progress {
	return progressFrom(points, (v) => metricReached(metric, v, target));
}

/** Progress of a delmål that follows an indicator: its values for the förvaltning, oldest first. */
export function indicatorProgress(points: ProgressPoint[], higherIsBetter: boolean, target: number): Progress {
	return progressFrom(points, (v) => meetsTarget(higherIsBetter, v, target) === true);
}

/** What is wrong with a target value on an indicator's scale, in Swedish, or null. */
export function indicatorTargetProblem(kind: IndicatorKind, target: number): string | null {
	if (!Number.isFinite(target)) return 'Målvärdet ska vara ett tal, till exempel 4,2 eller 60.';
	if ((kind === 'rate' || kind === 'percent') && (target < 0 || target > 100)) return 'Indikatorn anges i procent: skriv ett målvärde mellan 0 och 100.';
	if (kind === 'count' && (target < 0 || !Number.isInteger(target))) return 'Indikatorn är ett antal: skriv ett heltal, 0 eller mer.';
	return null;
}

// --- Follow-up periods ------------------------------------------------------------------------

/**
 * The follow-up that is due now: T2 is written in the autumn, VB at the turn of the year.
 * January–February still belongs to the previous year's VB.
 */
export function currentFollowUpPeriod(today: Date): { period: PlanFollowUpPeriod; year: number } {
	const { month, year } = calendarInStockholm(today);
	if (month <= 2) return { period: 'VB', year: year - 1 };
	if (month <= 10) return { period: 'T2', year };
	return { period: 'VB', year };
}

/** Newest first: VB before T2 within a year. */
export function comparePeriods(a: { period: PlanFollowUpPeriod; year: number }, b: { period: PlanFollowUpPeriod; year: number }): number {
	return b.year - a.year || (a.period === b.period ? 0 : a.period === 'VB' ? -1 : 1);
}

// --- Changes ------------------------------------------------------------------------------------

export type PlanChangeKind = 'status' | 'assessment' | 'subgoal_added' | 'subgoal_status' | 'activity_added' | 'activity_done' | 'follow_up';

export interface ChangeLike {
	kind: PlanChangeKind;
	fromStatus: PlanAreaStatus | null;
	toStatus: PlanAreaStatus | null;
	summary: string;
}

/** One line of Swedish for "what changed". */
export function describeChange(c: ChangeLike): string {
	switch (c.kind) {
		case 'status':
			return `Status ändrad från ”${planAreaStatusLabel[c.fromStatus ?? 'not_started']}” till ”${planAreaStatusLabel[c.toStatus ?? 'not_started']}”.`;
		case 'assessment':
			return 'Bedömningen av läget är uppdaterad.';
		case 'subgoal_added':
			return `Nytt delmål: ${c.summary}`;
		case 'subgoal_status':
			return `Delmål ${c.summary}`;
		case 'activity_added':
			return `Ny aktivitet: ${c.summary}`;
		case 'activity_done':
			return `Aktivitet klar: ${c.summary}`;
		case 'follow_up':
			return `Uppföljning skriven (${c.summary}).`;
	}
}

export const subgoalStatusSummary = (title: string, status: PlanSubgoalStatus) =>
	`${planSubgoalStatusLabel[status].toLowerCase()}: ${title}`;

/** A follow-up (T2 or VB of a year). */
export interface FollowUpPoint {
	period: PlanFollowUpPeriod;
	year: number;
}

/** The follow-up before `point`: VB of the year before a T2, the same year's T2 before a VB. */
export const followUpBefore = (point: FollowUpPoint): FollowUpPoint =>
	point.period === 'VB' ? { period: 'T2', year: point.year } : { period: 'VB', year: point.year - 1 };

/** When the period a follow-up reports on ends (Stockholm time): T2 after 31 August, VB after the year. */
export const followUpPeriodEnd = (point: FollowUpPoint): Date =>
	point.period === 'T2' ? stockholmInstant(`${point.year}-09-01`) : stockholmInstant(`${point.year + 1}-01-01`);

/** The follow-ups to compare with, newest first: the one before the follow-up due now, and earlier ones. */
export function recentFollowUps(now: Date, count = 4): FollowUpPoint[] {
	const list: FollowUpPoint[] = [followUpBefore(currentFollowUpPeriod(now))];
	while (list.length < count) list.push(followUpBefore(list[list.length - 1]));
	return list;
}

export interface Since {
	/** The choice as sent back to the form: `followup:T2-2026`, `round:<id>` or a date. */
	value: string;
	at: Date | null;
	/** What the marks compare with, for the legend: "uppföljningen T2 2026 (perioden till och med 31 augusti 2026)". */
	label: string | null;
	invalid: boolean;
}

/**
 * The matrix's "since" choice: by default the previous follow-up (what the steering groups last
 * reported on), or a chosen follow-up, the closing of a round, or a date (Stockholm midnight).
 */
export function resolveSince(since: string | undefined, closedRounds: { id: string; name?: string; closedAt: Date | null }[], now: Date): Since {
	const followUp = (p: FollowUpPoint): Since => ({ value: `followup:${p.period}-${p.year}`, at: followUpPeriodEnd(p), label: `uppföljningen ${p.period} ${p.year}`, invalid: false });
	if (!since) return followUp(recentFollowUps(now, 1)[0]);
	const point = /^followup:(T2|VB)-(\d{4})$/.exec(since);
	if (point) return followUp({ period: point[1] as PlanFollowUpPeriod, year: Number(point[2]) });
	if (since.startsWith('round:')) {
		const round = closedRounds.find((r) => `round:${r.id}` === since && r.closedAt !== null);
		return round ? { value: since, at: round.closedAt, label: round.name ? `att ${round.name} stängdes` : null, invalid: false } : { value: since, at: null, label: null, invalid: true };
	}
	if (/^\d{4}-\d{2}-\d{2}$/.test(since) && isRealDate(since)) return { value: since, at: stockholmInstant(since), label: null, invalid: false };
	return { value: since, at: null, label: null, invalid: true };
}
