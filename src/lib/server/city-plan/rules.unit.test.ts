import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import {
	activityInput,
	comparePeriods,
	currentFollowUpPeriod,
	describeChange,
	followUpInput,
	indicatorProgress,
	indicatorTargetProblem,
	metricReached,
	metricValue,
	recentFollowUps,
	resolveSince,
	subgoalInput,
	subgoalProgress
} from './rules';

function fieldErrors(schema: Parameters<typeof parseInput>[0], input: unknown): Record<string, string> {
	try {
		parseInput(schema, input);
	} catch (e) {
		if (e instanceof DomainError) return e.fieldErrors;
		throw e;
	}
	return {};
}

describe('a sub-goal (delmål)', () => {
	it('needs a text and a real target date', () => {
		const errors = fieldErrors(subgoalInput, { title: ' ', targetDate: '2027-02-30' });
		expect(errors.title).toMatch(/Skriv delmålet/);
		expect(errors.targetDate).toBe('Datumet finns inte. Kontrollera månad och dag.');
	});

	it('may stand alone, without a link to the survey', () => {
		expect(parseInput(subgoalInput, { title: 'Alla nyanställda har en mentor', targetDate: '2027-06-30', statement: '', metric: '', targetValue: '' })).toEqual({
			title: 'Alla nyanställda har en mentor',
			targetDate: '2027-06-30',
			status: 'open',
			statement: null,
			metric: null,
			indicatorKey: null,
			targetValue: null
		});
	});

	it('linked to a statement needs a metric and a target on that metric’s scale', () => {
		expect(fieldErrors(subgoalInput, { title: 'x', targetDate: '2027-06-30', statement: 'situation' })).toMatchObject({
			metric: 'Välj vilket mått som följs.',
			targetValue: 'Fyll i målvärdet.'
		});
		expect(fieldErrors(subgoalInput, { title: 'x', targetDate: '2027-06-30', statement: 'situation', metric: 'mean', targetValue: '7' }).targetValue).toBe(
			'Ett medelvärde ligger mellan 1 och 6.'
		);
		expect(fieldErrors(subgoalInput, { title: 'x', targetDate: '2027-06-30', statement: 'situation', metric: 'share_high', targetValue: '120' }).targetValue).toBe(
			'En andel anges i procent, mellan 0 och 100.'
		);
		expect(fieldErrors(subgoalInput, { title: 'x', targetDate: '2027-06-30', statement: 'situation', metric: 'mean', targetValue: 'fyra' }).targetValue).toMatch(/ska vara ett tal/);
	});

	it('accepts a Swedish decimal comma', () => {
		const goal = parseInput(subgoalInput, { title: 'x', targetDate: '2027-06-30', statement: 'quality', metric: 'mean', targetValue: '4,2' });
		expect(goal).toMatchObject({ statement: 'quality', metric: 'mean', targetValue: 4.2 });
	});

	it('refuses a metric without a statement', () => {
		expect(fieldErrors(subgoalInput, { title: 'x', targetDate: '2027-06-30', metric: 'mean', targetValue: '4' }).statement).toMatch(/Välj vilket påstående/);
	});

	it('may follow an indicator instead, with a target and no metric', () => {
		expect(parseInput(subgoalInput, { title: 'x', targetDate: '2027-06-30', statement: '', metric: '', indicator: 'turnover', targetValue: '12,5' })).toMatchObject({
			statement: null,
			metric: null,
			indicatorKey: 'turnover',
			targetValue: 12.5
		});
		expect(fieldErrors(subgoalInput, { title: 'x', targetDate: '2027-06-30', indicator: 'turnover' })).toEqual({ targetValue: 'Fyll i målvärdet.' });
		expect(fieldErrors(subgoalInput, { title: 'x', targetDate: '2027-06-30', indicator: 'turnover', metric: 'mean', targetValue: '12' }).metric).toMatch(/Mått väljs bara för ett påstående/);
	});

	it('follows a statement or an indicator, never both', () => {
		expect(fieldErrors(subgoalInput, { title: 'x', targetDate: '2027-06-30', statement: 'situation', metric: 'mean', indicator: 'turnover', targetValue: '4' })).toEqual({
			indicator: 'Välj antingen ett påstående i mätningen eller en indikator, inte båda.'
		});
	});

	it('a target on the indicator’s scale: per cent within 0–100, counts whole and not negative', () => {
		expect(indicatorTargetProblem('rate', 12.5)).toBeNull();
		expect(indicatorTargetProblem('percent', 120)).toMatch(/mellan 0 och 100/);
		expect(indicatorTargetProblem('count', 100)).toBeNull();
		expect(indicatorTargetProblem('count', 2.5)).toMatch(/heltal/);
		expect(indicatorTargetProblem('count', -1)).toMatch(/heltal, 0 eller mer/);
		expect(indicatorTargetProblem('decimal', -3.25)).toBeNull();
	});
});

