/** The nearest manager's programmes as a table for CSV/XLSX: the same rows as /team/introductions. */
import type { ExportTable } from '../export/table-export';
import { introductionStatusLabel } from './rules';
import type { IntroductionSummary } from './service';

export function introductionsTable(list: IntroductionSummary[]): ExportTable {
	return {
		title: 'Introduktionsprogram',
		columns: [
			{ key: 'person', header: 'Nyanställd' },
			{ key: 'unit', header: 'Enhet/grupp' },
			{ key: 'mentor', header: 'Mentor' },
			{ key: 'start', header: 'Start' },
			{ key: 'end', header: 'Slut' },
			{ key: 'done', header: 'Avklarade steg', kind: 'number' },
			{ key: 'total', header: 'Steg', kind: 'number' },
			{ key: 'behind', header: 'Steg efter plan', kind: 'number' },
			{ key: 'status', header: 'Status' },
			{ key: 'completedOn', header: 'Klar' }
		],
		rows: list.map((i) => ({
			person: i.person.name,
			unit: i.unitName,
			mentor: i.mentor?.name ?? '',
			start: i.startDate,
			end: i.endDate,
			done: i.progress.done,
			total: i.progress.total,
			behind: i.progress.behind,
			status: introductionStatusLabel[i.progress.status],
			completedOn: i.completedOn ?? ''
		}))
	};
}
