import { json } from '@sveltejs/kit';
import { presentSession } from '$lib/server/api/presenters/session';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { beginSession } from '$lib/server/auth/login-method';
import { login } from '$lib/server/auth/login';
import { deleteSession } from '$lib/server/auth/sessions';
import { apiCall, clientIp, readJson, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiCall(async () => {
		const body = await readJson(event.request);
		const ip = clientIp(event);
		// login() audits a failed attempt; beginSession the login.
		const { personId } = await login(event.locals.db, body, ip, { via: 'api' });
		const token = await beginSession(event, personId, { via: 'api' });
		return json(presentSession({ token }), { status: 201 });
	});

export const DELETE: RequestHandler = (event) =>
	apiCall(async () => {
		requireApiActor(event.locals);
		if (event.locals.sessionToken) await deleteSession(event.locals.db, event.locals.sessionToken);
		clearSessionCookie(event.cookies, event.url);
		return new Response(null, { status: 204 });
	});
