/**
 * Importing figures from a file: a dry run that shows what would change and every bad row with
 * its line number (nothing is saved), then applying the checked file in one transaction (all
 * rows or none). The checked rows are kept in `indicator_imports` between the two steps, so any
 * app instance can apply them.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor';
import { canEnterIndicators } from '../access/policy';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { indicatorImports, orgUnits } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';

import type { ExportTable } from '../export/table-export';
import { checkRows, COLUMN_NAMES, readIndicatorFile, TEMPLATE_COLUMNS, type Column, type ImportProblem, type ParsedFigure } from './import';
import { comparePeriods, periodLabel } from './periods';
import { categoryLabel, cellKey, splitProblems, type Cells } from './rules';
import { enterableUnits, listIndicators, loadValues, writeFigures } from './service';
import { isUuid } from '../validation';
import { now as clockNow } from '../clock';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** A checked file must be applied within this time; after that it is checked again. */
const PREVIEW_TTL_MS = 2 * 60 * 60 * 1000;

export interface ImportChange {
	line: number;
	indicator: string;
	unit: string;
	period: string;
	split: string;
	action: 'create' | 'update' | 'unchanged';
	oldValue: string | null;
	newValue: string;
}

export interface ImportPreview {
	importId: string | null;
	fileName: string;
	encoding: string | null;
	problems: ImportProblem[];
	changes: ImportChange[];
	counts: { create: number; update: number; unchanged: number };
}

const show = (value: number | null | undefined, base: number | null | undefined) =>
	value === null || value === undefined ? null : base !== null && base !== undefined ? `${fmt(value)} av ${fmt(base)}` : fmt(value);
const fmt = (v: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 3 }).format(v);

/** Checks against the figures already saved: splits must still agree with their totals. */
async function consistencyProblems(db: Db, figures: ParsedFigure[], defs: Awaited<ReturnType<typeof listIndicators>>) {
	const problems: ImportProblem[] = [];
	const existing = await loadValues(db, {
		unitIds: [...new Set(figures.map((f) => f.orgUnitId))],
		indicatorIds: [...new Set(figures.map((f) => f.indicatorId))],
		periods: [...new Set(figures.map((f) => f.period))]
	});
	const groups = new Map<string, ParsedFigure[]>();
	for (const f of figures) {
		const k = `${f.indicatorId}|${f.orgUnitId}|${f.period}`;
		groups.set(k, [...(groups.get(k) ?? []), f]);
	}
	for (const list of groups.values()) {
		const { indicatorId, orgUnitId, period } = list[0];
		const def = defs.find((d) => d.id === indicatorId)!;
		const cells: Cells = new Map();
		for (const v of existing.filter((v) => v.indicatorId === indicatorId && v.orgUnitId === orgUnitId && v.period === period)) cells.set(cellKey(v.dimension, v.category), { value: v.value, base: v.base });
		for (const f of list) cells.set(cellKey(f.dimension, f.category), { value: f.value, base: f.base });
		for (const [key, message] of Object.entries(splitProblems(def, cells))) {
			const [dimension, category] = key.split(':');
			const row = list.find((f) => f.dimension === dimension && f.category === category) ?? list.find((f) => f.dimension === 'total') ?? list[0];
			problems.push({ line: row.line, message });
		}
	}
	return { problems, existing };
}

/** The dry run: reads and checks the file, and stores it for applying when it has no problems. */
export async function previewImport(db: Db, actor: Actor, file: { name: string; bytes: Uint8Array }, now = clockNow()): Promise<ImportPreview> {
	const units = await enterableUnits(db, actor);
	if (units.length === 0) throw notFound('Sidan');
	if (file.bytes.length > MAX_IMPORT_BYTES) throw invalid('Filen är för stor.', { file: 'Filen får vara högst 5 MB.' });
	const defs = await listIndicators(db);
	const read = await readIndicatorFile(file.bytes, file.name);
	const checked = read.problems.length > 0 ? { figures: [], problems: [] } : checkRows(read.rows, { defs, units });
	const problems = [...read.problems, ...checked.problems];
	const { problems: splitIssues, existing } = checked.figures.length > 0 ? await consistencyProblems(db, checked.figures, defs) : { problems: [], existing: [] };
	problems.push(...splitIssues);
	problems.sort((a, b) => a.line - b.line);

	const unitName = new Map(units.map((u) => [u.id, u.name]));
	const changes: ImportChange[] = checked.figures
		.map((f) => {
			const def = defs.find((d) => d.id === f.indicatorId)!;
			const before = existing.find((v) => v.indicatorId === f.indicatorId && v.orgUnitId === f.orgUnitId && v.period === f.period && v.dimension === f.dimension && v.category === f.category);
			const same = before && before.value === f.value && (before.base ?? null) === f.base && (before.countMonth ?? null) === f.countMonth && (before.note ?? null) === f.note;
			return {
				line: f.line,
				indicator: def.name,
				unit: unitName.get(f.orgUnitId)!,
				period: periodLabel(f.period),
				split: categoryLabel(f.dimension, f.category),
				action: same ? 'unchanged' : before ? 'update' : 'create',
				oldValue: show(before?.value, before?.base),
				newValue: show(f.value, f.base)!
			} satisfies ImportChange;
		})
		.sort((a, b) => a.line - b.line);
	const counts = { create: 0, update: 0, unchanged: 0 };
	for (const c of changes) counts[c.action]++;

	let importId: string | null = null;
	if (problems.length === 0 && checked.figures.length > 0) {
		const [row] = await db.insert(indicatorImports).values({ createdBy: actor.personId, fileName: file.name.slice(0, 200) || 'fil', rows: checked.figures, createdAt: now }).returning({ id: indicatorImports.id });
		importId = row.id;
	}
	return { importId, fileName: file.name, encoding: read.encoding, problems, changes, counts };
}

