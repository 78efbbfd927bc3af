/**
 * The seam for logging in through the municipality's identity provider. Each method (OpenID
 * Connect now, SAML 2.0 later) does two things: `start` sends the browser to the provider,
 * `complete` reads what comes back and says who it is. Everything around that is shared and
 * lives here: the short-lived login flow bound to the browser, finding the person by
 * anställningsnummer, and starting a new session. See docs/decisions/0009-single-sign-on.md.
 *
 * Adding SAML: implement LoginMethod in saml.ts (start: a signed AuthnRequest by redirect;
 * complete: verify the signed Response posted to /login/saml/acs, take the anställningsnummer
 * from an attribute or NameID), register it in `loginMethods()`, and add the two routes. The
 * pages, the session, the audit log and the "unknown user" page stay as they are.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { audit } from '../audit/audit';
import type { Db } from '../db';
import { loginFlows, people } from '../db/schema';
import { env } from '../env';
import { clientIp } from '../http';
import { setSessionCookie } from './cookies';
import { createSession, deleteSession } from './sessions';
import { now as clockNow } from '../clock';

export type LoginMethodId = 'oidc' | 'saml';

/** Who the identity provider says this is. */
export interface ExternalIdentity {
	method: LoginMethodId;
	/** The provider's own id of the user (OIDC `sub`, SAML NameID). */
	subject: string;
	/** The attribute matched to people.employee_id, and its value (null when the provider did not send it). */
	claim: string;
	employeeId: string | null;
	/** A name to greet an unknown user with, when the provider sent one. */
	displayName: string | null;
}

export type LoginOutcome =
	| { kind: 'person'; personId: string; identity: ExternalIdentity; next: string }
	/** Authenticated by the provider, but no active person in Lägesbild has that anställningsnummer. */
	| { kind: 'unknown'; identity: ExternalIdentity; next: string }
	/** The flow broke (cancelled, expired, tampered with, provider unreachable): Swedish reason for the page. */
	| { kind: 'failed'; reason: string; detail: string };

export interface LoginMethod {
	id: LoginMethodId;
	/** The button on the login page. */
	label: string;
	/** Where to send the browser, and the state to bind to it (kept in a cookie by the route). */
	start(db: Db, context: { origin: string; next: string }): Promise<{ redirectTo: string; state: string }>;
	/** The provider's answer: `url` is the callback request's URL, `state` what the browser's cookie held. */
	complete(db: Db, context: { url: URL; origin: string; state: string | null }): Promise<LoginOutcome>;
}

// --- Login flows: bound to the browser, single use, ten minutes ---------------------------------

const FLOW_MINUTES = 10;
const hash = (state: string) => createHash('sha256').update(state).digest('hex');

export async function saveFlow(db: Db, method: LoginMethodId, values: { codeVerifier: string; nonce: string; next: string }, now = clockNow()): Promise<string> {
	const state = randomBytes(32).toString('base64url');
	await db.delete(loginFlows).where(lt(loginFlows.expiresAt, now));
	await db.insert(loginFlows).values({ id: hash(state), method, ...values, createdAt: now, expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000) });
	return state;
}

/** The flow of this state, removed so it cannot be used twice; null when unknown or expired. */
export async function takeFlow(db: Db, method: LoginMethodId, state: string, now = clockNow()) {
	const [flow] = await db.delete(loginFlows).where(and(eq(loginFlows.id, hash(state)), eq(loginFlows.method, method))).returning();
	if (!flow || flow.expiresAt.getTime() < now.getTime()) return null;
	return flow;
}

export function flowCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-lagesbild_login' : 'lagesbild_login';
}

export function setFlowCookie(cookies: Cookies, url: URL, state: string) {
	// Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
	cookies.set(flowCookieName(url), state, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: FLOW_MINUTES * 60 });
}

export function takeFlowCookie(cookies: Cookies, url: URL): string | null {
	const value = cookies.get(flowCookieName(url)) ?? null;
	cookies.delete(flowCookieName(url), { path: '/', secure: url.protocol === 'https:' });
	return value;
}

// --- Shared steps ----------------------------------------------------------------------------

/** The active person with this anställningsnummer. Never matched by e-mail: addresses change and are reused. */
export async function personByEmployeeId(db: Db, employeeId: string | null): Promise<string | null> {
	if (!employeeId) return null;
	const [person] = await db.select({ id: people.id, active: people.active }).from(people).where(eq(people.employeeId, employeeId));
	return person?.active ? person.id : null;
}

/**
 * Logs a person in: a new session (and a new session id — the one the browser had, if any, is
 * ended, so a session can never be fixed before login), the cookie, and the audit entry.
 */
export async function beginSession(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url' | 'getClientAddress' | 'request'>, personId: string, detail: Record<string, unknown> = {}): Promise<string> {
	const db = event.locals.db;
	if (event.locals.sessionToken) await deleteSession(db, event.locals.sessionToken);
	const token = await createSession(db, personId);
	setSessionCookie(event.cookies, event.url, token);
	await audit(db, { personId, ip: clientIp(event) }, { action: 'login', detail: Object.keys(detail).length ? detail : undefined });
	return token;
}

// Any origin does: only whether `next` stays on it matters, and it is never shown.
const BASE = 'http://lagesbild.invalid';

/**
 * Where to send the browser after logging in: only a path on our own site, so a login link
 * cannot be used to send people elsewhere (e.g. `/\t/evil.example`, which browsers read as
 * `//evil.example`). Anything else — control characters, whitespace, backslashes, `//`, or a
 * value that does not resolve to our own origin — gives `/`. What is returned is the parsed
 * URL's path, query and fragment, percent-encoded, so it is always a valid Location header.
 */
export function safeNext(next: string | null | undefined): string {
	if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//')) return '/';
	// Control characters (C0, DEL, C1), backslashes, and whitespace — \s covers Unicode spaces too (U+3000, U+2028).
	if ([...next].some((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) || c === '\\' || /\s/.test(c))) return '/';
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return '/';
	}
	if (url.origin !== BASE || url.username || url.password) return '/';
	const path = url.pathname + url.search + url.hash;
	return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

// --- The registry ------------------------------------------------------------------------------

let methods: LoginMethod[] | undefined;

/** The external login methods configured in the settings, in the order shown on the login page. */
export async function loginMethods(): Promise<LoginMethod[]> {
	if (!methods) {
		const list: LoginMethod[] = [];
		if (env().OIDC_ISSUER) list.push((await import('./oidc')).oidcLoginMethod());
		methods = list;
	}
	return methods;
}

export async function loginMethod(id: string): Promise<LoginMethod | null> {
	return (await loginMethods()).find((m) => m.id === id) ?? null;
}
