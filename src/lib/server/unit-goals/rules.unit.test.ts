/** The rules of the unit's goals and checklists (issue 14): periods, the share "ja", what a checklist may hold. */
import { describe, expect, it } from 'vitest';
import { checklistInput, checklistProblems, compile, goalInput, isClosed, moved, parsePeriod, periodChoices, personValue, shareYes, tertialOf, tertialsBetween } from './rules';

describe('periods', () => {
	it('knows the tertials, the year (bokslut) and any chosen period', () => {
		expect(parsePeriod('2026-T1')).toMatchObject({ label: 'Tertial 1 2026', from: '2026-01-01', to: '2026-04-30', tertials: ['2026-T1'] });
		expect(parsePeriod('2026-T2')).toMatchObject({ from: '2026-05-01', to: '2026-08-31' });
		expect(parsePeriod('2026')).toMatchObject({ label: 'Helår 2026 (bokslut)', from: '2026-01-01', to: '2026-12-31', tertials: ['2026-T1', '2026-T2', '2026-T3'] });
		expect(parsePeriod('2026-03-01..2026-05-15')).toMatchObject({ label: '1 mars 2026 – 15 maj 2026', tertials: [] });
		for (const bad of ['2026-T4', '2026-05-15..2026-03-01', '2026-02-30..2026-03-01', 'igår', '']) expect(parsePeriod(bad), bad).toBeNull();
		expect(tertialOf('2026-04-30')).toBe('2026-T1');
		expect(tertialOf('2026-05-01')).toBe('2026-T2');
		expect(tertialOf('2026-12-31')).toBe('2026-T3');
	});

	it('lists the tertials up to today and offers each year before its tertials, newest first', () => {
		expect(tertialsBetween('2025-10-10', '2026-06-01').map((p) => p.key)).toEqual(['2025-T3', '2026-T1', '2026-T2']);
		expect(periodChoices('2025-10-10', '2026-06-01').map((p) => p.key)).toEqual(['2026', '2026-T2', '2026-T1', '2025', '2025-T3']);
		expect(periodChoices(null, '2026-06-01').map((p) => p.key)).toEqual(['2026', '2026-T2']);
		expect(periodChoices('2025-10-10', '2026-06-01').map((p) => p.label).slice(0, 4)).toEqual(['Helår 2026 hittills', 'Tertial 2 2026', 'Tertial 1 2026', 'Helår 2025 (bokslut)']);
		expect(isClosed(parsePeriod('2026-T1')!, '2026-04-30')).toBe(false);
		expect(isClosed(parsePeriod('2026-T1')!, '2026-05-01')).toBe(true);
	});
});

describe('the compilation', () => {
	const answers = (a: Record<string, 'ja' | 'nej' | 'ej_aktuellt'>) => new Map(Object.entries(a));
	it('counts the share "ja" of the answers that applied, per item and pooled per goal, in total and per gender', () => {
		const c = compile(
			[
				{ personId: 'p1', clientGender: 'flicka', answers: answers({ a: 'ja', b: 'nej' }) },
				{ personId: 'p1', clientGender: 'pojke', answers: answers({ a: 'ej_aktuellt', b: 'ja' }) },
				{ personId: 'p2', clientGender: 'flicka', answers: answers({ a: 'nej', b: 'ja', gone: 'ja' }) }
			],
			['a', 'b'],
			[{ id: 'g', itemIds: ['a', 'b'] }]
		);
		expect(c).toMatchObject({ checklists: 3, people: 2 });
		expect(c.items.get('a')!.total).toEqual({ ja: 1, nej: 1, ejAktuellt: 1 });
		expect(shareYes(c.items.get('a')!.total)).toBe(0.5);
		expect(c.goals.get('g')!.total).toEqual({ ja: 3, nej: 2, ejAktuellt: 1 });
		expect(shareYes(c.goals.get('g')!.byGender.flicka)).toBe(0.5);
		expect(shareYes(c.goals.get('g')!.byGender.annat)).toBeNull();
		expect(c.items.has('gone')).toBe(false);
	});

	it('values each person by their own share for the rule on homogeneous groups', () => {
		expect(personValue({ ja: 0, nej: 0, ejAktuellt: 3 })).toBe(0);
		expect(personValue({ ja: 0, nej: 2, ejAktuellt: 0 })).toBe(1);
		expect(personValue({ ja: 2, nej: 2, ejAktuellt: 0 })).toBe(51);
		expect(personValue({ ja: 4, nej: 0, ejAktuellt: 1 })).toBe(101);
	});
});

describe('what a goal and a checklist may hold', () => {
	it('refuses an expected result outside 0–100 and a personnummer', () => {
		expect(goalInput.safeParse({ title: 'SIP', expectedShare: '80' }).success).toBe(true);
		expect(goalInput.safeParse({ title: 'SIP', expectedShare: '101' }).success).toBe(false);
		expect(goalInput.safeParse({ title: 'Barnet 20120304-1234', expectedShare: '80' }).success).toBe(false);
	});

	it('wants every item answered, a closing day that is not ahead nor too old, and nothing outside the checklist', () => {
		const input = checklistInput.parse({ closedOn: '2026-11-20', clientGender: 'flicka', ageBand: '0-6', answers: { a: 'ja' } });
		expect(checklistProblems(input, ['a'], '2026-12-03')).toEqual({});
		expect(checklistProblems(input, ['a', 'b'], '2026-12-03')).toEqual({ 'answers.b': 'Svara ja, nej eller ej aktuellt.' });
		expect(Object.keys(checklistProblems(input, ['a'], '2026-11-19'))).toEqual(['closedOn']);
		expect(Object.keys(checklistProblems(input, ['a'], '2028-01-01'))).toEqual(['closedOn']);
		expect(Object.keys(checklistProblems(input, [], '2026-12-03'))).toEqual(['answers']);
	});
});

describe('the order of the questions', () => {
	const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
	const ids = (xs: { id: string }[]) => xs.map((x) => x.id).join('');
	it('moves a question one place, and not past either end', () => {
		expect(ids(moved(items, 'c', 'up'))).toBe('acb');
		expect(ids(moved(items, 'a', 'down'))).toBe('bac');
		expect(ids(moved(items, 'a', 'up'))).toBe('abc');
		expect(ids(moved(items, 'c', 'down'))).toBe('abc');
		expect(ids(moved(items, 'x', 'up'))).toBe('abc');
		expect(ids(items)).toBe('abc');
	});
});
