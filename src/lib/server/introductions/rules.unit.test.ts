import { describe, expect, it } from 'vitest';
import { completedOn, introductionCounts, introductionEnd, noteInput, progressOf, semesterOf, semesterOrder, stepDueDate } from './rules';

describe('introduction rules', () => {
	it('ends six months after the start, on the last day of a short month when needed', () => {
		expect(introductionEnd('2026-10-01')).toBe('2027-04-01');
		expect(introductionEnd('2026-08-31')).toBe('2027-02-28');
		expect(introductionEnd('2027-07-15')).toBe('2028-01-15');
	});

	it('makes a step due on the last day of its week, and behind after it', () => {
		expect(stepDueDate('2026-10-01', 1)).toBe('2026-10-07');
		expect(stepDueDate('2026-10-01', 26)).toBe('2027-03-31');
		const steps = [
			{ dueWeek: 1, doneOn: '2026-10-05' },
			{ dueWeek: 2, doneOn: null },
			{ dueWeek: 8, doneOn: null }
		];
		expect(progressOf(steps, '2026-10-01', '2026-10-14')).toEqual({ done: 1, total: 3, behind: 0, status: 'enligt_plan' });
		expect(progressOf(steps, '2026-10-01', '2026-10-15')).toEqual({ done: 1, total: 3, behind: 1, status: 'efter' });
		expect(progressOf([{ dueWeek: 1, doneOn: '2026-12-01' }], '2026-10-01', '2026-12-03').status).toBe('klar');
		expect(progressOf([], '2026-10-01', '2026-12-03').status).toBe('enligt_plan');
	});

	it('is completed on the day the last step was ticked off', () => {
		expect(completedOn([{ dueWeek: 1, doneOn: '2026-10-05' }, { dueWeek: 3, doneOn: '2026-10-02' }])).toBe('2026-10-05');
		expect(completedOn([{ dueWeek: 1, doneOn: '2026-10-05' }, { dueWeek: 3, doneOn: null }])).toBeNull();
		expect(completedOn([])).toBeNull();
	});

	it('refuses a personnummer in a note', () => {
		expect(noteInput.safeParse({ body: 'Pojken 120304-1234 har flyttat.' }).success).toBe(false);
		expect(noteInput.safeParse({ body: 'Vecka 12: bra ärendegenomgång.' }).success).toBe(true);
	});

	it('orders and finds semesters', () => {
		expect(['2027-VT', '2026-HT', '2026-VT'].sort((a, b) => semesterOrder(a) - semesterOrder(b))).toEqual(['2026-VT', '2026-HT', '2027-VT']);
		expect(semesterOf('2026-06-30')).toBe('2026-VT');
		expect(semesterOf('2026-07-01')).toBe('2026-HT');
	});

	it('counts new employees, those with a programme and mentor, and those completed within six months', () => {
		const starters = [
			{ startDate: '2026-01-10', hasProgramme: true, completedOn: '2026-06-30' },
			{ startDate: '2026-02-01', hasProgramme: true, completedOn: '2026-09-01' },
			{ startDate: '2026-03-01', hasProgramme: false, completedOn: null },
			{ startDate: '2026-09-01', hasProgramme: true, completedOn: null },
			{ startDate: '2025-12-01', hasProgramme: true, completedOn: null }
		];
		expect(introductionCounts(starters, '2026-01-01', '2026-12-31', '2026-12-03')).toEqual({ newEmployees: 4, withProgramme: 3, sixMonthsOver: 3, completedInSixMonths: 1 });
	});
});
