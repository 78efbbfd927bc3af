import { requireActor } from '$lib/server/http';
import { myHistory } from '$lib/server/rounds/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const history = await myHistory(event.locals.db, actor);
	return {
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
