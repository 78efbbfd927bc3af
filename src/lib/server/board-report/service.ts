/**
 * The report to the nämnd for a period (T2 or VB of a year) and a förvaltning or the whole city:
 * the texts the steering group writes, the indicators of the period with their charts and
 * tables, the pulse survey's results (only through buildReport, so through the anonymity rule),
 * and — when the action-plan module is there — the status of the plan's areas. pdf.ts and
 * docx.ts turn it into documents.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import * as domain from '$lib/domain';
import { STATEMENTS, statementText } from '$lib/domain';
import type { Actor } from '../access/actor';
import { aggregateScopes, canWriteBoardReport, within } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { boardReports, people, rounds } from '../db/schema';
import { DomainError, notFound } from '../errors';
import { buildPanel, pulseFor, ValueIndex, type DashboardContext, type Panel, type PulsePanel } from '../indicators/dashboard';
import { currentReportPeriod, latestPeriodIn, parseReportPeriod, periodLabel, reportEndOrdinal, reportPeriodLabel, type ReportPeriod } from '../indicators/periods';
import { formatFigure, meetsTarget, type IndicatorDef } from '../indicators/rules';
import { forvaltningarOf, kommunOf, listIndicators, loadValues, readableUnits, type ReportingUnit } from '../indicators/service';
import { buildReport } from '../reports/service';
import { parseInput } from '../validation';
import { getBranding, type Logo } from './branding';
import { now as clockNow } from '../clock';

export const boardReportQuery = z.object({
	unit: z.string().uuid('Ogiltig förvaltning.').optional(),
	period: z.string().max(20).optional()
});

const text = (label: string) => z.string().max(20_000, `${label} får vara högst 20 000 tecken.`).optional().default('');
export const boardReportTextsInput = z.object({
	unit: z.string({ error: 'Välj förvaltning.' }).uuid('Välj förvaltning.'),
	period: z.string({ error: 'Välj period.' }).min(1, 'Välj period.'),
	summary: text('Sammanfattningen'),
	work: text('Texten om arbetet'),
	analysis: text('Analysen'),
	nextSteps: text('Texten om det fortsatta arbetet')
});

export const TEXT_SECTIONS = [
	{ key: 'summary', title: 'Sammanfattning', hint: 'Det viktigaste under perioden, i några meningar.' },
	{ key: 'work', title: 'Arbetet under perioden', hint: 'Vad styrgruppen och verksamheterna har gjort utifrån handlingsplanen.' },
	{ key: 'analysis', title: 'Analys', hint: 'Vad siffrorna och mätningen visar, och varför.' },
	{ key: 'nextSteps', title: 'Fortsatt arbete', hint: 'Vad som ska göras fram till nästa rapport.' }
] as const;
export type TextKey = (typeof TEXT_SECTIONS)[number]['key'];

/** The sections with nothing written: left out of the files, and the page warns before a download. */
export const missingTexts = (texts: Record<TextKey, string>): TextKey[] => TEXT_SECTIONS.filter((s) => texts[s.key].trim() === '').map((s) => s.key);

export interface ReportIndicator {
	name: string;
	description: string;
	unit: string;
	decimals: number;
	higherIsBetter: boolean;
	periodLabel: string;
	value: string;
	/** The value is a partial sum: "7 av 14 förvaltningar har rapporterat" (said beside it in the files). */
	valuePartial: string | null;
	previousLabel: string;
	previous: string;
	previousPartial: string | null;
	target: string | null;
	meets: boolean | null;
	note: string | null;
	panel: Panel;
}

/** The indicator table's row in the files: a partial sum says so in words beside the value. */
export function indicatorRow(i: ReportIndicator): string[] {
	const withPartial = (value: string, partial: string | null) => (partial ? `${value} (ofullständigt: ${partial})` : value);
	return [i.name, i.periodLabel, withPartial(i.value, i.valuePartial), withPartial(i.previous, i.previousPartial), i.target ?? '–', i.meets === null ? (i.valuePartial ? 'Inte bedömt (ofullständigt)' : '–') : i.meets ? 'Når målet' : 'Når inte målet'];
}

