/**
 * The accessibility statement (tillgänglighetsredogörelse): the law on accessibility of digital
 * public services (DOS-lagen, 2018:1937) asks every public body to publish one, linked from every
 * page. The text is ours; who to contact and when the statement was last reviewed are the
 * kommun's, kept in the settings table ('accessibility.contact') and edited by administrators.
 */
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { requireAdministrator } from '../access/gate';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { getBranding } from '../board-report/branding';
import { getSetting, setSetting } from '../settings';
import { isoDate, parseInput } from '../validation';

export const CONTACT_KEY = 'accessibility.contact';

export interface AccessibilityContact {
	/** Who answers: a function rather than a person, so the page outlives staff changes. */
	name: string;
	email: string;
	phone: string;
	/** The day the statement was last reviewed (yyyy-mm-dd); null until someone has. */
	reviewedOn: string | null;
}

export const contactInput = z.object({
	name: z.string().trim().min(2, 'Skriv vem som svarar, till exempel ”Kommunens kontaktcenter”.').max(200, 'Högst 200 tecken.'),
	email: z.string().trim().max(200, 'Högst 200 tecken.').email('Skriv en e-postadress, till exempel tillganglighet@kommun.se.'),
	phone: z
		.string()
		.trim()
		.max(40, 'Högst 40 tecken.')
		.regex(/^[0-9+\-() ]*$/, 'Skriv telefonnumret med siffror, till exempel 08-123 456 00.'),
	reviewedOn: isoDate('Skriv när redogörelsen granskades, till exempel 2026-11-30.')
});

/** The statement as shown: the kommun's name and contact, with a fallback until one is saved. */
export async function accessibilityStatement(db: Db): Promise<{ kommun: string; contact: AccessibilityContact | null }> {
	const [branding, contact] = await Promise.all([getBranding(db), getSetting<AccessibilityContact>(db, CONTACT_KEY)]);
	return { kommun: branding.name, contact };
}

export async function contactForEditing(db: Db, actor: Actor): Promise<AccessibilityContact | null> {
	requireAdministrator(actor);
	return getSetting<AccessibilityContact>(db, CONTACT_KEY);
}

export async function saveAccessibilityContact(db: Db, actor: Actor, input: unknown): Promise<AccessibilityContact> {
	requireAdministrator(actor);
	const contact: AccessibilityContact = parseInput(contactInput, input);
	await setSetting(db, CONTACT_KEY, contact);
	await audit(db, actor, { action: 'settings.accessibility', detail: { name: contact.name, reviewedOn: contact.reviewedOn } });
	return contact;
}
