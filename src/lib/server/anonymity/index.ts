/**
 * Anonymity of reports: every figure and free-text answer shown above the nearest manager
 * passes through a Disclosure. Compute it once for the rounds in view, then pass each cell's
 * raw figures through discloseCell / discloseText.
 */
export {
	ABSOLUTE_MIN_GROUP,
	DEFAULT_MIN_GROUP,
	DEFAULT_MIN_TEXT_GROUP,
	computeDisclosure,
	discloseCell,
	discloseText,
	resolveRules
} from './disclosure';
export type {
	AnonymityRules,
	CellDecision,
	CellEntry,
	CellKey,
	DisclosedCell,
	DisclosedText,
	Disclosure,
	Respondent,
	RoundInput,
	SuppressionReason
} from './disclosure';
export { reasonText, textReasonText } from './reasons';
