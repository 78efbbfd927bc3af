/**
 * Issue 12, item 2: decompression bombs in XLSX uploads are refused from the ZIP directory,
 * before exceljs unpacks anything (the parser is watched and must not run). The archives are
 * generated here, never committed: an honest bomb, one whose directory lies, several entries,
 * and entries that overlap (one compressed stream counted many times).
 */
import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readIndicatorFile } from './indicators/import';
import { readStaffFile } from './import/read-file';
import { assertZipWithinLimits, readCentralDirectory, type ZipLimits } from './zip-limits';

interface Part {
	name: string;
	/** The bytes as stored (already compressed for method 8). */
	stored: Uint8Array;
	method: 0 | 8;
	/** What the directory says it unpacks to. */
	declared: number;
	/** Point at an earlier part's data instead of storing its own (an overlapping entry). */
	sameDataAs?: number;
}

/** A minimal ZIP archive: local headers and data, the central directory, its end record. */
function zip(parts: Part[]): Uint8Array {
	const chunks: Buffer[] = [];
	const offsets: number[] = [];
	let at = 0;
	for (const p of parts) {
		if (p.sameDataAs !== undefined) {
			offsets.push(offsets[p.sameDataAs]);
			continue;
		}
		const name = Buffer.from(p.name);
		const h = Buffer.alloc(30);
		h.writeUInt32LE(0x04034b50, 0);
		h.writeUInt16LE(20, 4);
		h.writeUInt16LE(p.method, 8);
		h.writeUInt32LE(p.stored.length, 18);
		h.writeUInt32LE(p.declared, 22);
		h.writeUInt16LE(name.length, 26);
		offsets.push(at);
		chunks.push(h, name, Buffer.from(p.stored));
		at += h.length + name.length + p.stored.length;
	}
	const cdStart = at;
	parts.forEach((p, i) => {
		const src = p.sameDataAs !== undefined ? parts[p.sameDataAs] : p;
		const name = Buffer.from(p.name);
		const c = Buffer.alloc(46);
		c.writeUInt32LE(0x02014b50, 0);
		c.writeUInt16LE(20, 4);
		c.writeUInt16LE(20, 6);
		c.writeUInt16LE(src.method, 10);
		c.writeUInt32LE(src.stored.length, 20);
		c.writeUInt32LE(p.declared, 24);
		c.writeUInt16LE(name.length, 28);
		c.writeUInt32LE(offsets[i], 42);
		chunks.push(c, name);
		at += c.length + name.length;
	});
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(at - cdStart, 12);
	end.writeUInt32LE(cdStart, 16);
	chunks.push(end);
	return new Uint8Array(Buffer.concat(chunks));
}

const deflated = (name: string, data: Buffer): Part => ({ name, stored: deflateRawSync(data), method: 8, declared: data.length });
const MB = 1024 * 1024;
const limits: ZipLimits = { maxEntries: 50, maxEntryBytes: 8 * MB, maxTotalBytes: 10 * MB, maxRatio: 100 };
const messageOf = (f: () => unknown) => {
	try {
		f();
		return 'accepted';
	} catch (e) {
		return (e as { fieldErrors?: { file?: string } }).fieldErrors?.file ?? String(e);
	}
};

describe('XLSX decompression limits', () => {
	afterEach(() => vi.restoreAllMocks());

	it('accepts a real workbook, and reads its directory', async () => {
		const workbook = new ExcelJS.Workbook();
		workbook.addWorksheet('Personal').addRows([['Anställningsnummer', 'Namn'], ['1', 'Anna']]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect(messageOf(() => assertZipWithinLimits(bytes))).toBe('accepted');
		expect(readCentralDirectory(bytes).map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
	});

	it('refuses a bomb: 30 MB of one character packed to a few kB', () => {
		const bomb = zip([deflated('xl/worksheets/sheet1.xml', Buffer.alloc(30 * MB, 0x20))]);
		expect(bomb.length).toBeLessThan(100_000);
		expect(messageOf(() => assertZipWithinLimits(bomb))).toMatch(/^Filen är för stor uppackad \(xl\/worksheets\/sheet1\.xml blir 30 MB, högst 80 MB|^Filen är för stor uppackad \(xl\/worksheets\/sheet1\.xml packas upp \d+ gånger, högst 100\)/);
		expect(messageOf(() => assertZipWithinLimits(bomb, limits))).toBe('Filen är för stor uppackad (xl/worksheets/sheet1.xml blir 30 MB, högst 8 MB). Dela upp den i mindre filer, eller spara om den från Excel utan tomma rader och kolumner.');
	});

	it('refuses by ratio alone, an entry within the size limits', () => {
		const dense = zip([deflated('sheet.xml', Buffer.alloc(5 * MB, 0x41))]);
		expect(messageOf(() => assertZipWithinLimits(dense, limits))).toMatch(/sheet\.xml packas upp \d+ gånger, högst 100/);
	});

	it('refuses a directory that declares 480 MB (the probe’s bomb), from the directory alone', () => {
		const part = deflated('xl/worksheets/sheet1.xml', Buffer.alloc(1000, 0x20));
		expect(messageOf(() => assertZipWithinLimits(zip([{ ...part, declared: 480 * MB }])))).toMatch(/blir 480 MB, högst 80 MB/);
	});

	it('refuses a directory that lies: declares little, inflates to more', () => {
		const part = deflated('xl/worksheets/sheet1.xml', Buffer.alloc(2 * MB, 0x20));
		expect(messageOf(() => assertZipWithinLimits(zip([{ ...part, declared: 1000 }]), { ...limits, maxRatio: 10_000 }))).toMatch(/sheet1\.xml är större än den uppger/);
	});

	it('refuses several entries that together are too large, each within the limits', () => {
		const parts = Array.from({ length: 12 }, (_, i) => deflated(`xl/worksheets/sheet${i}.xml`, Buffer.alloc(MB, 0x20)));
		expect(messageOf(() => assertZipWithinLimits(zip(parts), { ...limits, maxRatio: 10_000 }))).toMatch(/12 MB sammanlagt, högst 10 MB/);
		expect(messageOf(() => assertZipWithinLimits(zip(parts), { ...limits, maxRatio: 10_000, maxEntries: 10 }))).toMatch(/12 delar, högst 10/);
	});

	it('refuses overlapping entries: one compressed stream listed many times', () => {
		const first = deflated('a.xml', Buffer.alloc(100_000, 0x20));
		const parts: Part[] = [first, ...Array.from({ length: 5 }, (_, i) => ({ ...first, name: `b${i}.xml`, sameDataAs: 0 }))];
		expect(messageOf(() => assertZipWithinLimits(zip(parts), { ...limits, maxRatio: 10_000 }))).toMatch(/delar som överlappar varandra/);
	});

	it('refuses a damaged archive with a Swedish message', () => {
		expect(messageOf(() => assertZipWithinLimits(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toMatch(/^Filen går inte att läsa som Excel-fil \(\.xlsx\): den är skadad/);
	});

	it('both XLSX entry points (staff import, indicator import) refuse the bomb before exceljs runs', async () => {
		const parse = vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get');
		const bomb = zip([deflated('xl/worksheets/sheet1.xml', Buffer.alloc(30 * MB, 0x20))]);
		await expect(readStaffFile(bomb, 'personal.xlsx')).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^Filen är för stor uppackad/) });
		await expect(readIndicatorFile(bomb, 'nyckeltal.xlsx')).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^Filen är för stor uppackad/) });
		expect(parse).not.toHaveBeenCalled();
	});
});
