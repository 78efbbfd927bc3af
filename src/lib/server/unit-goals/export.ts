/** The compilation as a table for CSV/XLSX: the same figures as the page, withheld ones left empty with the reason. */
import { CLIENT_GENDERS, clientGenderLabel } from '$lib/domain';
import type { ExportColumn, ExportTable } from '../export/table-export';
import type { Compilation, FigureResult } from './service';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? null : v * 100);

export function compilationTable(view: Compilation): ExportTable {
	const columns: ExportColumn[] = [
		{ key: 'unit', header: 'Enhet/grupp' },
		{ key: 'goal', header: 'Mål' },
		{ key: 'item', header: 'Fråga' },
		{ key: 'expected', header: 'Förväntat resultat', kind: 'percent', decimals: 0 },
		{ key: 'ja', header: 'Ja', kind: 'number' },
		{ key: 'nej', header: 'Nej', kind: 'number' },
		{ key: 'ejAktuellt', header: 'Ej aktuellt', kind: 'number' },
		{ key: 'share', header: 'Andel ja', kind: 'percent', decimals: 0 },
		...CLIENT_GENDERS.map((g) => ({ key: g, header: `Andel ja, ${clientGenderLabel[g].toLowerCase()}`, kind: 'percent' as const, decimals: 0 })),
		{ key: 'note', header: 'Visas inte' }
	];
	const row = (unit: string, goal: string, item: string, expected: number | null, f: FigureResult | null | undefined, note: string) => ({
		unit,
		goal,
		item,
		expected,
		ja: f?.ja ?? null,
		nej: f?.nej ?? null,
		ejAktuellt: f?.ejAktuellt ?? null,
		share: pct(f?.share),
		...Object.fromEntries(CLIENT_GENDERS.map((g) => [g, pct(f?.byGender?.[g].share)])),
		note: f === null ? 'Dold: alla i en del av gruppen hade samma andel.' : note
	});
	const rows = view.rows.flatMap(({ unit, cell }) => {
		if (!cell.shown) return [row(unit.name, '', '', null, undefined, cell.reasonText)];
		return view.goals.flatMap((g) => [
			row(unit.name, g.title, '(hela målet)', g.expectedShare, cell.figures.goals[g.id], ''),
			...g.itemIds.map((id) => row(unit.name, g.title, view.items.find((i) => i.id === id)?.question ?? '', null, cell.figures.items[id], ''))
		]).concat(view.items.filter((i) => !i.goalId).map((i) => row(unit.name, '', i.question, null, cell.figures.items[i.id], '')));
	});
	return { title: `Enhetens mål ${view.unit.name} ${view.period.label}`, columns, rows };
}
