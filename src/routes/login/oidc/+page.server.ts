import { error, redirect } from '@sveltejs/kit';
import { loginMethod, setFlowCookie } from '$lib/server/auth/login-method';
import { log } from '$lib/server/log';
import type { PageServerLoad } from './$types';

/** Starts single sign-on: to the identity provider, with the state bound to this browser. */
export const load: PageServerLoad = async (event) => {
	const method = await loginMethod('oidc');
	if (!method) error(404, 'Sidan finns inte.');
	let redirectTo: string;
	try {
		const started = await method.start(event.locals.db, { origin: event.url.origin, next: event.url.searchParams.get('next') ?? '/' });
		setFlowCookie(event.cookies, event.url, started.state);
		redirectTo = started.redirectTo;
	} catch (err) {
		log.warn({ err }, 'oidc start failed');
		return { reason: 'Kommunens inloggningstjänst svarar inte just nu. Försök igen om en stund, eller kontakta kommunens IT-support om det fortsätter.' };
	}
	redirect(303, redirectTo);
};
