/** Append-only audit trail: who read individual-level data, exported, changed rounds, logged in. */
import type { Db } from '../db';
import { auditLog } from '../db/schema';

/**
 * Who acts, and from which address. An Actor is one (hooks.server.ts gives it the request's
 * address), so a service passes its actor and cannot forget the address; without a person
 * (a failed login) use `anonymousRequest`, for the app's own scheduled work `SCHEDULED`.
 */
export interface AuditBy {
	personId: string | null;
	ip: string | null;
}

/** Work the app does on its own (closing rounds, reminders, retention): no person, no address. */
export const SCHEDULED: AuditBy = Object.freeze({ personId: null, ip: null });

/** A request by someone not (yet) logged in. */
export const anonymousRequest = (ip: string): AuditBy => ({ personId: null, ip });

export interface AuditEntry {
	action: string;
	subjectType?: string;
	subjectId?: string;
	detail?: Record<string, unknown>;
}

export async function audit(db: Db, by: AuditBy, entry: AuditEntry): Promise<void> {
	await db.insert(auditLog).values({
		actorId: by.personId,
		action: entry.action,
		subjectType: entry.subjectType ?? null,
		subjectId: entry.subjectId ?? null,
		detail: entry.detail ?? null,
		ip: by.ip
	});
}