describe('activities and follow-ups', () => {
	it('an activity needs what, who and when', () => {
		expect(Object.keys(fieldErrors(activityInput, { title: '', responsible: '', dueDate: '' })).sort()).toEqual(['dueDate', 'responsible', 'title']);
	});

	it('a follow-up is written for T2 or VB of a year from 2016', () => {
		const errors = fieldErrors(followUpInput, { period: 'T1', year: '2015', comment: '' });
		expect(errors).toMatchObject({ period: 'Välj T2 eller VB.', year: 'Handlingsplanen följs upp från 2016.', comment: 'Skriv uppföljningen.' });
	});

	it('the period due: T2 in spring and autumn, VB at the turn of the year', () => {
		expect(currentFollowUpPeriod(new Date('2026-01-20T12:00:00Z'))).toEqual({ period: 'VB', year: 2025 });
		expect(currentFollowUpPeriod(new Date('2026-09-20T12:00:00Z'))).toEqual({ period: 'T2', year: 2026 });
		expect(currentFollowUpPeriod(new Date('2026-12-01T12:00:00Z'))).toEqual({ period: 'VB', year: 2026 });
	});

	it('periods sort newest first, VB after T2 of the same year', () => {
		const list = [
			{ period: 'T2' as const, year: 2018 },
			{ period: 'VB' as const, year: 2018 },
			{ period: 'T2' as const, year: 2019 }
		].sort(comparePeriods);
		expect(list.map((p) => `${p.period} ${p.year}`)).toEqual(['T2 2019', 'VB 2018', 'T2 2018']);
	});
});

describe('progress from survey figures', () => {
	const figures = { mean: 4.24, shareLow: 0.1, shareHigh: 0.42 };

	it('reads the metric on its own scale', () => {
		expect(metricValue(figures, 'mean')).toBe(4.24);
		expect(metricValue(figures, 'share_high')).toBeCloseTo(42);
		expect(metricValue(figures, 'share_low')).toBeCloseTo(10);
		expect(metricValue({ mean: null, shareLow: null, shareHigh: null }, 'share_high')).toBeNull();
	});

	it('lower is better for the share answering 1–2', () => {
		expect(metricReached('share_low', 10, 12)).toBe(true);
		expect(metricReached('share_low', 14, 12)).toBe(false);
		expect(metricReached('mean', 4.2, 4.2)).toBe(true);
		expect(metricReached('share_high', 41, 50)).toBe(false);
	});

	it('judges the newest shown round, skipping suppressed ones', () => {
		const progress = subgoalProgress(
			[
				{ label: 'VB 2018', value: 3.9, reasonText: null },
				{ label: 'T2 2019', value: 4.3, reasonText: null },
				{ label: 'VB 2019', value: null, reasonText: 'Färre än 5 svarande' }
			],
			'mean',
			4.2
		);
		expect(progress.latest).toEqual({ label: 'T2 2019', value: 4.3, reached: true });
		expect(subgoalProgress([{ label: 'VB 2019', value: null, reasonText: 'x' }], 'mean', 4).latest).toBeNull();
	});
});

