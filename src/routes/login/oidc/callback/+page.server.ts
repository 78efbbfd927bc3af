import { error, redirect } from '@sveltejs/kit';
import { anonymousRequest, audit } from '$lib/server/audit/audit';
import { beginSession, loginMethod, takeFlowCookie } from '$lib/server/auth/login-method';
import { clientIp } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/**
 * The identity provider sends the browser back here. A known person is logged in (new session)
 * and sent on; an unknown one, or a broken flow, gets a page that says what happened in Swedish.
 */
export const load: PageServerLoad = async (event) => {
	const method = await loginMethod('oidc');
	if (!method) error(404, 'Sidan finns inte.');
	const db = event.locals.db;
	const outcome = await method.complete(db, { url: event.url, origin: event.url.origin, state: takeFlowCookie(event.cookies, event.url) });
	if (outcome.kind === 'person') {
		await beginSession(event, outcome.personId, { via: 'oidc', subject: outcome.identity.subject });
		redirect(303, outcome.next);
	}
	const ip = clientIp(event);
	if (outcome.kind === 'unknown') {
		const { subject, claim, employeeId } = outcome.identity;
		await audit(db, anonymousRequest(ip), { action: 'login.unknown_user', detail: { via: 'oidc', subject, claim, employeeId } });
		return { kind: 'unknown' as const, name: outcome.identity.displayName, employeeId };
	}
	await audit(db, anonymousRequest(ip), { action: 'login.failed', detail: { via: 'oidc', reason: outcome.detail } });
	return { kind: 'failed' as const, reason: outcome.reason };
};
