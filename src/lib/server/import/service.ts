/**
 * Staff and organisation import from HR: dry run, then apply in one transaction.
 *
 *   file or JSON rows → read-file.ts (CSV/XLSX, encodings) → rows.ts (every row checked, line
 *   numbers) → plan.ts (what would change, against the database) → apply.ts (set-based SQL)
 *
 * The dry run stores the checked rows (staff_imports) so the administrator can apply without
 * uploading again; apply recomputes the plan inside its transaction and refuses if it is not
 * the one the administrator saw (fingerprint). Stored rows are dropped when applied, and
 * unapplied previews after a day.
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Actor } from '../access/actor';
import { mayImportStaff } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { query } from '../db/client';
import { orgUnits, people, staffImports } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { env } from '../env';
import { isUuid, parseInput } from '../validation';
import { applyOps } from './apply';
import { assertConfirmed, leaverGuard, type LeaverGuard } from './guard';
import { planImport, type ImportPlan, type ImportScope, type ImportSummary } from './plan';
import { readStaffFile } from './read-file';
import { checkTable, jsonRows, mapColumns, type ExtraRoleRow, type RowError, type StaffRow } from './rows';
import { now as clockNow } from '../clock';

export type { ImportPlan, ImportSummary, LeaverGuard, RowError };

export type ImportSource = { kind: 'file'; fileName: string; bytes: Uint8Array } | { kind: 'rows'; rows: unknown[]; fileName?: string };

const SCOPE_MISSING = 'Välj vad filen omfattar: hela kommunen, bara förvaltningarna i filen eller en förvaltning. De aktiva personer i området som inte finns i filen avslutas.';

/** The scope has no default: a two-row test file against the whole kommun would end everyone else. */
export const importOptions = z.object({
	scope: z
		.string({ error: SCOPE_MISSING })
		.trim()
		.refine((v) => v === 'all' || v === 'listed' || isUuid(v), SCOPE_MISSING),
	kommun: z.string().uuid('Välj en kommun i listan.').optional()
});

/** The typed confirmation: the number of people who will leave ("1 727" and "1727" alike). */
const confirmCount = z.preprocess(
	(v) => (typeof v === 'string' ? (v.replace(/[\s\u00a0]/g, '') === '' ? undefined : v.replace(/[\s\u00a0]/g, '')) : v),
	z.coerce.number({ error: 'Skriv antalet personer som slutar, med siffror.' }).int('Skriv antalet personer som slutar, med siffror.').min(0, 'Skriv antalet personer som slutar, med siffror.').optional()
);

export const applyInput = z.object({
	fingerprint: z.string({ error: 'Förhandsgranskningen saknas. Ladda upp filen igen.' }).regex(/^[0-9a-f]{32}$/, 'Förhandsgranskningen saknas. Ladda upp filen igen.'),
	confirm: confirmCount
});

/** The guard for a plan, with the limit in the settings. */
export const guardOf = (plan: ImportPlan): LeaverGuard => leaverGuard(plan.summary.leavers, plan.activeInScope, env().IMPORT_CONFIRM_LEAVERS_PERCENT);

/** What a dry run found: either a plan (nothing wrong) or the problems, with line numbers. */
export interface PreviewResult {
	importId: string | null;
	plan: ImportPlan | null;
	/** Whether applying needs the typed confirmation (null when there is no plan). */
	guard: LeaverGuard | null;
	errors: RowError[];
	ignoredColumns: string[];
	format: 'csv' | 'xlsx' | 'json';
	encoding: string | null;
	rowCount: number;
}

export const MAX_ERRORS_SHOWN = 1000;
const PREVIEW_HOURS = 24;
/** One import at a time, across app instances. */
const IMPORT_LOCK = 727102;

interface StoredRows {
	rows: StaffRow[];
	extraRoles: ExtraRoleRow[];
}

/**
 * Rows are kept between dry run and apply as columns (one list per field, each path once),
 * gzipped: a hundred thousand rows are about a megabyte, not thirty, and read back in a fraction
 * of the time objects take. Previews stored before this format (`{ gz }` of the objects) still read.
 */
