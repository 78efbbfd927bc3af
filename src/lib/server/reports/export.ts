/** A report as a flat table for CSV/XLSX. Only disclosed cells have figures; hidden ones say why. */
import { STATEMENTS, activityAreaLabel, statementText, titleLabel } from '$lib/domain';
import type { ExportTable } from '../export/table-export';
import { bandColour, meanBand, responseRateBand } from '$lib/score-bands';
import type { Report } from './service';

const figureColumns = (previousRound: string | null = null): ExportTable['columns'] => {
	const columns: ExportTable['columns'] = [
		{ key: 'respondents', header: 'Svarande', kind: 'number' },
		{ key: 'responseRate', header: 'Svarsfrekvens', kind: 'percent', fill: (v) => bandColour[responseRateBand(v / 100)] }
	];
	for (const s of STATEMENTS) {
		columns.push({ key: `${s}Mean`, header: `${statementText[s]} – medelvärde`, kind: 'number', decimals: 1, fill: (v) => bandColour[meanBand(v)] });
		if (previousRound) columns.push({ key: `${s}Change`, header: `${statementText[s]} – ändring sedan ${previousRound}`, kind: 'number', decimals: 1 });
		columns.push({ key: `${s}Low`, header: `${statementText[s]} – andel 1–2`, kind: 'percent' });
		columns.push({ key: `${s}High`, header: `${statementText[s]} – andel 5–6`, kind: 'percent' });
	}
	columns.push({ key: 'casesMedian', header: 'Ärenden per medarbetare – median', kind: 'number' });
	columns.push({ key: 'casesMean', header: 'Ärenden per medarbetare – medel', kind: 'number', decimals: 1 });
	columns.push({ key: 'note', header: 'Kommentar' });
	return columns;
};

/** The figures of one disclosed cell as export columns; a hidden cell gets only its reason. */
function figureCells(cell: Report['rows'][number]['cell']): Record<string, string | number | null> {
	if (!cell.shown) return { note: cell.reasonText };
	const f = cell.figures;
	const out: Record<string, string | number | null> = { respondents: f.respondents, responseRate: pct(f.responseRate) };
	for (const s of STATEMENTS) {
		out[`${s}Mean`] = round(f.statements[s].mean, 1);
		out[`${s}Low`] = pct(f.statements[s].shareLow);
		out[`${s}High`] = pct(f.statements[s].shareHigh);
	}
	out.casesMedian = f.casesMedian;
	out.casesMean = round(f.casesMean, 1);
	const withheld = STATEMENTS.filter((s) => f.statements[s].reasonText);
	out.note = withheld.length ? `${withheld.map((s) => statementText[s]).join(' ')} ${f.statements[withheld[0]].reasonText}` : null;
	return out;
}

function filterNotes(report: Report): string[] {
	return [
		report.filters.area ? `Verksamhetsområde: ${activityAreaLabel[report.filters.area]}` : null,
		report.filters.title ? `Yrkestitel: ${titleLabel[report.filters.title]}` : null
	].filter((line): line is string => line !== null);
}

const anonymityNote = (report: Report) =>
	`Siffror visas bara för grupper med minst ${report.rules.minGroup} svarande. Rader utan siffror skyddar anonymiteten; kommentaren säger varför.`;

/** One round: the unit and its children, their change since the previous round, and the units to compare with. */
export function reportTable(report: Report): ExportTable {
	const change = (row: Report['rows'][number]) =>
		Object.fromEntries(STATEMENTS.map((s) => [`${s}Change`, round(row.change?.statements[s] ?? null, 1)]));
	return {
		title: `${report.unit.name} ${report.round?.name ?? ''}`.trim(),
		columns: [{ key: 'unit', header: 'Enhet' }, ...figureColumns(report.previousRound?.name ?? null)],
		rows: [
			...report.rows.map((row) => ({ unit: row.isTotal ? `Hela ${row.unit.name}` : row.unit.name, ...figureCells(row.cell), ...change(row) })),
			...report.benchmarks.map((b) => ({ unit: `Att jämföra med: ${b.relation === 'kommun' ? `Hela ${b.unit.name}` : b.unit.name}`, ...figureCells(b.cell) }))
		],
		notes: [
			`Lägesbild: ${report.unit.name}, mätomgång ${report.round?.name ?? '–'}.`,
			...filterNotes(report),
			anonymityNote(report),
			'Medelvärdena är färgade efter nivå: rött lågt (under 2,5), ljusrött något lågt, ljusblått något högt, blått högt (4,5 och mer).'
		]
	};
}

/** The unit over all closed rounds. */
export function trendTable(report: Report): ExportTable {
	return {
		title: `${report.unit.name} över tid`,
		columns: [{ key: 'round', header: 'Mätomgång' }, ...figureColumns()],
		rows: report.trend.map((point) => ({ round: point.roundName, ...figureCells(point.cell) })),
		notes: [`Lägesbild: ${report.unit.name}, alla stängda mätomgångar.`, ...filterNotes(report), anonymityNote(report)]
	};
}

/** The export module takes percent as percentage points (0–100). */
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
