import { describe, expect, it } from 'vitest';
import { cellKey, cityFigure, type IndicatorDef, figureProblem, formatFigure, jumpWarning, meetsTarget, parseSwedishNumber, shownValue, splitProblems, type Cells } from './rules';

type Def = Pick<IndicatorDef, 'kind' | 'unit' | 'numeratorLabel' | 'denominatorLabel' | 'splits'>;
const count: Def = { kind: 'count', unit: 'konsulter', numeratorLabel: null, denominatorLabel: null, splits: ['title', 'gender'] };
const rate: Def = { kind: 'rate', unit: '%', numeratorLabel: 'Antal som slutat', denominatorLabel: 'Genomsnittligt antal anställda', splits: ['title'] };
const percent: Def = { kind: 'percent', unit: '%', numeratorLabel: null, denominatorLabel: null, splits: ['gender'] };

const cells = (entries: [string, number | null, number | null][]): Cells => new Map(entries.map(([k, value, base]) => [k, { value, base }]));

describe('what a figure must be', () => {
	it('counts are whole and not negative', () => {
		expect(figureProblem(count, { value: 12, base: null })).toBeNull();
		expect(figureProblem(count, { value: -1, base: null })).toBe('Ett antal kan inte vara negativt.');
		expect(figureProblem(count, { value: 1.5, base: null })).toMatch(/heltal/);
	});
	it('per cent is 0–100', () => {
		expect(figureProblem(percent, { value: 4.5, base: null })).toBeNull();
		expect(figureProblem(percent, { value: 101, base: null })).toBe('Procent ska vara mellan 0 och 100.');
	});
	it('a rate needs both numbers and a denominator above zero', () => {
		expect(figureProblem(rate, { value: 12, base: 80.5 })).toBeNull();
		expect(figureProblem(rate, { value: 12, base: null })).toBe('Fyll i genomsnittligt antal anställda också.');
		expect(figureProblem(rate, { value: null, base: 80 })).toBe('Fyll i antal som slutat också.');
		expect(figureProblem(rate, { value: 3, base: 0 })).toBe('Genomsnittligt antal anställda måste vara större än 0.');
		expect(shownValue('rate', { value: 12, base: 80 })).toBe(15);
		expect(shownValue('rate', { value: 12, base: 0 })).toBeNull();
	});
	it('reads Swedish numbers', () => {
		expect(parseSwedishNumber('4,5')).toBe(4.5);
		expect(parseSwedishNumber('1 234')).toBe(1234);
		expect(parseSwedishNumber('1\u00a0234,5')).toBe(1234.5);
		expect(parseSwedishNumber('12 %')).toBe(12);
		expect(parseSwedishNumber('\u22123')).toBe(-3);
		expect(parseSwedishNumber('')).toBeNull();
		expect(parseSwedishNumber('tolv')).toBeNaN();
		expect(parseSwedishNumber('1,2,3')).toBeNaN();
	});
});

describe('splits agree with the total', () => {
	it('a complete split must sum to the total', () => {
		expect(splitProblems(count, cells([[cellKey('total'), 10, null], [cellKey('title', 'socialsekreterare'), 6, null], [cellKey('title', 'bistandshandlaggare'), 4, null]]))).toEqual({});
		const problems = splitProblems(count, cells([[cellKey('total'), 10, null], [cellKey('title', 'socialsekreterare'), 6, null], [cellKey('title', 'bistandshandlaggare'), 5, null]]));
		expect(problems[cellKey('title', 'socialsekreterare')]).toBe('Fördelningen per yrkestitel blir 11 men totalen är 10: summan måste stämma.');
	});
	it('a partial split may not exceed the total', () => {
		expect(splitProblems(count, cells([[cellKey('total'), 10, null], [cellKey('gender', 'kvinna'), 8, null]]))).toEqual({});
		expect(Object.values(splitProblems(count, cells([[cellKey('total'), 10, null], [cellKey('gender', 'kvinna'), 11, null]])))[0]).toMatch(/mer än totalen 10/);
	});
	it('a split needs its total', () => {
		expect(splitProblems(count, cells([[cellKey('gender', 'kvinna'), 3, null]]))).toEqual({ 'total:': 'Fyll i totalen när du fyller i en fördelning.' });
	});
	it('rates check numerators and denominators; per cent is not summed', () => {
		const ok = cells([[cellKey('total'), 24, 160], [cellKey('title', 'socialsekreterare'), 15, 100], [cellKey('title', 'bistandshandlaggare'), 9, 60]]);
		expect(splitProblems(rate, ok)).toEqual({});
		const bad = cells([[cellKey('total'), 24, 160], [cellKey('title', 'socialsekreterare'), 15, 100], [cellKey('title', 'bistandshandlaggare'), 9, 70]]);
		expect(Object.values(splitProblems(rate, bad))[0]).toMatch(/genomsnittligt antal anställda 170 men totalen är 160/);
		expect(splitProblems(percent, cells([[cellKey('total'), 4, null], [cellKey('gender', 'kvinna'), 5, null], [cellKey('gender', 'man'), 2, null], [cellKey('gender', 'annat'), 1, null]]))).toEqual({});
	});
});

