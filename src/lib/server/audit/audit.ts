/** Append-only audit trail: who read individual-level data, exported, changed rounds, logged in. */
import type { Db } from '../db';
import { auditLog } from '../db/schema';

export interface AuditEntry {
	actorId: string | null;
	action: string;
	subjectType?: string;
	subjectId?: string;
	detail?: Record<string, unknown>;
	ip?: string | null;
}

export async function audit(db: Db, entry: AuditEntry): Promise<void> {
	await db.insert(auditLog).values({
		actorId: entry.actorId,
		action: entry.action,
		subjectType: entry.subjectType ?? null,
		subjectId: entry.subjectId ?? null,
		detail: entry.detail ?? null,
		ip: entry.ip ?? null
	});
}
