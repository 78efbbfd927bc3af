/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE (S256), state and
 * nonce, through `openid-client` (certified, by the author of the JOSE libraries Node uses).
 * Configured by OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_CLAIM, OIDC_SCOPE.
 *
 * The person is found by the anställningsnummer in the claim OIDC_CLAIM (default
 * `employee_id`), read from the ID token or, if it is not there, from the userinfo endpoint.
 */
import * as client from 'openid-client';
import { env } from '../env';
import { log } from '../log';
import type { Db } from '../db';
import { personByEmployeeId, safeNext, saveFlow, takeFlow, type ExternalIdentity, type LoginMethod, type LoginOutcome } from './login-method';

let configuration: Promise<client.Configuration> | null = null;

/** Discovery once per process; a failure is not kept, so the next login tries again. */
function config(): Promise<client.Configuration> {
	const e = env();
	configuration ??= client
		.discovery(
			new URL(e.OIDC_ISSUER!),
			e.OIDC_CLIENT_ID!,
			e.OIDC_CLIENT_SECRET ? { client_secret: e.OIDC_CLIENT_SECRET } : undefined,
			e.OIDC_CLIENT_SECRET ? client.ClientSecretBasic(e.OIDC_CLIENT_SECRET) : client.None(),
			// Plain http only for a provider on this machine (the tests'); env.ts refuses it elsewhere.
			new URL(e.OIDC_ISSUER!).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined
		)
		.catch((err) => {
			configuration = null;
			throw err;
		});
	return configuration;
}

export function redirectUri(origin: string): string {
	return env().OIDC_REDIRECT_URI ?? `${env().ORIGIN ?? origin}/login/oidc/callback`;
}

const UNREACHABLE = 'Kommunens inloggningstjänst svarar inte just nu. Försök igen om en stund, eller kontakta kommunens IT-support om det fortsätter.';

export function oidcLoginMethod(): LoginMethod {
	return {
		id: 'oidc',
		label: env().OIDC_LABEL,

		async start(db: Db, { origin, next }) {
			const c = await config();
			const codeVerifier = client.randomPKCECodeVerifier();
			const nonce = client.randomNonce();
			const state = await saveFlow(db, 'oidc', { codeVerifier, nonce, next: safeNext(next) });
			const url = client.buildAuthorizationUrl(c, {
				redirect_uri: redirectUri(origin),
				scope: env().OIDC_SCOPE,
				response_type: 'code',
				code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
				code_challenge_method: 'S256',
				state,
				nonce
			});
			return { redirectTo: url.href, state };
		},

		async complete(db: Db, { url, origin, state: cookieState }): Promise<LoginOutcome> {
			const returnedState = url.searchParams.get('state');
			// The state must come back to the browser that started the login (no login CSRF).
			if (!returnedState || !cookieState || returnedState !== cookieState) {
				return { kind: 'failed', reason: 'Inloggningen gick inte att slutföra: den påbörjades inte i den här webbläsaren, eller tog för lång tid. Försök igen.', detail: 'state mismatch' };
			}
			const flow = await takeFlow(db, 'oidc', returnedState);
			if (!flow) return { kind: 'failed', reason: 'Inloggningen tog för lång tid eller har redan använts. Försök igen.', detail: 'flow expired or used' };
			if (url.searchParams.get('error')) {
				const cancelled = url.searchParams.get('error') === 'access_denied';
				return { kind: 'failed', reason: cancelled ? 'Inloggningen avbröts.' : 'Kommunens inloggningstjänst kunde inte logga in dig.', detail: `provider error: ${url.searchParams.get('error')}` };
			}
			let c: client.Configuration;
			try {
				c = await config();
			} catch (err) {
				log.warn({ err }, 'oidc discovery failed');
				return { kind: 'failed', reason: UNREACHABLE, detail: 'discovery failed' };
			}
			const callback = new URL(url.pathname + url.search, redirectUri(origin));
			try {
				const tokens = await client.authorizationCodeGrant(c, callback, { pkceCodeVerifier: flow.codeVerifier, expectedState: returnedState, expectedNonce: flow.nonce, idTokenExpected: true });
				const claims = tokens.claims()!;
				const claim = env().OIDC_CLAIM;
				let value = claims[claim];
				let name = claims.name;
				if ((value === undefined || value === null) && tokens.access_token) {
					const info = await client.fetchUserInfo(c, tokens.access_token, claims.sub);
					value = info[claim];
					name ??= info.name;
				}
				const identity: ExternalIdentity = {
					method: 'oidc',
					subject: claims.sub,
					claim,
					employeeId: typeof value === 'string' || typeof value === 'number' ? String(value).trim() || null : null,
					displayName: typeof name === 'string' ? name : null
				};
				const personId = await personByEmployeeId(db, identity.employeeId);
				return personId ? { kind: 'person', personId, identity, next: flow.next } : { kind: 'unknown', identity, next: flow.next };
			} catch (err) {
				log.warn({ err }, 'oidc callback failed');
				return { kind: 'failed', reason: 'Inloggningen gick inte att slutföra. Försök igen.', detail: err instanceof Error ? err.message.slice(0, 200) : 'error' };
			}
		}
	};
}