/** Applies a checked file: every figure or none, each change in the history with the import's id. */
export async function applyImport(db: Db, actor: Actor, importId: string, now = clockNow()): Promise<{ changed: number; figures: number }> {
	if (!isUuid(importId)) throw notFound('Inläsningen');
	const [stored] = await db.select().from(indicatorImports).where(eq(indicatorImports.id, importId));
	if (!stored || stored.createdBy !== actor.personId) throw notFound('Inläsningen');
	if (stored.appliedAt) throw conflict('Filen är redan inläst.');
	if (now.getTime() - stored.createdAt.getTime() > PREVIEW_TTL_MS) throw conflict('Kontrollen av filen är för gammal. Läs in filen igen så kontrolleras den mot dagens värden.');
	const figures = stored.rows as ParsedFigure[];
	// The caller's rights may have changed since the dry run: check again.
	const unitIds = [...new Set(figures.map((f) => f.orgUnitId))];
	const units = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits);
	for (const id of unitIds) {
		const unit = units.find((u) => u.id === id);
		if (!unit || !canEnterIndicators(actor, unit.path)) throw notFound('Förvaltningen');
	}
	const defs = await listIndicators(db);
	return db.transaction(async (tx) => {
		// Claim the import first, so two clicks (or two instances) cannot apply it twice.
		const claimed = await tx
			.update(indicatorImports)
			.set({ appliedAt: now })
			.where(and(eq(indicatorImports.id, importId), isNull(indicatorImports.appliedAt)))
			.returning({ id: indicatorImports.id });
		if (claimed.length === 0) throw conflict('Filen är redan inläst.');
		const { problems } = await consistencyProblems(tx, figures, defs);
		if (problems.length > 0) throw conflict(`Värdena har ändrats sedan filen kontrollerades (rad ${problems[0].line}: ${problems[0].message}) Läs in filen igen.`);
		const ordered = [...figures].sort((a, b) => comparePeriods(a.period, b.period));
		const changed = await writeFigures(
			tx,
			actor.personId,
			ordered[0]?.orgUnitId ?? '',
			ordered.map((f) => ({ orgUnitId: f.orgUnitId, indicatorId: f.indicatorId, period: f.period, dimension: f.dimension, category: f.category, value: f.value, base: f.base, countMonth: f.countMonth, note: f.note })),
			{ source: 'import', importId, at: now }
		);
		await tx.update(indicatorImports).set({ appliedCount: changed }).where(eq(indicatorImports.id, importId));
		await audit(tx, actor, { action: 'indicators.import', subjectType: 'indicator_import', subjectId: importId, detail: { figures: figures.length, changed, file: stored.fileName } });
		return { changed, figures: figures.length };
	});
}

/** What the import page explains: the columns, the indicators with how their periods are written, the units. */
export async function importInfo(db: Db, actor: Actor) {
	const units = await enterableUnits(db, actor);
	if (units.length === 0) throw notFound('Sidan');
	const defs = await listIndicators(db);
	return {
		units: units.map((u) => ({ name: u.name, kind: u.kind })),
		indicators: defs.map((d) => ({ key: d.key, name: d.name, kind: d.kind, periodType: d.periodType, splits: d.splits }))
	};
}

/** The template: the columns and a few example rows for the caller's own units. */
export async function importTemplate(db: Db, actor: Actor): Promise<ExportTable> {
	const info = await importInfo(db, actor);
	const unit = info.units.find((u) => u.kind === 'forvaltning')?.name ?? info.units[0].name;
	const column = (c: Column) => ({ key: c, header: COLUMN_NAMES[c][0] });
	return {
		title: 'Indikatorer mall',
		columns: TEMPLATE_COLUMNS.map(column),
		rows: [
			{ indicator: 'Personalrörlighet', unit, period: '2024', value: 24, base: 160 },
			{ indicator: 'Personalrörlighet', unit, period: '2024', title: 'Socialsekreterare', value: 15, base: 100 },
			{ indicator: 'Personalrörlighet', unit, period: '2024', title: 'Biståndshandläggare', value: 9, base: 60 },
			{ indicator: 'Antal konsulter', unit, period: 'april 2025', value: 3, countMonth: 'maj', note: 'Räknades i maj' },
			{ indicator: 'VFU-platser som erbjudits', unit, period: 'VT 2025', value: 8 },
			{ indicator: 'Sjukfrånvaro, kort (dag 1–14)', unit, period: 'T2 2025', value: 2.4 }
		]
	};
}
