/**
 * CSRF protection for the JSON API. SvelteKit refuses cross-site form posts (the pages' forms and
 * any form-encoded or multipart request); this covers the rest: a state-changing API request
 * that is authenticated by the session cookie must come from this app's own origin (the Origin
 * header, or Sec-Fetch-Site: same-origin when a browser leaves Origin out). A request with a
 * bearer token needs no check — another site cannot make a browser send it — and a request
 * without the cookie is not authenticated by it.
 */
import { sessionCookieName } from './cookies';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseCrossSiteApiCall(request: Request, url: URL, cookies: { get(name: string): string | undefined }): Response | null {
	if (!url.pathname.startsWith('/api/') || SAFE.has(request.method)) return null;
	if (request.headers.get('authorization')?.startsWith('Bearer ')) return null;
	if (!cookies.get(sessionCookieName(url))) return null;
	const origin = request.headers.get('origin');
	if (origin === url.origin) return null;
	if (origin === null && request.headers.get('sec-fetch-site') === 'same-origin') return null;
	return new Response(
		JSON.stringify({ error: { code: 'forbidden', message: 'Anropet kom inte från Lägesbild. Använd en bearer-token för anrop från andra program.', fields: {} } }),
		{ status: 403, headers: { 'content-type': 'application/json' } }
	);
}
