/** For tests of refusals: the DomainError a piece of work was refused with (fails if it was not). */
import { DomainError } from '../errors';

export async function refusal(work: Promise<unknown>): Promise<DomainError> {
	try {
		await work;
	} catch (e) {
		if (e instanceof DomainError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}
