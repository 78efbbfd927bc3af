import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { clearSessionCookie, readSessionToken } from '$lib/server/auth/cookies';
import { refuseCrossSiteApiCall } from '$lib/server/auth/csrf';
import { validateSession } from '$lib/server/auth/sessions';
import { getDb } from '$lib/server/db';
import { inFlightRequest } from '$lib/server/lifecycle';
import { clientIp } from '$lib/server/http';
import { log } from '$lib/server/log';
import { startup } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await startup();
};

export const handle: Handle = (input) => inFlightRequest(async () => handleRequest(input));

const handleRequest: Handle = async ({ event, resolve }) => {
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

/** No stack traces to users: log it, answer in Swedish. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) log.error({ err: error, path: event.url.pathname }, 'unhandled error');
	return { message: status === 404 ? 'Sidan finns inte.' : 'Något gick fel hos oss. Försök igen om en stund.' };
};
