/** The staff import from HR (administrators): dry runs, applied imports and their plans. */
import { z } from 'zod';
import { ORG_UNIT_KINDS } from '$lib/domain';
import { CHANGE_KINDS } from '../../import/plan';
import { dateTime, id, presenter, unitRef } from './presenter';

const count = z.number().int();
const summary = z.object({
	rows: count,
	newUnits: count,
	reactivatedUnits: count,
	newPeople: count,
	moved: count,
	changed: count,
	reactivated: count,
	rolesAdded: count,
	rolesEnded: count,
	leavers: count,
	kept: count,
	unchanged: count
});

const person = z.object({ line: z.number().int().nullable(), employeeId: z.string().nullable(), name: z.string() });
const withUnit = person.extend({ unit: z.string() });

const plan = z.object({
	kommun: unitRef,
	scope: z.object({ value: z.string().describe('`all`, `listed` or a förvaltning id.'), label: z.string() }),
	summary,
	newUnits: z.array(z.object({ path: z.string(), kind: z.enum(ORG_UNIT_KINDS) })),
	reactivatedUnits: z.array(z.object({ path: z.string() })),
	newPeople: z.array(withUnit.extend({ title: z.string() })),
	moved: z.array(person.extend({ from: z.string(), to: z.string() })),
	changed: z.array(person.extend({ changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })) })),
	reactivated: z.array(withUnit),
	roles: z.array(withUnit.extend({ change: z.enum(['added', 'ended']), role: z.string() })),
	leavers: z.array(withUnit),
	kept: z.array(person.extend({ reason: z.string() })).describe('Not in the file but left active, with the reason.'),
	releasedEmails: z.array(z.object({ email: z.string(), from: person, to: person })).describe('Addresses taken over from someone who has left.'),
	unchanged: count,
	activeInScope: count,
	byForvaltning: z.array(z.object({ name: z.string(), counts: z.object(Object.fromEntries(CHANGE_KINDS.map((k) => [k, count])) as Record<(typeof CHANGE_KINDS)[number], typeof count>) })),
	fingerprint: z.string()
});

const guard = z.object({
	activeInScope: count,
	leavers: count,
	share: z.number().describe('The share (0–1) of activeInScope who would leave.'),
	limitPercent: z.number(),
	needsConfirm: z.boolean().describe('Whether applying needs `confirm` equal to `leavers`.')
});

const rowError = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() });

export const presentImports = presenter(
	z.object({
		imports: z.array(
			z.object({ id, fileName: z.string(), format: z.string(), status: z.enum(['preview', 'applied']), createdAt: dateTime, appliedAt: dateTime.nullable(), summary, createdByName: z.string() })
		)
	})
);

export const presentImportResult = presenter(
	z.object({
		dryRun: z.boolean(),
		applied: z.boolean(),
		importId: id,
		format: z.enum(['csv', 'xlsx', 'json']),
		encoding: z.string().nullable(),
		ignoredColumns: z.array(z.string()),
		plan,
		guard
	})
);

/** A file with problems is refused whole, with every problem's line and column. */
export const presentImportRefused = presenter(
	z.object({
		error: z.object({ code: z.literal('invalid'), message: z.string(), fields: z.record(z.string(), z.string()), rows: z.array(rowError), rowCount: count })
	})
);

export const presentStoredImport = presenter(
	z.object({
		id,
		fileName: z.string(),
		format: z.string(),
		createdAt: dateTime,
		createdByName: z.string(),
		status: z.enum(['preview', 'applied']),
		appliedAt: dateTime.nullable(),
		summary,
		plan: plan.nullable().describe('For a dry run not yet applied: its plan as it would be now.'),
		guard: guard.nullable(),
		planChanged: z.boolean(),
		errors: z.array(rowError).describe('Problems that appeared since the dry run.')
	})
);

export const presentAppliedImport = presenter(z.object({ applied: z.literal(true), importId: id, summary }));