const STAFF_COLUMNS = ['line', 'employeeId', 'name', 'email', 'gender', 'title', 'activityArea', 'managerRole', 'startDate'] as const satisfies readonly (keyof StaffRow)[];

export function packRows(stored: StoredRows): { v: 2; gz: string } {
	const paths = new Map<string, number>();
	const pathIndex = stored.rows.map((r) => {
		const key = JSON.stringify(r.path);
		let i = paths.get(key);
		if (i === undefined) paths.set(key, (i = paths.size));
		return i;
	});
	const columns = Object.fromEntries(STAFF_COLUMNS.map((c) => [c, stored.rows.map((r) => r[c])]));
	const packed = { paths: [...paths.keys()].map((k) => JSON.parse(k) as string[]), pathIndex, columns, extraRoles: stored.extraRoles };
	return { v: 2, gz: gzipSync(JSON.stringify(packed), { level: 1 }).toString('base64') };
}

export function unpackRows(value: unknown): StoredRows {
	const { v, gz } = value as { v?: number; gz: string };
	const json = JSON.parse(gunzipSync(Buffer.from(gz, 'base64')).toString('utf8'));
	if (v !== 2) return json as StoredRows;
	const { paths, pathIndex, columns, extraRoles } = json as { paths: string[][]; pathIndex: number[]; columns: Record<(typeof STAFF_COLUMNS)[number], unknown[]>; extraRoles: ExtraRoleRow[] };
	const rows = pathIndex.map((p, i) => {
		const row = { path: paths[p] } as Record<string, unknown>;
		for (const c of STAFF_COLUMNS) row[c] = columns[c]?.[i] ?? null;
		return row as unknown as StaffRow;
	});
	return { rows, extraRoles };
}

async function kommunOf(db: Db, kommunId: string | undefined) {
	const kommuner = await db.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.kind, 'kommun'));
	if (kommunId) {
		const found = kommuner.find((k) => k.id === kommunId);
		if (!found) throw invalid('Ett fält behöver rättas.', { kommun: 'Välj en kommun i listan.' });
		return found;
	}
	if (kommuner.length === 1) return kommuner[0];
	if (kommuner.length === 0) throw invalid('Det finns ingen kommun i Lägesbild att importera till.', { kommun: 'Det finns ingen kommun.' });
	throw invalid('Ett fält behöver rättas.', { kommun: 'Välj vilken kommun filen gäller.' });
}

async function readSource(source: ImportSource) {
	if (source.kind === 'file') {
		const table = await readStaffFile(source.bytes, source.fileName);
		return { checked: checkTable(mapColumns(table)), format: table.format, encoding: table.encoding, rowCount: table.rows.length };
	}
	return { checked: checkTable(jsonRows(source.rows)), format: 'json' as const, encoding: null, rowCount: source.rows.length };
}

const byLine = (a: RowError, b: RowError) => a.line - b.line;

/** The dry run. Nothing in the organisation changes; a preview is stored when there is nothing wrong. */
export async function previewImport(db: Db, actor: Actor, source: ImportSource, options: unknown, now = clockNow()): Promise<PreviewResult> {
	if (!mayImportStaff(actor)) throw notFound('Sidan');
	const opts = parseInput(importOptions, options);
	const kommun = await kommunOf(db, opts.kommun);
	const { checked, format, encoding, rowCount } = await readSource(source);
	const base = { ignoredColumns: checked.ignoredColumns, format, encoding, rowCount };
	const planned = await planImport(db, { rows: checked.rows, extraRoles: checked.extraRoles, kommun, scope: opts.scope, actorId: actor.personId }, now);
	const errors = [...checked.errors, ...planned.errors].sort(byLine);
	if (errors.length > 0) return { importId: null, plan: null, guard: null, errors, ...base };

	await purgeStalePreviews(db, now);
	const [row] = await db
		.insert(staffImports)
		.values({
			createdBy: actor.personId,
			createdAt: now,
			fileName: fileNameOf(source),
			format,
			kommunId: kommun.id,
			scope: opts.scope,
			fingerprint: planned.plan.fingerprint,
			rows: packRows({ rows: checked.rows, extraRoles: checked.extraRoles }),
			summary: planned.plan.summary
		})
		.returning({ id: staffImports.id });
	return { importId: row.id, plan: planned.plan, guard: guardOf(planned.plan), errors: [], ...base };
}

