/**
 * Typed domain errors. Services throw these; routes and the API map them to HTTP answers
 * in one place (`httpStatus`). Messages are Swedish and say what to do.
 */
export type DomainErrorKind = 'unauthenticated' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'rate_limited' | 'too_large' | 'unsupported_media_type';

export class DomainError extends Error {
	constructor(
		readonly kind: DomainErrorKind,
		message: string,
		/** Per-field messages for forms, keyed by field name. */
		readonly fieldErrors: Record<string, string> = {}
	) {
		super(message);
		this.name = 'DomainError';
	}
}

/** What the caller may not see answers "not found", so its existence is not revealed. */
export const notFound = (what = 'Det du söker') => new DomainError('not_found', `${what} finns inte, eller så saknar du behörighet.`);
/**
 * What the caller may see but not do (the employee reads her plan, its manager changes it): also
 * "not found", like everything refused for access (decision 0003), with a message saying whose
 * the action is. There is no 403 for access; `forbidden` is left for refusals that are not about
 * who the caller is (password login switched off, a request from another site).
 */
export const notYours = (message: string) => new DomainError('not_found', message);
export const invalid = (message: string, fieldErrors: Record<string, string> = {}) =>
	new DomainError('invalid', message, fieldErrors);
export const conflict = (message: string) => new DomainError('conflict', message);
/** The body is larger than the server takes (adapter-node's BODY_SIZE_LIMIT). */
export const tooLarge = (limit: string) => new DomainError('too_large', `Det du skickade är för stort – högst ${limit}. Dela upp det, eller be en administratör höja gränsen (BODY_SIZE_LIMIT).`);
export const unsupportedMediaType = (expected: string) => new DomainError('unsupported_media_type', `Fel innehållstyp: skicka ${expected} (Content-Type).`);
export const unauthenticated = () => new DomainError('unauthenticated', 'Du behöver logga in.');

const statusOf: Record<DomainErrorKind, number> = {
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	invalid: 400,
	conflict: 409,
	rate_limited: 429,
	too_large: 413,
	unsupported_media_type: 415
};

export function httpStatus(error: DomainError): number {
	return statusOf[error.kind];
}