describe('progress from an indicator', () => {
	const points = [
		{ label: '2023', value: 18, reasonText: null },
		{ label: '2024', value: 13.5, reasonText: null }
	];

	it('judges the newest value in the indicator’s direction', () => {
		expect(indicatorProgress(points, false, 14).latest).toEqual({ label: '2024', value: 13.5, reached: true });
		expect(indicatorProgress(points, true, 14).latest).toEqual({ label: '2024', value: 13.5, reached: false });
		expect(indicatorProgress([], false, 14)).toEqual({ points: [], latest: null });
	});
});

describe('what changed', () => {
	it('describes changes in Swedish', () => {
		expect(describeChange({ kind: 'status', fromStatus: 'not_started', toStatus: 'measures_under_way', summary: '' })).toBe(
			'Status ändrad från ”Ej påbörjat” till ”Åtgärder pågår”.'
		);
		expect(describeChange({ kind: 'subgoal_added', fromStatus: null, toStatus: null, summary: 'Alla har en mentor' })).toBe('Nytt delmål: Alla har en mentor');
		expect(describeChange({ kind: 'follow_up', fromStatus: null, toStatus: null, summary: 'T2 2019' })).toBe('Uppföljning skriven (T2 2019).');
	});

	it('"since" defaults to the previous follow-up, and accepts a follow-up, a round or a date (Stockholm midnight)', () => {
		const closed = [
			{ id: 'b', name: 'T2 2019', closedAt: new Date('2019-09-13T22:59:00Z') },
			{ id: 'a', name: 'VB 2018', closedAt: new Date('2018-12-07T22:59:00Z') }
		];
		// 3 December: the VB follow-up is due, so changes are counted from the end of T2's period.
		const december = new Date('2026-12-03T10:00:00+01:00');
		expect(resolveSince(undefined, closed, december)).toEqual({ value: 'followup:T2-2026', at: new Date('2026-08-31T22:00:00Z'), label: 'uppföljningen T2 2026', invalid: false });
		// 10 April: T2 is due, so from the end of last year (VB 2025).
		expect(resolveSince(undefined, closed, new Date('2026-04-10T10:00:00+02:00')).value).toBe('followup:VB-2025');
		expect(resolveSince(undefined, closed, new Date('2026-04-10T10:00:00+02:00')).at).toEqual(new Date('2025-12-31T23:00:00Z'));
		// January still belongs to the previous year's VB, so the comparison is that year's T2.
		expect(resolveSince(undefined, closed, new Date('2027-01-15T10:00:00+01:00')).value).toBe('followup:T2-2026');
		expect(resolveSince('followup:VB-2024', closed, december).at).toEqual(new Date('2024-12-31T23:00:00Z'));
		expect(resolveSince('round:a', closed, december)).toMatchObject({ at: closed[1].closedAt, label: 'att VB 2018 stängdes' });
		expect(resolveSince('2019-07-01', closed, december)).toEqual({ value: '2019-07-01', at: new Date('2019-06-30T22:00:00Z'), label: null, invalid: false });
		expect(resolveSince('2019-02-30', closed, december).invalid).toBe(true);
		expect(resolveSince('round:nope', closed, december).invalid).toBe(true);
		expect(resolveSince('followup:T3-2026', closed, december).invalid).toBe(true);
	});

	it('lists the follow-ups to compare with, newest first', () => {
		expect(recentFollowUps(new Date('2026-12-03T10:00:00+01:00'), 3)).toEqual([
			{ period: 'T2', year: 2026 },
			{ period: 'VB', year: 2025 },
			{ period: 'T2', year: 2025 }
		]);
	});
});
