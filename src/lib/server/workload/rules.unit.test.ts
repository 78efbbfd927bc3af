/** The rules of workload between the rounds (issue 14): the week, the signal, the months that are over, what a rating may hold. */
import { describe, expect, it } from 'vitest';
import { looksLikePersonnummer } from '../validation';
import { closedMonths, isoWeek, monthLabel, ratingInput, weekStart, workloadSignals } from './rules';

describe('workload rules', () => {
	it('puts a day in its ISO week, across the turn of the year', () => {
		expect(isoWeek('2026-12-04')).toBe('2026-W49');
		expect(isoWeek('2026-12-31')).toBe('2026-W53');
		expect(isoWeek('2027-01-03')).toBe('2026-W53');
		expect(isoWeek('2027-01-04')).toBe('2027-W01');
		expect(weekStart('2026-12-06')).toBe('2026-11-30');
		expect(weekStart('2026-11-30')).toBe('2026-11-30');
	});

	it('signals three high ratings running, or a jump of two steps', () => {
		expect(workloadSignals([2, 4, 4, 5])).toEqual(['high_three_times']);
		expect(workloadSignals([4, 3, 4, 5])).toEqual([]);
		expect(workloadSignals([3, 2, 4])).toEqual(['jumped']);
		expect(workloadSignals([2, 4, 5, 4])).toEqual(['high_three_times']);
		expect(workloadSignals([3, 4, 4, 1, 3])).toEqual(['jumped']);
		expect(workloadSignals([1, 3, 5, 5])).toEqual([]);
		expect(workloadSignals([3, 5, 5])).toEqual([]);
		expect(workloadSignals([3, 3, 5])).toEqual(['jumped']);
		expect(workloadSignals([4, 4, 4])).toEqual(['high_three_times']);
		expect(workloadSignals([5])).toEqual([]);
		expect(workloadSignals([])).toEqual([]);
	});

	it('shows only months that are over, in Stockholm', () => {
		// 1 December 00:30 in Stockholm is still 30 November in UTC: November is over.
		expect(closedMonths('2026-09', new Date('2026-11-30T23:30:00Z'))).toEqual(['2026-09', '2026-10', '2026-11']);
		expect(closedMonths('2026-09', new Date('2026-11-30T22:30:00Z'))).toEqual(['2026-09', '2026-10']);
		expect(closedMonths('2026-11', new Date('2027-02-10T12:00:00Z'))).toEqual(['2026-11', '2026-12', '2027-01']);
		expect(closedMonths(null, new Date('2026-11-30T12:00:00Z'))).toEqual([]);
		expect(closedMonths('2026-12', new Date('2026-12-30T12:00:00Z'))).toEqual([]);
		expect(monthLabel('2026-11')).toBe('november 2026');
	});

	it('takes a level 1–5 with optional cases and note, and says what to fix in Swedish', () => {
		expect(ratingInput.parse({ level: '4', openCases: '', note: '  ' })).toEqual({ level: 4, openCases: undefined, note: null });
		expect(ratingInput.parse({ level: 2, openCases: '23', note: 'Lugnare vecka.' })).toEqual({ level: 2, openCases: 23, note: 'Lugnare vecka.' });
		const issues = (input: unknown) => Object.fromEntries((ratingInput.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
		expect(issues({})).toEqual({ level: 'Välj hur hög din arbetsbelastning är, 1–5.' });
		expect(issues({ level: '6' })).toEqual({ level: 'Välj hur hög din arbetsbelastning är, 1–5.' });
		expect(issues({ level: '3', openCases: '-1' })).toEqual({ openCases: 'Antal öppna ärenden kan inte vara negativt.' });
		expect(issues({ level: '3', openCases: '2,5' })).toEqual({ openCases: 'Antal öppna ärenden ska vara ett heltal.' });
		expect(issues({ level: '3', note: 'Pojken 120304-1234 hotade mig' })).toEqual({ note: 'Skriv inga personnummer eller andra uppgifter om klienter i anteckningen.' });
		expect(issues({ level: '3', note: 'x'.repeat(501) })).toEqual({ note: 'Anteckningen får vara högst 500 tecken.' });
	});

	it('recognises what looks like a personnummer, and not ordinary numbers', () => {
		for (const text of ['19120304-1234', '120304-1234', '1203041234', '201203041234', '120304+1234']) expect(looksLikePersonnummer(text), text).toBe(true);
		for (const text of ['38 ärenden', 'vecka 49', '2026-12-04', 'tel 08-123 45', '12345']) expect(looksLikePersonnummer(text), text).toBe(false);
	});
});
