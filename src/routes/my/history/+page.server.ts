import { requireActor } from '$lib/server/http';
import { myHistory } from '$lib/server/rounds/service';
import { isCaseworker } from '$lib/server/access/policy';
import { myWorkload } from '$lib/server/workload/service';
import { workloadLevelLabel } from '$lib/server/workload/rules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const history = await myHistory(event.locals.db, actor);
	// Beside the answers: the own workload ratings between the rounds (issue 14).
	const workload = isCaseworker(actor) ? (await myWorkload(event.locals.db, actor)).slice(0, 6) : null;
	return {
		workload: workload?.map((w) => ({ id: w.id, ratedOn: w.ratedOn, level: w.level, label: workloadLevelLabel[w.level] })) ?? null,
		history: history.map(({ round, response }) => ({
			roundId: round.id,
			roundName: round.name,
			roundStatus: round.status,
			caseCount: response.caseCount,
			situationScore: response.situationScore,
			situationComment: response.situationComment,
			qualityScore: response.qualityScore,
			qualityComment: response.qualityComment,
			recommendScore: response.recommendScore,
			recommendComment: response.recommendComment,
			positiveText: response.positiveText,
			updatedAt: response.updatedAt
		}))
	};
};
