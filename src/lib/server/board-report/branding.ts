/**
 * The kommun's name and logo on the report, from the settings table (shared by every app
 * instance): 'kommun.name' (text) and 'kommun.logo' ({ mime, data: base64 }). Without a name the
 * kommun's unit name is used; without a logo the report has none.
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { canDefineIndicators } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { orgUnits } from '../db/schema';
import { invalid, notFound } from '../errors';
import { getSetting, setSetting } from '../settings';
import { parseInput } from '../validation';

export const NAME_KEY = 'kommun.name';
export const LOGO_KEY = 'kommun.logo';
export const MAX_LOGO_BYTES = 500 * 1024;

export interface Logo {
	mime: 'image/png' | 'image/jpeg';
	data: Buffer;
}

export interface Branding {
	name: string;
	logo: Logo | null;
	/** Whether the name is the one set in the settings (not the unit's). */
	nameSet: boolean;
}

export async function getBranding(db: Db): Promise<Branding> {
	const name = await getSetting<string>(db, NAME_KEY);
	const logo = await getSetting<{ mime: Logo["mime"]; data: string } | false>(db, LOGO_KEY);
	let fallback = 'Kommunen';
	if (!name) {
		const [kommun] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.kind, 'kommun')).orderBy(asc(orgUnits.depth), asc(orgUnits.name)).limit(1);
		fallback = kommun?.name ?? fallback;
	}
	return { name: name || fallback, nameSet: Boolean(name), logo: logo ? { mime: logo.mime, data: Buffer.from(logo.data, 'base64') } : null };
}

/** What kind of image the bytes are: PNG and JPEG are what both PDF and Word take. */
export function imageType(bytes: Uint8Array): Logo['mime'] | null {
	if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	return null;
}

/** Pixel size of a PNG or JPEG, to keep the logo's proportions. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (imageType(bytes) === 'image/png' && bytes.length >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
	if (imageType(bytes) === 'image/jpeg') {
		let i = 2;
		while (i + 9 < bytes.length) {
			if (bytes[i] !== 0xff) return null;
			const marker = bytes[i + 1];
			const length = view.getUint16(i + 2);
			if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
			i += 2 + length;
		}
	}
	return null;
}

const brandingInput = z.object({
	name: z.string().trim().min(2, 'Skriv kommunens namn.').max(100, 'Namnet får vara högst 100 tecken.'),
	removeLogo: z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean()).optional().default(false)
});

export async function saveBranding(db: Db, actor: Actor, input: unknown, logo: Uint8Array | null): Promise<Branding> {
	if (!canDefineIndicators(actor)) throw notFound('Sidan');
	const d = parseInput(brandingInput, input);
	if (logo && logo.length > 0) {
		const mime = imageType(logo);
		if (!mime) throw invalid('Ett fält behöver rättas.', { logo: 'Logotypen ska vara en PNG- eller JPEG-bild.' });
		if (logo.length > MAX_LOGO_BYTES) throw invalid('Ett fält behöver rättas.', { logo: 'Logotypen får vara högst 500 kB.' });
		await setSetting(db, LOGO_KEY, { mime, data: Buffer.from(logo).toString('base64') });
	} else if (d.removeLogo) {
		await setSetting(db, LOGO_KEY, false);
	}
	await setSetting(db, NAME_KEY, d.name);
	await audit(db, actor, { action: 'settings.branding', detail: { name: d.name, logo: Boolean(logo && logo.length) } });
	return getBranding(db);
}
