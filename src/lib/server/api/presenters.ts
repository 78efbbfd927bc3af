/** The JSON shapes of the API: only what the caller needs, never internal columns. */
import type { SurveyResponse as RoundResponse, RoundSummary } from '../rounds/service';

export const presentRound = (r: RoundSummary) => ({
	id: r.id,
	kind: r.kind,
	year: r.year,
	name: r.name,
	status: r.status,
	opensAt: r.opensAt,
	closesAt: r.closesAt,
	units: r.units
});

export const presentResponse = (r: RoundResponse) => ({
	roundId: r.roundId,
	caseCount: r.caseCount,
	situationScore: r.situationScore,
	situationComment: r.situationComment,
	qualityScore: r.qualityScore,
	qualityComment: r.qualityComment,
	recommendScore: r.recommendScore,
	recommendComment: r.recommendComment,
	positiveText: r.positiveText,
	updatedAt: r.updatedAt
});
