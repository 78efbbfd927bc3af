import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from './errors';
import { CONTROL_CHARACTER_MESSAGE, isoDate, isRealDate, isUuid, optionalIsoDate, parseInput, urlHasControlCharacters } from './validation';

function fieldErrorsOf(work: () => unknown): Record<string, string> {
	try {
		work();
	} catch (e) {
		if (e instanceof DomainError) return e.fieldErrors;
		throw e;
	}
	throw new Error('expected a refusal');
}

describe('control characters (issue 12: a NUL gave 500)', () => {
	const schema = z.object({ email: z.string(), note: z.string().optional(), tags: z.array(z.string()).optional() });

	it('refuses NUL and other control characters in any text, naming the field', () => {
		expect(fieldErrorsOf(() => parseInput(schema, { email: 'a\u0000@x.se' }))).toEqual({ email: CONTROL_CHARACTER_MESSAGE });
		expect(fieldErrorsOf(() => parseInput(schema, { email: 'a@x.se', note: 'bell\u0007' }))).toEqual({ note: CONTROL_CHARACTER_MESSAGE });
		expect(fieldErrorsOf(() => parseInput(schema, { email: 'a@x.se', tags: ['ok', 'esc\u001b'] }))).toEqual({ 'tags.1': CONTROL_CHARACTER_MESSAGE });
		expect(fieldErrorsOf(() => parseInput(schema, { email: 'del\u007f' }))).toEqual({ email: CONTROL_CHARACTER_MESSAGE });
	});

	it('refuses them before the schema runs, also for schemas that accept anything', () => {
		expect(fieldErrorsOf(() => parseInput(z.unknown(), { deep: { deeper: ['x\u0000'] } }))).toEqual({ 'deep.deeper.0': CONTROL_CHARACTER_MESSAGE });
		expect(fieldErrorsOf(() => parseInput(z.string(), '\u0000'))).toEqual({ _: CONTROL_CHARACTER_MESSAGE });
	});

	it('keeps tab and line breaks, which people type', () => {
		expect(parseInput(schema, { email: 'a@x.se', note: 'rad ett\r\nrad två\tindrag' })).toEqual({ email: 'a@x.se', note: 'rad ett\r\nrad två\tindrag' });
	});

	it('finds them in an address: path, query key or value, and malformed escapes', () => {
		expect(urlHasControlCharacters(new URL('http://x/api/v1/indicators/%00'))).toBe(true);
		expect(urlHasControlCharacters(new URL('http://x/admin/people?q=%00'))).toBe(true);
		expect(urlHasControlCharacters(new URL('http://x/admin/people?%01=a'))).toBe(true);
		expect(urlHasControlCharacters(new URL('http://x/a/%E3%80'))).toBe(true);
		expect(urlHasControlCharacters(new URL('http://x/admin/people?q=Anna%20Berg&page=2'))).toBe(false);
		expect(urlHasControlCharacters(new URL('http://x/plan/%C3%A5r'))).toBe(false);
	});
});

describe('shared rules', () => {
	it('recognises ids', () => {
		expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
		expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950')).toBe(false);
		expect(isUuid("1' or '1'='1")).toBe(false);
	});

	it('knows real days from rolled-over ones', () => {
		expect(isRealDate('2028-02-29')).toBe(true);
		expect(isRealDate('2027-02-29')).toBe(false);
		expect(isRealDate('2027-13-01')).toBe(false);
	});

	it('explains each way a date can be wrong', () => {
		const schema = z.object({ on: isoDate('Fyll i ett datum.'), by: optionalIsoDate('2026-03-14') });
		expect(fieldErrorsOf(() => parseInput(schema, { on: '' }))).toEqual({ on: 'Fyll i ett datum.' });
		expect(fieldErrorsOf(() => parseInput(schema, { on: '15/2' }))).toEqual({ on: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-02-15.' });
		expect(fieldErrorsOf(() => parseInput(schema, { on: '2027-02-30' }))).toEqual({ on: 'Datumet finns inte. Kontrollera månad och dag.' });
		expect(fieldErrorsOf(() => parseInput(schema, { on: '2027-02-15', by: '14/3' }))).toEqual({ by: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.' });
		expect(parseInput(schema, { on: ' 2027-02-15 ', by: '' })).toEqual({ on: '2027-02-15', by: undefined });
	});
});
