import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { clearSessionCookie, readSessionToken } from '$lib/server/auth/cookies';
import { refuseCrossSiteApiCall } from '$lib/server/auth/csrf';
import { validateSession } from '$lib/server/auth/sessions';
import { getDb } from '$lib/server/db';
import { inFlightRequest } from '$lib/server/lifecycle';
import { clientIp } from '$lib/server/http';
import { log } from '$lib/server/log';
import { startup } from '$lib/server/startup';
import { apiError, apiFailureBeforeRoute, bodySizeLimit, isTooLarge } from '$lib/server/http';
import { tooLarge } from '$lib/server/errors';
import { URL_CONTROL_CHARACTER_MESSAGE, urlHasControlCharacters } from '$lib/server/validation';

export const init: ServerInit = async () => {
	await startup();
};

export const handle: Handle = (input) =>
	inFlightRequest(async () => {
		try {
			return await handleRequest(input);
		} catch (e) {
			return apiFailureBeforeRoute(input.event.url, e);
		}
	});

const handleRequest: Handle = async ({ event, resolve }) => {
	// A control character in the address (%00 in a path or query) is refused here, for every route.
	if (urlHasControlCharacters(event.url)) {
		const message = URL_CONTROL_CHARACTER_MESSAGE;
		if (event.url.pathname.startsWith('/api/')) return apiError(400, 'invalid', message);
		return new Response(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
	}
	// CSRF: cookie-authenticated state-changing API calls only from our own pages (auth/csrf.ts).
	const crossSite = refuseCrossSiteApiCall(event.request, event.url, event.cookies);
	if (crossSite) return crossSite;
	const db = await getDb();
	event.locals.db = db;
	event.locals.actor = null;
	event.locals.sessionToken = null;

	const token = readSessionToken(event.cookies, event.request, event.url);
	if (token) {
		const session = await validateSession(db, token);
		const actor = session?.actor ?? null;
		if (actor) {
			// The one place a request's address joins the actor: every audit entry takes it from here.
			event.locals.actor = { ...actor, ip: clientIp(event) };
			event.locals.sessionToken = token;
		} else {
			clearSessionCookie(event.cookies, event.url);
		}
	}

	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	if (event.locals.actor) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

/**
 * No stack traces to users: log it, answer in Swedish. Client errors (a body over the size limit)
 * are warnings, not server errors. The API keeps its `{ error: { code, message } }` shape even
 * here, for what no handler caught (the database gone, say).
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	let code = 'internal';
	let message = 'Något gick fel hos oss. Försök igen om en stund.';
	if (status === 404) {
		code = 'not_found';
		message = 'Sidan finns inte.';
	} else if (isTooLarge(error) || status === 413) {
		code = 'too_large';
		message = tooLarge(bodySizeLimit()).message;
		log.warn({ path: event.url.pathname, limit: bodySizeLimit() }, 'request body too large');
	} else if (status < 500) {
		code = 'invalid';
		message = 'Begäran kunde inte läsas. Kontrollera det du skickade och försök igen.';
		log.warn({ err: error, path: event.url.pathname, status }, 'client error');
	} else {
		log.error({ err: error, path: event.url.pathname }, 'unhandled error');
	}
	return event.url.pathname.startsWith('/api/') ? { message, error: { code, message } } : { message };
};
