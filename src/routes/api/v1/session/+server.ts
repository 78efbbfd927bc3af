import { json } from '@sveltejs/kit';
import { audit } from '$lib/server/audit/audit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { beginSession } from '$lib/server/auth/login-method';
import { login } from '$lib/server/auth/login';
import { deleteSession } from '$lib/server/auth/sessions';
import { DomainError } from '$lib/server/errors';
import { apiCall, clientIp, requireApiActor } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiCall(async () => {
		const body = await event.request.json().catch(() => ({}));
		const ip = clientIp(event);
		try {
			const { personId } = await login(event.locals.db, body, ip);
			const token = await beginSession(event, personId, { via: 'api' });
			return json({ token }, { status: 201 });
		} catch (e) {
			if (e instanceof DomainError && (e.kind === 'unauthenticated' || e.kind === 'rate_limited')) {
				await audit(event.locals.db, { actorId: null, action: 'login.failed', detail: { via: 'api', email: typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : null }, ip });
			}
			throw e;
		}
	});

export const DELETE: RequestHandler = (event) =>
	apiCall(async () => {
		requireApiActor(event.locals);
		if (event.locals.sessionToken) await deleteSession(event.locals.db, event.locals.sessionToken);
		clearSessionCookie(event.cookies, event.url);
		return new Response(null, { status: 204 });
	});