/** Under the indicator table: which values are partial sums, in a sentence (null when none). */
export function incompleteNote(indicators: ReportIndicator[]): string | null {
	const partial = indicators.filter((i) => i.valuePartial);
	if (partial.length === 0) return null;
	return `Ofullständigt: ${partial.map((i) => `${i.name} ${i.periodLabel} är summan av de förvaltningar som har rapporterat (${i.valuePartial})`).join('; ')}. Värdet är därför inte stadens hela värde.`;
}

/** A value in an indicator's table over time, with "(ofullständigt)" when it is a partial sum. */
export function seriesCell(series: { values: (number | null)[]; partial?: (string | null)[] }, k: number, format: (v: number) => string): string {
	const v = series.values[k];
	if (v === null) return '–';
	return series.partial?.[k] ? `${format(v)} (ofullständigt)` : format(v);
}

export interface PulseRound {
	roundName: string;
	shown: boolean;
	reason: string | null;
	respondents: number | null;
	responseRate: number | null;
	statements: { text: string; mean: number | null; shareLow: number | null; shareHigh: number | null }[];
}

export interface PlanAreaLine {
	title: string;
	status: string;
}

export interface BoardReport {
	kommunName: string;
	logo: Logo | null;
	unit: ReportingUnit;
	units: ReportingUnit[];
	period: ReportPeriod;
	periodLabel: string;
	reportOptions: string[];
	title: string;
	subtitle: string;
	unitTitle: string;
	canWrite: boolean;
	texts: Record<TextKey, string> & { updatedAt: Date | null; updatedBy: string | null };
	/** Sections with no text yet (missingTexts). */
	missingTexts: TextKey[];
	indicators: ReportIndicator[];
	pulse: { round: PulseRound | null; trend: PulsePanel | null } | null;
	cityPlanAreas: PlanAreaLine[] | null;
	generatedAt: Date;
}

/** Everything the report says, for a unit the actor may read. */
export async function boardReport(db: Db, actor: Actor, input: unknown, now = clockNow()): Promise<BoardReport> {
	const q = parseInput(boardReportQuery, input);
	const units = await readableUnits(db, actor);
	if (units.length === 0) throw notFound('Sidan');
	const scopes = aggregateScopes(actor);
	const unit = q.unit ? units.find((u) => u.id === q.unit) : (units.find((u) => within(u.path, scopes)) ?? units[units.length - 1]);
	if (!unit) throw notFound('Förvaltningen');
	const period = (q.period ? parseReportPeriod(q.period) : null) ?? currentReportPeriod(now);
	const kommun = await kommunOf(db, unit);
	const forvaltningar = kommun ? await forvaltningarOf(db, kommun) : unit.kind === 'forvaltning' ? [unit] : [];
	const ctx: DashboardContext = { unit, kommun, forvaltningar };
	const branding = await getBranding(db);

	const [saved] = await db
		.select({ r: boardReports, by: people.name })
		.from(boardReports)
		.leftJoin(people, eq(people.id, boardReports.updatedBy))
		.where(and(eq(boardReports.orgUnitId, unit.id), eq(boardReports.year, period.year), eq(boardReports.kind, period.kind)));

	const defs = await listIndicators(db);
	const unitIds = [...new Set([unit.id, ...(kommun ? [kommun.id] : []), ...forvaltningar.map((f) => f.id)])];
	const values = await loadValues(db, { unitIds, indicatorIds: defs.map((d) => d.id), totalsOnly: true });
	const until = reportEndOrdinal(period);
	const indicators = defs.map((def) => reportIndicator(def, new ValueIndex(values.filter((v) => v.indicatorId === def.id)), ctx, period, until));

	const current = currentReportPeriod(now);
	const reportOptions: string[] = [];
	for (let y = current.year; y >= 2015; y--) for (const kind of ['VB', 'T2'] as const) if (reportEndOrdinal({ kind, year: y }) <= reportEndOrdinal(current)) reportOptions.push(`${kind} ${y}`);
	if (!reportOptions.includes(reportPeriodLabel(period))) reportOptions.unshift(reportPeriodLabel(period));

	const unitTitle = unit.kind === 'kommun' ? `Hela ${unit.name}` : unit.name;
	const texts = { summary: saved?.r.summary ?? '', work: saved?.r.work ?? '', analysis: saved?.r.analysis ?? '', nextSteps: saved?.r.nextSteps ?? '' };
	return {
		kommunName: branding.name,
		logo: branding.logo,
		unit,
		units,
		period,
		periodLabel: reportPeriodLabel(period),
		reportOptions,
		title: 'Uppföljning av handlingsplanen för socialsekreterare och biståndshandläggare',
		subtitle: `${domain.boardReportKindLabel[period.kind]} ${period.year}`,
		unitTitle,
		canWrite: canWriteBoardReport(actor, unit.path),
		texts: { ...texts, updatedAt: saved?.r.updatedAt ?? null, updatedBy: saved?.by ?? null },
		missingTexts: missingTexts(texts),
		indicators,
		pulse: await pulseSection(db, actor, unit, period, until),
		cityPlanAreas: await cityPlanAreaStatus(db, actor, unit, period),
		generatedAt: now
	};
}

