import { describe, expect, it } from 'vitest';
import {
	comparePeriods,
	countDayRowLabel,
	currentReportPeriod,
	isPeriodOf,
	latestPeriodIn,
	parseMonth,
	parsePeriod,
	parseReportPeriod,
	periodDueIn,
	periodLabel,
	periodsBetween,
	previousPeriod
} from './periods';

describe('indicator periods', () => {
	it('reads periods as people write them', () => {
		expect(parsePeriod('year', '2016')).toBe('2016');
		expect(parsePeriod('year', ' 2016 ')).toBe('2016');
		expect(parsePeriod('count_day', 'april 2016')).toBe('2016-04');
		expect(parsePeriod('count_day', 'Apr. 2019')).toBe('2019-04');
		expect(parsePeriod('count_day', '2016-11')).toBe('2016-11');
		expect(parsePeriod('count_day', 'November 2020')).toBe('2020-11');
		expect(parsePeriod('count_day', '2020 nov')).toBe('2020-11');
		expect(parsePeriod('semester', 'VT 2016')).toBe('2016-VT');
		expect(parsePeriod('semester', 'ht16')).toBe('2016-HT');
		expect(parsePeriod('semester', 'Höstterminen 2021')).toBe('2021-HT');
		expect(parsePeriod('semester', '2021-VT')).toBe('2021-VT');
		expect(parsePeriod('tertial', 'T2 2020')).toBe('2020-T2');
		expect(parsePeriod('tertial', 'VB 2020')).toBe('2020-T3');
		expect(parsePeriod('tertial', 'tertial 1 2021')).toBe('2021-T1');
	});

	it('refuses what does not fit the type', () => {
		expect(parsePeriod('count_day', 'maj 2019')).toBeNull();
		expect(parsePeriod('count_day', '2019')).toBeNull();
		expect(parsePeriod('year', 'VT 2019')).toBeNull();
		expect(parsePeriod('semester', 'T2 2019')).toBeNull();
		expect(parsePeriod('tertial', 'T4 2019')).toBeNull();
		expect(parsePeriod('year', '1850')).toBeNull();
		expect(parsePeriod('year', 'hej')).toBeNull();
		expect(isPeriodOf('count_day', '2019-05')).toBe(false);
		expect(isPeriodOf('count_day', '2019-04')).toBe(true);
	});

	it('names and orders periods', () => {
		expect(periodLabel('2016-04')).toBe('april 2016');
		expect(periodLabel('2016-11')).toBe('november 2016');
		expect(periodLabel('2016-VT')).toBe('VT 2016');
		expect(periodLabel('2016-T3')).toBe('T3 2016');
		expect(periodLabel('2016')).toBe('2016');
		expect(['2017-04', '2016-11', '2016-04'].sort(comparePeriods)).toEqual(['2016-04', '2016-11', '2017-04']);
		expect(periodsBetween('count_day', 2016, 2017)).toEqual(['2016-04', '2016-11', '2017-04', '2017-11']);
		expect(previousPeriod('count_day', '2017-04')).toBe('2016-11');
		expect(previousPeriod('tertial', '2017-T1')).toBe('2016-T3');
	});

	it('reads months for the day a count was moved to', () => {
		expect(parseMonth('maj')).toBe(5);
		expect(parseMonth('Maj')).toBe(5);
		expect(parseMonth('dec')).toBe(12);
		expect(parseMonth('5')).toBe(5);
		expect(parseMonth('2019-05-14')).toBe(5);
		expect(parseMonth('13')).toBeNull();
		expect(parseMonth('majj')).toBeNull();
	});

	it('knows which period is reported at T2 and at the VB', () => {
		const t2 = { kind: 'T2', year: 2021 } as const;
		const vb = { kind: 'VB', year: 2021 } as const;
		expect(periodDueIn('count_day', t2)).toBe('2021-04');
		expect(periodDueIn('count_day', vb)).toBe('2021-11');
		expect(periodDueIn('semester', t2)).toBe('2021-VT');
		expect(periodDueIn('tertial', vb)).toBe('2021-T3');
		expect(periodDueIn('year', t2)).toBeNull();
		expect(periodDueIn('year', vb)).toBe('2021');
		expect(latestPeriodIn('year', t2)).toBe('2020');
		expect(parseReportPeriod('t2 2021')).toEqual(t2);
		expect(parseReportPeriod('VB-2021')).toEqual(vb);
		expect(parseReportPeriod('T1 2021')).toBeNull();
	});

	it('works on the report due at a date, in Swedish time', () => {
		expect(currentReportPeriod(new Date('2021-03-15T12:00:00Z'))).toEqual({ kind: 'VB', year: 2020 });
		expect(currentReportPeriod(new Date('2021-09-01T12:00:00Z'))).toEqual({ kind: 'T2', year: 2021 });
		expect(currentReportPeriod(new Date('2021-11-30T12:00:00Z'))).toEqual({ kind: 'VB', year: 2021 });
		// 23:30 UTC on 31 October is already November in Stockholm.
		expect(currentReportPeriod(new Date('2021-10-31T23:30:00Z'))).toEqual({ kind: 'VB', year: 2021 });
	});

	it('labels a year whose count was moved as the 2021 report prints it', () => {
		expect(countDayRowLabel(2019, { april: 5, november: 11 })).toBe('2019 (maj)');
		expect(countDayRowLabel(2019, { april: null, november: null })).toBe('2019');
		expect(countDayRowLabel(2018, { april: 4, november: 12 })).toBe('2018 (december)');
		expect(countDayRowLabel(2018, { april: 5, november: 12 })).toBe('2018 (maj, december)');
	});
});
