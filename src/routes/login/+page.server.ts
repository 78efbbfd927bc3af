import { redirect } from '@sveltejs/kit';
import { login } from '$lib/server/auth/login';
import { beginSession, loginMethods, safeNext } from '$lib/server/auth/login-method';
import { DEMO_LOGINS } from '$lib/server/demo/seed';
import { env } from '$lib/server/env';
import { clientIp, formAction } from '$lib/server/http';
import { isDemo } from '$lib/server/startup';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.actor) redirect(303, next);
	return {
		localLogin: env().LOCAL_LOGIN === 'on',
		/** Single sign-on (OpenID Connect; SAML later): one button each. */
		externalLogins: (await loginMethods()).map((m) => ({ id: m.id, label: m.label, href: `/login/${m.id}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}` })),
		demoLogins: (await isDemo()) ? DEMO_LOGINS.map(({ label, email }) => ({ label, email })) : []
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = formToObject(await event.request.formData());
		const ip = clientIp(event);
		const result = await formAction(values, async () => {
			// login() audits a failed attempt; beginSession the login (with a new session id).
			const { personId } = await login(event.locals.db, values, ip, { via: 'form' });
			await beginSession(event, personId);
			return null;
		});
		if (result) return result;
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