function reportIndicator(def: IndicatorDef, index: ValueIndex, ctx: DashboardContext, period: ReportPeriod, until: number): ReportIndicator {
	const panel = buildPanel(def, index, ctx, until, 12);
	const latest = latestPeriodIn(def.periodType, period);
	const [year, suffix] = latest.split('-');
	const yearBefore = suffix ? `${Number(year) - 1}-${suffix}` : String(Number(year) - 1);
	const figure = (p: string) => {
		const i = panel.periods.indexOf(p);
		return i >= 0 ? panel.series[0].values[i] : null;
	};
	const partial = (p: string) => {
		const i = panel.periods.indexOf(p);
		return i >= 0 ? (panel.series[0].partial?.[i] ?? null) : null;
	};
	const value = figure(latest);
	const target = ctx.unit.kind === 'kommun' ? def.target : def.unitTarget;
	return {
		name: def.name,
		description: def.description,
		unit: panel.def.unit,
		decimals: panel.def.decimals,
		higherIsBetter: def.higherIsBetter,
		periodLabel: periodLabel(latest),
		value: formatFigure(def, value),
		valuePartial: partial(latest),
		previousLabel: periodLabel(yearBefore),
		previous: formatFigure(def, figure(yearBefore)),
		previousPartial: partial(yearBefore),
		target: target === null ? null : formatFigure(def, target),
		meets: partial(latest) ? null : meetsTarget(def.higherIsBetter, value, target),
		note: panel.latest?.label === periodLabel(latest) ? panel.latest.note : null,
		panel
	};
}

/** The survey's round of the period (T2 or VB of the year) and the trend up to it, through buildReport. */
async function pulseSection(db: Db, actor: Actor, unit: ReportingUnit, period: ReportPeriod, until: number) {
	const trend = await pulseFor(db, actor, unit.id, until);
	if (!trend) return null;
	const [round] = await db
		.select({ id: rounds.id, name: rounds.name })
		.from(rounds)
		.where(and(eq(rounds.kind, period.kind), eq(rounds.year, period.year), eq(rounds.status, 'closed')));
	if (!round) return { round: null, trend };
	let report;
	try {
		report = await buildReport(db, actor, { unit: unit.id, round: round.id });
	} catch (e) {
		if (e instanceof DomainError && e.kind === 'not_found') return { round: null, trend };
		throw e;
	}
	const total = report.rows.find((r) => r.isTotal);
	if (!total) return { round: null, trend };
	const cell = total.cell;
	return {
		round: {
			roundName: round.name,
			shown: cell.shown,
			reason: cell.shown ? null : cell.reasonText,
			respondents: cell.shown ? cell.figures.respondents : null,
			responseRate: cell.shown ? cell.figures.responseRate : null,
			statements: STATEMENTS.map((s) => ({
				text: statementText[s],
				mean: cell.shown ? cell.figures.statements[s].mean : null,
				shareLow: cell.shown ? cell.figures.statements[s].shareLow : null,
				shareHigh: cell.shown ? cell.figures.statements[s].shareHigh : null
			}))
		},
		trend
	};
}

