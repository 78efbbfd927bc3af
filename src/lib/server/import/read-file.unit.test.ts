/** The linear CSV reader gives exactly what csv-parse gives, for every file it accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvLenient, readCsvStrict, readStaffFile } from './read-file';

const cell = fc.stringMatching(/^[a-zåäö ;,"\t\r\n-]{0,6}$/);
const quote = (value: string, delimiter: string, always: boolean) =>
	always || value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

describe('reading CSV in one pass', () => {
	it('gives the records and lines csv-parse gives, or leaves the file to it', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
				fc.constantFrom(';', ',', '\t'),
				fc.constantFrom('\n', '\r\n'),
				fc.boolean(),
				fc.boolean(),
				(table, delimiter, newline, quoteAll, trailingNewline) => {
					const text = table.map((r) => r.map((c) => quote(c, delimiter, quoteAll)).join(delimiter)).join(newline) + (trailingNewline ? newline : '');
					const strict = readCsvStrict(text, delimiter);
					if (strict) expect(strict).toEqual(readCsvLenient(text, delimiter));
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('also on loose text: stray quotes, mixed line ends, empty lines', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[ab;"\r\n]{0,30}$/), (text) => {
				let lenient: unknown;
				try {
					lenient = readCsvLenient(text, ';');
				} catch {
					lenient = 'error';
				}
				const strict = readCsvStrict(text, ';');
				if (strict) expect(strict).toEqual(lenient);
			}),
			{ numRuns: 5000 }
		);
	});

	it('takes the common files itself', () => {
		expect(readCsvStrict('a;b\r\n1;"x;""y"""\r\n\r\n2;3\r\n', ';')).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['1', 'x;"y"'] },
			{ line: 3, cells: [''] },
			{ line: 4, cells: ['2', '3'] }
		]);
		expect(readCsvStrict('a;b\n1;"two\nlines"\n', ';')).toBeNull();
		expect(readCsvStrict('a;b\n1;x"y\n', ';')).toBeNull();
	});

	it('keeps the line numbers of the file through either reader', async () => {
		const lines = async (text: string) => (await readStaffFile(new TextEncoder().encode(text))).rows.map((r) => r.line);
		expect(await lines('a;b\n1;2\n\n3;4\n')).toEqual([2, 4]);
		expect(await lines('a;b\n1;"2\n2"\n\n3;4\n')).toEqual([2, 5]);
	});
});
