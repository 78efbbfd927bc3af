/**
 * The group plans a reader may see, one row per agreed action (a plan without actions gets one
 * row), for CSV/XLSX. Never the members' comments nor who owns an action: the file travels.
 * The export is audited by the route.
 */
import { groupPlanOutcomeLabel, groupPlanStatusLabel } from '$lib/domain';
import type { Actor } from '../access/actor';
import type { Db } from '../db';
import type { ExportTable } from '../export/table-export';
import { groupPlanContents, groupPlansFor } from './service';

export async function groupPlansTable(db: Db, actor: Actor): Promise<ExportTable> {
	const rows: ExportTable['rows'] = [];
	const summaries = await groupPlansFor(db, actor);
	// Who owns an action never leaves in the file, whoever exports it.
	const contents = await groupPlanContents(
		db,
		summaries.map((s) => s.id),
		false
	);
	for (const summary of summaries) {
		const { areas, actions } = contents.get(summary.id)!;
		const plan = {
			unit: summary.unit.name,
			round: summary.roundName,
			status: groupPlanStatusLabel[summary.status],
			areas: areas.map((a) => a.title).join('; '),
			followUpOn: summary.followUpOn,
			outcome: summary.outcome ? groupPlanOutcomeLabel[summary.outcome] : null
		};
		if (actions.length === 0) rows.push({ ...plan, action: null, dueOn: null, done: null, subgoal: null });
		for (const a of actions) rows.push({ ...plan, action: a.title, dueOn: a.dueOn, done: a.doneAt ? 'Ja' : 'Nej', subgoal: a.subgoal?.title ?? null });
	}
	return {
		title: 'Gruppernas handlingsplaner',
		columns: [
			{ key: 'unit', header: 'Grupp' },
			{ key: 'round', header: 'Mätomgång' },
			{ key: 'status', header: 'Status' },
			{ key: 'areas', header: 'Områden i handlingsplanen' },
			{ key: 'followUpOn', header: 'Uppföljning' },
			{ key: 'outcome', header: 'Resultat av uppföljningen' },
			{ key: 'action', header: 'Åtgärd' },
			{ key: 'dueOn', header: 'Klar senast' },
			{ key: 'done', header: 'Klar' },
			{ key: 'subgoal', header: 'Delmål i förvaltningens plan' }
		],
		rows,
		notes: ['En rad per åtgärd. Medlemmarnas kommentarer och vem som är ansvarig för en åtgärd följer inte med i filen.']
	};
}
