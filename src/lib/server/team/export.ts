/** The nearest manager's named list as a table for CSV/XLSX (the export is audited by the route). */
import { STATEMENTS, activityAreaLabel, statementText, titleLabel, POSITIVE_QUESTION } from '$lib/domain';
import type { ExportTable } from '../export/table-export';
import type { teamView } from './service';

export function teamTable(view: Awaited<ReturnType<typeof teamView>>): ExportTable {
	const columns: ExportTable['columns'] = [
		{ key: 'name', header: 'Medarbetare' },
		{ key: 'title', header: 'Yrkestitel' },
		{ key: 'area', header: 'Verksamhetsområde' },
		{ key: 'unit', header: 'Enhet/grupp' },
		{ key: 'answered', header: 'Har svarat' },
		{ key: 'caseCount', header: 'Öppna ärenden', kind: 'number' }
	];
	for (const s of STATEMENTS) {
		columns.push({ key: `${s}Score`, header: statementText[s], kind: 'number' });
		columns.push({ key: `${s}Comment`, header: `${statementText[s]} – motivering` });
	}
	columns.push({ key: 'positiveText', header: POSITIVE_QUESTION });
	return {
		title: `Min personal ${view.round.name}`,
		columns,
		rows: view.members.map((m) => ({
			name: m.name,
			title: titleLabel[m.title],
			area: activityAreaLabel[m.activityArea],
			unit: m.unitName,
			answered: m.answered ? 'Ja' : 'Nej',
			caseCount: m.caseCount,
			situationScore: m.situationScore,
			situationComment: m.situationComment,
			qualityScore: m.qualityScore,
			qualityComment: m.qualityComment,
			recommendScore: m.recommendScore,
			recommendComment: m.recommendComment,
			positiveText: m.positiveText
		})),
		notes: [`Svar med namn i ${view.round.name}. Bara för dig som närmaste chef: sprid inte filen vidare.`]
	};
}
