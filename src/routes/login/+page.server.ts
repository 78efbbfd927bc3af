import { redirect } from '@sveltejs/kit';
import { login } from '$lib/server/auth/login';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { createSession } from '$lib/server/auth/sessions';
import { audit } from '$lib/server/audit/audit';
import { DEMO_LOGINS } from '$lib/server/demo/seed';
import { env } from '$lib/server/env';
import { DomainError } from '$lib/server/errors';
import { clientIp, formAction } from '$lib/server/http';
import { isDemo } from '$lib/server/startup';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

/** Only local paths, so the login cannot be used to send people elsewhere. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
	return {
		localLogin: env().LOCAL_LOGIN === 'on',
		demoLogins: (await isDemo()) ? DEMO_LOGINS.map(({ label, email }) => ({ label, email })) : []
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		const ip = clientIp(event);
		const result = await formAction(values, async () => {
			try {
				const { personId } = await login(event.locals.db, values, ip);
				const token = await createSession(event.locals.db, personId);
				setSessionCookie(event.cookies, event.url, token);
				await audit(event.locals.db, { actorId: personId, action: 'login', ip });
				return null;
			} catch (e) {
				if (e instanceof DomainError && (e.kind === 'unauthenticated' || e.kind === 'rate_limited')) {
					await audit(event.locals.db, { actorId: null, action: 'login.failed', detail: { email: String(values.email ?? '').toLowerCase() }, ip });
				}
				throw e;
			}
		});
		if (result) return result;
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
