/** After login the browser goes only to a path of this app (issue 12: the open redirect). */
import { describe, expect, it } from 'vitest';
import { safeNext } from './login-method';

describe('safeNext: where a login may send the browser', () => {
	it('keeps a path of this app, with its query and fragment', () => {
		expect(safeNext('/my/history')).toBe('/my/history');
		expect(safeNext('/team?round=abc&x=1#svar')).toBe('/team?round=abc&x=1#svar');
		expect(safeNext('/')).toBe('/');
	});

	it('percent-encodes what a Location header cannot carry, rather than failing', () => {
		expect(safeNext('/enhet/Åre')).toBe('/enhet/%C3%85re');
	});

	it('falls back to / for anything that could leave the site', () => {
		const hostile = [
			'/\t/evil.example/phish', // what a browser reads as //evil.example
			'/\n/evil.example',
			'/\r/evil.example',
			'/\u3000/evil.example', // ideographic space (%E3%80%80)
			'/\u00a0/evil.example',
			'/\u2028/evil.example',
			'/ /evil.example',
			'//evil.example',
			'///evil.example',
			'/\\evil.example',
			'/\\/evil.example',
			'\\\\evil.example',
			'https://evil.example',
			'http:/evil.example',
			'javascript:alert(1)',
			'evil.example',
			'/\u0000',
			'/\u007f',
			'/\u0085/evil.example',
			'/' + 'a'.repeat(2001)
		];
		for (const next of hostile) expect(safeNext(next), JSON.stringify(next)).toBe('/');
	});

	it('falls back to / when there is nothing', () => {
		expect(safeNext(null)).toBe('/');
		expect(safeNext(undefined)).toBe('/');
		expect(safeNext('')).toBe('/');
	});
});