/** Dry runs never applied are dropped after a day: they hold the HR file's personal data. */
export async function purgeStalePreviews(db: Db, now = clockNow()): Promise<void> {
	await db.delete(staffImports).where(and(eq(staffImports.status, 'preview'), lt(staffImports.createdAt, new Date(now.getTime() - PREVIEW_HOURS * 3600_000))));
}

const fileNameOf = (source: ImportSource) => (source.kind === 'file' ? source.fileName : (source.fileName ?? 'API')).slice(0, 200) || 'fil';

export interface StoredImport {
	id: string;
	fileName: string;
	format: string;
	createdAt: Date;
	createdByName: string;
	status: 'preview' | 'applied';
	appliedAt: Date | null;
	summary: ImportSummary;
	/** The plan as it is now (previews only), and whether it still is the one first shown. */
	plan: ImportPlan | null;
	guard: LeaverGuard | null;
	planChanged: boolean;
	/** Errors that appeared since the preview (e.g. an e-mail address taken in the meantime). */
	errors: RowError[];
}

/** A stored import: for a preview, its plan recomputed against the database as it is now. */
export async function getImport(db: Db, actor: Actor, importId: string, now = clockNow()): Promise<StoredImport> {
	if (!mayImportStaff(actor) || !isUuid(importId)) throw notFound('Importen');
	const [row] = await db
		.select({ imp: staffImports, createdByName: people.name, kommunName: orgUnits.name, kommunPath: orgUnits.path })
		.from(staffImports)
		.innerJoin(people, eq(people.id, staffImports.createdBy))
		.innerJoin(orgUnits, eq(orgUnits.id, staffImports.kommunId))
		.where(eq(staffImports.id, importId));
	if (!row) throw notFound('Importen');
	const { imp } = row;
	const result: StoredImport = {
		id: imp.id,
		fileName: imp.fileName,
		format: imp.format,
		createdAt: imp.createdAt,
		createdByName: row.createdByName,
		status: imp.status as 'preview' | 'applied',
		appliedAt: imp.appliedAt,
		summary: imp.summary as ImportSummary,
		plan: null,
		guard: null,
		planChanged: false,
		errors: []
	};
	if (imp.status === 'preview' && imp.rows) {
		const planned = await planImport(db, { ...unpackRows(imp.rows), kommun: { id: imp.kommunId, name: row.kommunName, path: row.kommunPath }, scope: imp.scope as ImportScope, actorId: actor.personId }, now);
		result.plan = planned.plan;
		result.guard = guardOf(planned.plan);
		result.errors = planned.errors;
		result.planChanged = planned.plan.fingerprint !== imp.fingerprint;
	}
	return result;
}

/** Applies a stored preview, if the plan is still the one the administrator saw. */
export async function applyImport(db: Db, actor: Actor, importId: string, input: unknown, now = clockNow()): Promise<{ importId: string; plan: ImportPlan }> {
	if (!mayImportStaff(actor) || !isUuid(importId)) throw notFound('Importen');
	const { fingerprint, confirm } = parseInput(applyInput, input);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
		const [imp] = await tx.select().from(staffImports).where(eq(staffImports.id, importId));
		if (!imp) throw notFound('Importen');
		if (imp.status === 'applied') throw conflict('Importen är redan genomförd.');
		if (!imp.rows || imp.createdAt.getTime() < now.getTime() - PREVIEW_HOURS * 3600_000) throw conflict('Förhandsgranskningen är för gammal. Ladda upp filen igen.');
		const [kommun] = await tx.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, imp.kommunId));
		const planned = await planImport(tx, { ...unpackRows(imp.rows), kommun, scope: imp.scope as ImportScope, actorId: actor.personId }, now);
		if (planned.errors.length > 0) throw conflict(`Importen går inte längre att genomföra: ${planned.errors[0].message} Ladda upp en rättad fil.`);
		if (planned.plan.fingerprint !== fingerprint) throw conflict('Personalen i Lägesbild har ändrats sedan förhandsgranskningen. Granska ändringarna igen innan du genomför importen.');
		assertConfirmed(guardOf(planned.plan), confirm);
		await applyOps(tx, planned.ops, { actorId: actor.personId, importId, ip: actor.ip, now, unitLabel: planned.unitLabel });
		await tx.update(staffImports).set({ status: 'applied', appliedAt: now, rows: null, summary: planned.plan.summary }).where(eq(staffImports.id, importId));
		await audit(tx, actor, { action: 'import.apply', subjectType: 'staff_import', subjectId: importId, detail: { fileName: imp.fileName, ...planned.plan.summary } });
		return { importId, plan: planned.plan };
	});
}

