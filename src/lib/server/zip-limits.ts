/**
 * A guard against decompression bombs (ASVS 5.0 V5.2.3) for every XLSX upload: before a
 * parser sees the file, its ZIP central directory is read and the archive refused when the
 * entries are too many, an entry or the total is too large unpacked, an entry compresses
 * suspiciously well, entries overlap (one compressed stream counted many times), or an entry
 * inflates to more than it declares. Limits from env.ts (XLSX_MAX_*), see docs/security.md.
 * Each entry is inflated at most to its declared size (zlib's maxOutputLength), one at a time.
 */
import { inflateRawSync } from 'node:zlib';
import { env } from './env';
import { invalid } from './errors';

export interface ZipLimits {
	maxEntries: number;
	maxEntryBytes: number;
	maxTotalBytes: number;
	/** Unpacked size / packed size, checked for entries above RATIO_FLOOR. */
	maxRatio: number;
}

/** Small entries may compress very well (a sheet of empty cells); only larger ones are ratio-checked. */
const RATIO_FLOOR = 1024 * 1024;
const MB = 1024 * 1024;

export function zipLimits(): ZipLimits {
	const e = env();
	return { maxEntries: e.XLSX_MAX_ENTRIES, maxEntryBytes: e.XLSX_MAX_ENTRY_MB * MB, maxTotalBytes: e.XLSX_MAX_UNPACKED_MB * MB, maxRatio: e.XLSX_MAX_RATIO };
}

export interface ZipEntry {
	name: string;
	method: number;
	compressedSize: number;
	uncompressedSize: number;
	/** Where the entry's compressed data starts and ends in the file. */
	dataStart: number;
	dataEnd: number;
}

const unreadable = () => fileError('Filen går inte att läsa som Excel-fil (.xlsx): den är skadad. Spara om den från Excel och försök igen.');
const tooBig = (what: string) => fileError(`Filen är för stor uppackad (${what}). Dela upp den i mindre filer, eller spara om den från Excel utan tomma rader och kolumner.`);

function fileError(message: string) {
	return invalid(message, { file: message });
}

/** The entries, from the central directory; throws the Swedish 400 for a damaged archive. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);
	const inFile = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;
	// End of central directory: the last signature in the final 64 kB + 22 bytes.
	let eocd = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
		if (u32(at) === 0x06054b50) {
			eocd = at;
			break;
		}
	}
	if (eocd < 0) throw unreadable();
	const count = u16(eocd + 10);
	const cdSize = u32(eocd + 12);
	const cdOffset = u32(eocd + 16);
	// ZIP64 (markers 0xFFFF…): more than 65 535 entries or 4 GB — far beyond any limit here.
	if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw tooBig('ZIP64-arkiv');
	if (!inFile(cdOffset, cdSize) || cdOffset + cdSize > eocd) throw unreadable();
	const entries: ZipEntry[] = [];
	let at = cdOffset;
	for (let i = 0; i < count; i++) {
		if (!inFile(at, 46) || u32(at) !== 0x02014b50) throw unreadable();
		const nameLength = u16(at + 28);
		const extraLength = u16(at + 30);
		const commentLength = u16(at + 32);
		if (!inFile(at + 46, nameLength + extraLength + commentLength)) throw unreadable();
		const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
		const compressedSize = u32(at + 20);
		const uncompressedSize = u32(at + 24);
		const local = u32(at + 42);
		if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || local === 0xffffffff) {
			// The real values are in the ZIP64 extra field; an entry that needs them is over 4 GB anyway.
			throw tooBig(`${name} över 4 GB`);
		}
		if (!inFile(local, 30) || u32(local) !== 0x04034b50) throw unreadable();
		const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
		if (!inFile(dataStart, compressedSize)) throw unreadable();
		entries.push({ name, method: u16(at + 10), compressedSize, uncompressedSize, dataStart, dataEnd: dataStart + compressedSize });
		at += 46 + nameLength + extraLength + commentLength;
	}
	return entries;
}

/**
 * Refuses (400, in Swedish) an archive that would unpack to too much. Cheap checks first, from
 * the central directory alone; then each entry is inflated, capped at its declared size, so a
 * directory that lies about sizes is caught without ever holding more than one capped entry.
 */
export function assertZipWithinLimits(bytes: Uint8Array, limits = zipLimits()): void {
	const entries = readCentralDirectory(bytes);
	if (entries.length > limits.maxEntries) throw tooBig(`${entries.length} delar, högst ${limits.maxEntries}`);
	let total = 0;
	for (const e of entries) {
		if (e.uncompressedSize > limits.maxEntryBytes) throw tooBig(`${e.name} blir ${mb(e.uncompressedSize)}, högst ${mb(limits.maxEntryBytes)}`);
		if (e.uncompressedSize > RATIO_FLOOR && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
			throw tooBig(`${e.name} packas upp ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} gånger, högst ${limits.maxRatio}`);
		}
		total += e.uncompressedSize;
	}
	if (total > limits.maxTotalBytes) throw tooBig(`${mb(total)} sammanlagt, högst ${mb(limits.maxTotalBytes)}`);
	// Overlapping entries: the same compressed bytes counted as many files.
	const ranges = entries.map((e) => [e.dataStart, e.dataEnd] as const).sort((a, b) => a[0] - b[0]);
	for (let i = 1; i < ranges.length; i++) {
		if (ranges[i][0] < ranges[i - 1][1]) throw tooBig('delar som överlappar varandra');
	}
	for (const e of entries) {
		if (e.method === 0) {
			if (e.compressedSize !== e.uncompressedSize) throw unreadable();
		} else if (e.method === 8) {
			let out: Buffer;
			try {
				// One byte more than declared: a stream that produces it lies about its size.
				out = inflateRawSync(bytes.subarray(e.dataStart, e.dataEnd), { maxOutputLength: e.uncompressedSize + 1 });
			} catch (err) {
				if (err instanceof RangeError) throw tooBig(`${e.name} är större än den uppger`);
				throw unreadable();
			}
			if (out.length !== e.uncompressedSize) throw unreadable();
		} else {
			throw unreadable();
		}
	}
}

const mb = (bytes: number) => `${(bytes / MB).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
