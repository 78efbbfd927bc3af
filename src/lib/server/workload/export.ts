/** The monthly workload figures as a table for CSV/XLSX: the same disclosed cells as the page. */
import type { ExportTable } from '../export/table-export';
import type { MonthlyWorkload } from './service';

export function monthlyWorkloadTable(view: MonthlyWorkload): ExportTable {
	return {
		title: `Arbetsbelastning per månad ${view.unit.name}`,
		columns: [
			{ key: 'unit', header: 'Enhet' },
			{ key: 'month', header: 'Månad' },
			{ key: 'people', header: 'Graderade', kind: 'number' },
			{ key: 'shareHigh', header: 'Andel hög (4–5)', kind: 'percent' },
			{ key: 'median', header: 'Median (1–5)', kind: 'number' },
			{ key: 'note', header: 'Visas inte' }
		],
		rows: view.rows.flatMap((row) =>
			row.cells.map((cell, i) => ({
				unit: row.unit.name,
				month: view.months[i].label,
				people: cell.shown ? cell.n : null,
				shareHigh: cell.shown && cell.figures.shareHigh !== null ? cell.figures.shareHigh * 100 : null,
				median: cell.shown ? cell.figures.median : null,
				note: cell.shown ? '' : cell.reasonText
			}))
		)
	};
}
