/**
 * The thin glue between SvelteKit and the services: who is logged in, and how a DomainError
 * becomes a form failure, an error page or a JSON answer. Used by every route.
 */
import { error, fail, json, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from './access/actor';
import { clientAddress, trustedProxies } from './client-address';
import { DomainError, httpStatus } from './errors';
import { log } from './log';

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

/** For the JSON API: the same errors, as `{ error: { code, message, fields } }`. */
export async function apiCall(work: () => Promise<Response>): Promise<Response> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof DomainError) return apiError(httpStatus(e), e.kind, e.message, e.fieldErrors);
		if (isRedirectOrHttp(e)) throw e;
		log.error({ err: e }, 'api error');
		return apiError(500, 'internal', 'Något gick fel hos oss. Försök igen om en stund.');
	}
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