// --- The plan's areas, when the action-plan module is there ---------------------------------

// Found at build time if present; the report works without it (another part of the app).
const planService = import.meta.glob('../city-plan/service.ts');
const planMatrixModule = import.meta.glob('../city-plan/matrix.ts');

const statusLabel = (status: string): string => {
	const labels = (domain as Record<string, unknown>).planAreaStatusLabel as Record<string, string> | undefined;
	return labels?.[status] ?? status;
};

type Overview = { areas: { area: { title: string; position: number }; status: string }[] };
type Matrix = { areas: { id: string; title: string; position: number }[]; rows: { cells: { areaId: string; status: string }[] }[] };

/** The status of each area: the förvaltning's own, or for the city how many förvaltningar are at each status. */
async function cityPlanAreaStatus(db: Db, actor: Actor, unit: ReportingUnit, _period: ReportPeriod): Promise<PlanAreaLine[] | null> {
	try {
		if (unit.kind === 'forvaltning') {
			const load = planService['../city-plan/service.ts'];
			if (!load) return null;
			const mod = (await load()) as { getPlanOverview?: (db: Db, actor: Actor, id: string) => Promise<Overview> };
			if (typeof mod.getPlanOverview !== 'function') return null;
			const overview = await mod.getPlanOverview(db, actor, unit.id);
			return overview.areas.map((a) => ({ title: `${a.area.position}. ${a.area.title}`, status: statusLabel(a.status) }));
		}
		const load = planMatrixModule['../city-plan/matrix.ts'];
		if (!load) return null;
		const mod = (await load()) as { planMatrix?: (db: Db, actor: Actor, input: unknown) => Promise<Matrix> };
		if (typeof mod.planMatrix !== 'function') return null;
		const matrix = await mod.planMatrix(db, actor, {});
		return matrix.areas.map((area) => {
			const counts = new Map<string, number>();
			for (const row of matrix.rows) for (const c of row.cells.filter((c) => c.areaId === area.id)) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
			const order = ['established', 'measures_under_way', 'under_analysis', 'not_started'];
			const status = [...counts.entries()]
				.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
				.map(([s, n]) => `${statusLabel(s).toLowerCase()}: ${n}`)
				.join(', ');
			return { title: `${area.position}. ${area.title}`, status: status ? status.charAt(0).toUpperCase() + status.slice(1) : '–' };
		});
	} catch (e) {
		// The plan is someone else's part: the caller may lack access to it, or it may have changed shape.
		if (e instanceof DomainError) return null;
		return null;
	}
}

// --- Writing the texts ------------------------------------------------------------------------

export async function saveBoardReportTexts(db: Db, actor: Actor, input: unknown) {
	const d = parseInput(boardReportTextsInput, input);
	const period = parseReportPeriod(d.period);
	if (!period) throw new DomainError('invalid', 'Ett fält behöver rättas.', { period: 'Välj en period, till exempel T2 2025.' });
	const unit = (await readableUnits(db, actor)).find((u) => u.id === d.unit);
	if (!unit || !canWriteBoardReport(actor, unit.path)) throw notFound('Förvaltningen');
	const values = { summary: d.summary.trim(), work: d.work.trim(), analysis: d.analysis.trim(), nextSteps: d.nextSteps.trim(), updatedBy: actor.personId, updatedAt: clockNow() };
	await db
		.insert(boardReports)
		.values({ orgUnitId: unit.id, year: period.year, kind: period.kind, ...values })
		.onConflictDoUpdate({ target: [boardReports.orgUnitId, boardReports.year, boardReports.kind], set: values });
	await audit(db, actor, { action: 'board_report.save', subjectType: 'org_unit', subjectId: unit.id, detail: { period: reportPeriodLabel(period) } });
	return { unit, period };
}

