import type { Cookies } from '@sveltejs/kit';
import { env } from '../env';

/** `__Host-` needs a secure cookie; plain http (local demo) gets an unprefixed name. */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-lagesbild_session' : 'lagesbild_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string) {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: env().SESSION_MAX_HOURS * 3600
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), { path: '/', secure: url.protocol === 'https:' });
}

export function readSessionToken(cookies: Cookies, request: Request, url: URL): string | null {
	const header = request.headers.get('authorization');
	if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
	return cookies.get(sessionCookieName(url)) ?? null;
}
