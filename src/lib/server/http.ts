/**
 * The thin glue between SvelteKit and the services: who is logged in, and how a DomainError
 * becomes a form failure, an error page or a JSON answer. Used by every route.
 */
import { error, fail, json, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from './access/actor';
import { clientAddress, trustedProxies } from './client-address';
import { DomainError, httpStatus, invalid, tooLarge, unsupportedMediaType } from './errors';
import { log } from './log';
import { formToObject } from './validation';

/** The logged-in actor, or a redirect to the login page that comes back here afterwards. */
export function requireActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const actor = event.locals.actor;
	if (!actor) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return actor;
}

/** For loads: a DomainError becomes SvelteKit's error page with its Swedish message. */
export async function orErrorPage<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof DomainError) error(httpStatus(e), e.message);
		throw e;
	}
}

/**
 * For form actions: a DomainError becomes `fail(...)` carrying the message, the per-field
 * messages and what the user typed, so nothing they wrote is lost.
 */
export async function formAction<T>(values: Record<string, unknown>, work: () => Promise<T>) {
	try {
		return await work();
	} catch (e) {
		if (e instanceof DomainError) {
			if (e.kind === 'not_found') error(404, e.message);
			return fail(httpStatus(e), { message: e.message, fieldErrors: e.fieldErrors, values: safeValues(values) });
		}
		throw e;
	}
}

function safeValues(values: Record<string, unknown>) {
	const { password: _password, ...rest } = values;
	return rest;
}

/**
 * A form action that reads the form, does one piece of work and says what was saved — for pages
 * with several small forms (the plan's area page, the areas' administration).
 */
export function savingAction<E extends RequestEvent>(saved: string, work: (event: E, values: Record<string, unknown>) => Promise<unknown>, arrays: string[] = []) {
	return async (event: E) => {
		requireActor(event);
		const values = formToObject(await event.request.formData(), arrays);
		return formAction(values, async () => {
			await work(event, values);
			return { saved };
		});
	};
}

/** For the JSON API: the same errors, as `{ error: { code, message, fields } }`. */
export async function apiCall(work: () => Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof DomainError) return apiError(httpStatus(e), e.kind, e.message, e.fieldErrors);
		if (isTooLarge(e)) {
			log.warn({ limit: bodySizeLimit() }, 'api request body too large');
			const error = tooLarge(bodySizeLimit());
			return apiError(httpStatus(error), error.kind, error.message);
		}
		if (isRedirectOrHttp(e)) throw e;
		log.error({ err: e }, 'api error');
		return apiError(500, 'internal', 'Något gick fel hos oss. Försök igen om en stund.');
	}
}

/** The request body limit in force, in words ("512 kB"), from adapter-node's BODY_SIZE_LIMIT. */
export function bodySizeLimit(): string {
	const raw = (process.env.BODY_SIZE_LIMIT ?? '512K').trim();
	const m = /^(\d+)\s*([KMG]?)B?$/i.exec(raw);
	if (!m) return raw;
	const unit = m[2].toUpperCase();
	return `${m[1]} ${unit === 'K' ? 'kB' : unit === 'M' ? 'MB' : unit === 'G' ? 'GB' : 'byte'}`;
}

/** An error the server raised because a body was over BODY_SIZE_LIMIT (413), however it surfaced. */
export function isTooLarge(e: unknown): boolean {
	return typeof e === 'object' && e !== null && 'status' in e && (e as { status: unknown }).status === 413;
}

/**
 * The JSON body of an API call — the one place every handler reads it: an empty body is `{}`, a
 * body that is not JSON is refused (400 "Ogiltig JSON", 415 for another content type), and one
 * over the size limit answers 413 saying the limit, never 500.
 */
export async function readJson(request: Request): Promise<unknown> {
	let text: string;
	try {
		text = await request.text();
	} catch (e) {
		if (isTooLarge(e)) throw tooLarge(bodySizeLimit());
		throw e;
	}
	if (text.trim() === '') return {};
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json' && !type.endsWith('+json')) throw unsupportedMediaType('JSON (application/json)');
	try {
		return JSON.parse(text);
	} catch (e) {
		const where = e instanceof SyntaxError ? ` (${e.message})` : '';
		throw invalid(`Ogiltig JSON: innehållet går inte att läsa${where}. Kontrollera citattecken, kommatecken och klamrar.`);
	}
}

/**
 * What failed before any route ran (the database gone while the session was read): under /api it
 * keeps the API's `{ error: { code, message } }` shape whatever the caller accepts; anything else
 * is thrown on to SvelteKit's error hook.
 */
export function apiFailureBeforeRoute(url: URL, e: unknown): Response {
	if (!url.pathname.startsWith('/api/') || isRedirectOrHttp(e)) throw e;
	if (isTooLarge(e)) {
		const error = tooLarge(bodySizeLimit());
		return apiError(httpStatus(error), error.kind, error.message);
	}
	log.error({ err: e, path: url.pathname }, 'api request failed before its route');
	return apiError(500, 'internal', 'Något gick fel hos oss. Försök igen om en stund.');
}

export function apiError(status: number, code: string, message: string, fields: Record<string, string> = {}) {
	return json({ error: { code, message, fields } }, { status });
}

export function requireApiActor(locals: App.Locals): Actor {
	if (!locals.actor) throw new DomainError('unauthenticated', 'Du behöver logga in: skicka en giltig sessionstoken.');
	return locals.actor;
}

function isRedirectOrHttp(e: unknown) {
	return typeof e === 'object' && e !== null && 'status' in e && ('location' in e || 'body' in e);
}

/** The client's address; from a proxy's header only when TRUSTED_PROXIES says so (client-address.ts). */
export function clientIp(event: Pick<RequestEvent, 'getClientAddress' | 'request'>): string {
	try {
		return clientAddress(event.getClientAddress(), event.request.headers.get('x-forwarded-for'), trustedProxies());
	} catch {
		return 'unknown';
	}
}
