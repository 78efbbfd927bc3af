/** A report as a flat table for CSV/XLSX. Only disclosed cells have figures; hidden ones say why. */
import { STATEMENTS, activityAreaLabel, statementText, titleLabel } from '$lib/domain';
import type { ExportTable } from '../export/table-export';
import type { Report } from './service';

export function reportTable(report: Report): ExportTable {
	const columns: ExportTable['columns'] = [
		{ key: 'unit', header: 'Enhet' },
		{ key: 'respondents', header: 'Svarande', kind: 'number' },
		{ key: 'responseRate', header: 'Svarsfrekvens', kind: 'percent' }
	];
	for (const s of STATEMENTS) {
		columns.push({ key: `${s}Mean`, header: `${statementText[s]} – medelvärde`, kind: 'number' });
		columns.push({ key: `${s}Low`, header: `${statementText[s]} – andel 1–2`, kind: 'percent' });
		columns.push({ key: `${s}High`, header: `${statementText[s]} – andel 5–6`, kind: 'percent' });
	}
	columns.push({ key: 'casesMedian', header: 'Ärenden per medarbetare – median', kind: 'number' });
	columns.push({ key: 'casesMean', header: 'Ärenden per medarbetare – medel', kind: 'number' });
	columns.push({ key: 'note', header: 'Kommentar' });

	const rows = report.rows.map((row) => {
		const out: Record<string, string | number | null> = { unit: row.isTotal ? `Hela ${row.unit.name}` : row.unit.name };
		if (!row.cell.shown) {
			out.note = row.cell.reasonText;
			return out;
		}
		const f = row.cell.figures;
		out.respondents = f.respondents;
		out.responseRate = pct(f.responseRate);
		for (const s of STATEMENTS) {
			out[`${s}Mean`] = round(f.statements[s].mean, 2);
			out[`${s}Low`] = pct(f.statements[s].shareLow);
			out[`${s}High`] = pct(f.statements[s].shareHigh);
		}
		out.casesMedian = f.casesMedian;
		out.casesMean = round(f.casesMean, 1);
		out.note = null;
		return out;
	});
	const filters = [
		report.filters.area ? `Verksamhetsområde: ${activityAreaLabel[report.filters.area]}` : null,
		report.filters.title ? `Yrkestitel: ${titleLabel[report.filters.title]}` : null
	].filter(Boolean) as string[];
	return {
		title: `${report.unit.name} ${report.round?.name ?? ''}`.trim(),
		columns,
		rows,
		notes: [
			`Lägesbild: ${report.unit.name}, mätomgång ${report.round?.name ?? '–'}.`,
			...filters,
			`Siffror visas bara för grupper med minst ${report.rules.minGroup} svarande. Rader markerade "Dold" skyddar anonymiteten.`
		]
	};
}

/** The export module takes percent as percentage points (0–100). */
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