describe('implausible jumps', () => {
	it('warns when a count moves by half or more and by at least five', () => {
		expect(jumpWarning(count, { value: 100, label: 'november 2016' }, 60)).toBeNull();
		expect(jumpWarning(count, { value: 100, label: 'november 2016' }, 40)).toBe('Värdet är 60 % lägre än förra perioden (november 2016: 100 konsulter). Stämmer det?');
		expect(jumpWarning(count, { value: 20, label: 'april 2019' }, 45)).toMatch(/125 % högre/);
	});
	it('does not warn for small numbers moving a little, or without a previous figure', () => {
		expect(jumpWarning(count, { value: 2, label: 'VT 2020' }, 5)).toBeNull();
		expect(jumpWarning(count, null, 500)).toBeNull();
		expect(jumpWarning(count, { value: null, label: 'VT 2020' }, 500)).toBeNull();
	});
	it('warns when a figure drops to zero', () => {
		expect(jumpWarning(count, { value: 3, label: 'VT 2020' }, 0)).toMatch(/till 0/);
	});
	it('compares per cent in percentage points', () => {
		expect(jumpWarning(percent, { value: 4, label: 'T2 2020' }, 7)).toBeNull();
		expect(jumpWarning(percent, { value: 4, label: 'T2 2020' }, 12)).toMatch(/200 % högre/);
	});
});

describe('the city figure', () => {
	it('a figure entered for the whole city wins', () => {
		expect(cityFigure('count', { value: 88, base: null }, [{ value: 5, base: null }, null])).toEqual({ value: 88, source: 'reported', reporting: 1, of: 2 });
	});
	it('counts add up, rates pool, per cent is an unweighted mean', () => {
		expect(cityFigure('count', null, [{ value: 5, base: null }, { value: 7, base: null }, null])).toEqual({ value: 12, source: 'sum', reporting: 2, of: 3 });
		expect(cityFigure('rate', null, [{ value: 10, base: 100 }, { value: 30, base: 100 }]).value).toBe(20);
		expect(cityFigure('rate', null, [{ value: 10, base: 100 }, { value: 3, base: 10 }]).value).toBeCloseTo(11.82, 2);
		expect(cityFigure('percent', null, [{ value: 4, base: null }, { value: 6, base: null }])).toMatchObject({ value: 5, source: 'mean' });
		expect(cityFigure('count', null, [null, null])).toEqual({ value: null, source: 'none', reporting: 0, of: 2 });
	});
	it('targets respect which direction is better', () => {
		expect(meetsTarget(true, 130, 100)).toBe(true);
		expect(meetsTarget(false, 12, 10)).toBe(false);
		expect(meetsTarget(false, null, 10)).toBeNull();
	});
	it('formats in Swedish with the unit', () => {
		expect(formatFigure(count, 1200)).toBe('1\u00a0200 konsulter');
		expect(formatFigure(rate, 12.345)).toBe('12,3 %');
		expect(formatFigure(count, null)).toBe('–');
	});
});

describe('the entry form', () => {
	it('turns field names into entries', async () => {
		const { entriesFromForm } = await import('./form');
		const out = entriesFromForm({
			unit: 'u',
			period: 'T2 2021',
			'consultants.total': '4',
			'consultants.title.socialsekreterare': '',
			'consultants.countMonth': '5',
			'consultants.note': 'Räknat i maj',
			'turnover.total': '12',
			'turnover.total.base': '80,5',
			'turnover.gender.kvinna': '9',
			'turnover.gender.kvinna.base': '60'
		});
		expect(out.period).toBe('T2 2021');
		expect(out.entries).toEqual([
			{ indicator: 'consultants', dimension: 'total', category: '', value: '4', countMonth: '5', note: 'Räknat i maj' },
			{ indicator: 'consultants', dimension: 'title', category: 'socialsekreterare', value: '' },
			{ indicator: 'turnover', dimension: 'total', category: '', value: '12', base: '80,5' },
			{ indicator: 'turnover', dimension: 'gender', category: 'kvinna', value: '9', base: '60' }
		]);
	});
});
