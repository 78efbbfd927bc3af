/**
 * The anonymity thresholds in force, from the environment: the one place every upward figure
 * (reports, progress, individual plans, incident statistics) takes them from.
 */
import { env } from '../env';
import { resolveRules, type AnonymityRules } from './disclosure';

export function anonymityRules(): AnonymityRules {
	return resolveRules({ minGroup: env().ANONYMITY_MIN_GROUP, minTextGroup: env().ANONYMITY_MIN_TEXT_GROUP });
}
