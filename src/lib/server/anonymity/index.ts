/**
 * Anonymity of reports: every figure and free-text answer shown above the nearest manager
 * passes through a Disclosure.
 *
 * How to use it so that the guarantee holds:
 *  - Compute it from ALL respondents of the whole organisation and ALL rounds up to the newest
 *    one in view, in chronological order — never from a subset filtered by who asks or by the
 *    view (decisions must be the same for every request, or views could be combined). A prefix
 *    of the rounds gives the same decisions for those rounds, so history views are consistent.
 *  - It depends on the data only, so cache it per data version (e.g. until a round's answers
 *    change) rather than per request.
 *  - Pass each cell's raw figures through discloseCell (and free text through discloseText);
 *    show only what comes back. A hidden cell comes back without figures and without its count.
 */
export {
	ABSOLUTE_MIN_GROUP,
	DEFAULT_MIN_GROUP,
	DEFAULT_MIN_TEXT_GROUP,
	DISCLOSURE_ALGORITHM_VERSION,
	computeDisclosure,
	decideProgress,
	decideRoundsInOrder,
	decideRoundsWithGuards,
	disclosureFromEntries,
	discloseCell,
	discloseCount,
	discloseMedian,
	discloseProgress,
	discloseText,
	discloseThemeCounts,
	resolveRules
} from './disclosure';
export type {
	AnonymityRules,
	CellDecision,
	CellEntry,
	CellKey,
	DisclosedCell,
	DisclosedCount,
	DisclosedProgress,
	DisclosedText,
	Disclosure,
	DisclosureOptions,
	FrozenGuards,
	GuardCell,
	Respondent,
	RoundInput,
	SuppressionReason,
	ThemeCountFigures
} from './disclosure';
export { homogeneousReasonText, reasonText, textReasonText, type ReasonSubject } from './reasons';
export { anonymityRules } from './config';
export { decideBreakdown, discloseBreakdown, type Breakdown, type BreakdownCandidate } from './breakdown';