/**
 * The API's one-step import: checks, plans and applies in one transaction. With `fingerprint`
 * (from an earlier dry run) it applies only if the plan is still exactly that one.
 */
export async function importNow(
	db: Db,
	actor: Actor,
	source: ImportSource,
	options: unknown,
	now = clockNow()
): Promise<PreviewResult & { applied: boolean }> {
	if (!mayImportStaff(actor)) throw notFound('Sidan');
	const opts = parseInput(importOptions.extend({ fingerprint: applyInput.shape.fingerprint.optional(), confirm: confirmCount }), options);
	const kommun = await kommunOf(db, opts.kommun);
	const { checked, format, encoding, rowCount } = await readSource(source);
	const base = { ignoredColumns: checked.ignoredColumns, format, encoding, rowCount };
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
		const planned = await planImport(tx, { rows: checked.rows, extraRoles: checked.extraRoles, kommun, scope: opts.scope, actorId: actor.personId }, now);
		const errors = [...checked.errors, ...planned.errors].sort(byLine);
		if (errors.length > 0) return { importId: null, plan: null, guard: null, errors, applied: false, ...base };
		if (opts.fingerprint && opts.fingerprint !== planned.plan.fingerprint) {
			throw conflict('Personalen i Lägesbild har ändrats sedan den förhandsgranskning du hänvisar till. Gör en ny förhandsgranskning.');
		}
		const guard = guardOf(planned.plan);
		assertConfirmed(guard, opts.confirm);
		const [row] = await tx
			.insert(staffImports)
			.values({ createdBy: actor.personId, createdAt: now, fileName: fileNameOf(source), format, kommunId: kommun.id, scope: opts.scope, fingerprint: planned.plan.fingerprint, rows: null, summary: planned.plan.summary, status: 'applied', appliedAt: now })
			.returning({ id: staffImports.id });
		await applyOps(tx, planned.ops, { actorId: actor.personId, importId: row.id, ip: actor.ip, now, unitLabel: planned.unitLabel });
		await audit(tx, actor, { action: 'import.apply', subjectType: 'staff_import', subjectId: row.id, detail: { fileName: fileNameOf(source), via: 'api', ...planned.plan.summary } });
		return { importId: row.id, plan: planned.plan, guard, errors: [], applied: true, ...base };
	});
}

/** The latest imports, newest first. */
export async function listImports(db: Db, actor: Actor, limit = 20) {
	if (!mayImportStaff(actor)) throw notFound('Sidan');
	return db
		.select({ id: staffImports.id, fileName: staffImports.fileName, format: staffImports.format, status: staffImports.status, createdAt: staffImports.createdAt, appliedAt: staffImports.appliedAt, summary: staffImports.summary, createdByName: people.name })
		.from(staffImports)
		.innerJoin(people, eq(people.id, staffImports.createdBy))
		.orderBy(desc(staffImports.createdAt))
		.limit(limit);
}

/** What the import form offers: the kommuner and their förvaltningar. */
export async function importChoices(db: Db, actor: Actor) {
	if (!mayImportStaff(actor)) throw notFound('Sidan');
	const kommuner = await db.select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.kind, 'kommun')).orderBy(orgUnits.name);
	const forvaltningar = await query<{ id: string; name: string; kommunId: string }>(
		db,
		sql`select f.id, f.name, f.parent_id as "kommunId" from org_units f join org_units k on k.id = f.parent_id
		    where f.kind = 'forvaltning' and k.kind = 'kommun' order by f.name`
	);
	return { kommuner: kommuner.map(({ id, name }) => ({ id, name })), forvaltningar };
}
