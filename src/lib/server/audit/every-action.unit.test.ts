/**
 * Issue 12, item 6: every audit entry records the address of the request. audit() takes who
 * and from where as one object (an Actor carries its request's address), so this walk checks
 * the source: every audit call passes such an object, never a hand-made one without the
 * address; no other code writes the log; and every action the app writes is known.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionLabel } from './search';

const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sources(full);
		return /\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
	});
}

interface Call {
	file: string;
	by: string;
	action: string;
}

/** Every `audit(db, by, { action: … })` in the app's source. */
function auditCalls(): Call[] {
	const calls: Call[] = [];
	for (const file of sources(root)) {
		const text = readFileSync(file, 'utf8');
		for (const m of text.matchAll(/\bawait audit\(\s*[\w.]+,\s*(.+?),\s*\{\s*action:\s*([^,\n]+)/gs)) {
			calls.push({ file: path.relative(root, file), by: m[1].trim(), action: m[2].trim() });
		}
	}
	return calls;
}

/** Who-and-where arguments that carry the request's address by construction (or say there is none). */
const carriesAddress = new Set(['actor', 'by', 'anonymousRequest(ip)', '{ personId, ip: clientIp(event) }']);
/** The app's own scheduled work: no request, so no address. */
const scheduled = new Set(["'round.close'", "'round.remind'", "'retention.apply'"]);

describe('every audited action records the address of the request', () => {
	const calls = auditCalls();

	it('finds the audit calls (the walk works)', () => {
		expect(calls.length).toBeGreaterThan(30);
		for (const action of ["'read.action_plan'", "'action_plan.offer'", "'incident.report'", "'login.failed'", "'login'"]) {
			expect(calls.map((c) => c.action), action).toContain(action);
		}
	});

	it('every call passes an actor or request context, SCHEDULED only for scheduled work', () => {
		for (const call of calls) {
			const where = `${call.file}: ${call.action}`;
			if (call.by === 'SCHEDULED' || call.by === 'actor ?? SCHEDULED') expect(scheduled, where).toContain(call.action);
			else expect(carriesAddress, where).toContain(call.by);
		}
	});

	it('nothing else writes the audit log (the staff import writes its entries with the actor’s address)', () => {
		const writers = sources(root).filter((f) => /insert\(auditLog\)|insert into audit_log/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
		expect(writers.sort()).toEqual(['lib/server/audit/audit.ts', 'lib/server/import/apply.ts']);
		expect(readFileSync(path.join(root, 'lib/server/import/service.ts'), 'utf8').match(/applyOps\([^)]*\)/g)?.every((c) => c.includes('ip: actor.ip'))).toBe(true);
	});

	it('every action written has a Swedish label, and every label is written somewhere', () => {
		const written = new Set(calls.map((c) => c.action).filter((a) => a.startsWith("'")).map((a) => a.slice(1, -1)));
		for (const action of written) expect(Object.keys(actionLabel), action).toContain(action);
		const inSource = sources(root).map((f) => readFileSync(f, 'utf8')).join('\n');
		for (const action of Object.keys(actionLabel)) expect(inSource, action).toContain(`'${action}'`);
	});
});
