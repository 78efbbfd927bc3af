/**
 * Single sign-on in a real browser against a real OpenID provider (the `oidc-provider` package,
 * started here on the port the app was configured with in global-setup.ts): the authorization
 * code flow with PKCE, the person matched by anställningsnummer, a new session id at login, a
 * clear Swedish page for someone the app does not know, and refusals of a cancelled or forged
 * callback. The provider's own development login form stands in for the municipality's.
 *
 * Shared demo state: logs in as the socialsekreterare and the biståndshandläggare (only adds
 * sessions and audit entries).
 */
import type { Server } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, apiLogin, baseURL, demo, expectAccessible, launch, login, newPage } from './support';

/** Accounts of the test provider: the login typed in its form is the anställningsnummer, except 'utan-nummer'. */
function providerConfig(clientId: string, clientSecret: string, redirectUri: string): Configuration {
	return {
		clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
		pkce: { methods: ['S256'], required: () => true },
		claims: { openid: ['sub'], profile: ['name', 'employee_id'] },
		findAccount: async (_ctx, id) => ({
			accountId: id,
			claims: async () => ({ sub: `idp-${id}`, name: id === 'utan-nummer' ? 'Utan Nummer' : `Användare ${id}`, ...(id === 'utan-nummer' ? {} : { employee_id: id }) })
		}),
		features: { devInteractions: { enabled: true } },
		cookies: { keys: ['lagesbild-e2e-provider'] }
	};
}

describe('single sign-on with OpenID Connect', () => {
	const oidc = inject('oidc');
	let server: Server;
	let browser: Browser;
	let saraEmployeeId: string;

	beforeAll(async () => {
		const provider = new Provider(oidc.issuer, providerConfig(oidc.clientId, oidc.clientSecret, `${baseURL()}/login/oidc/callback`));
		server = provider.listen(Number(new URL(oidc.issuer).port));
		await new Promise((resolve) => server.once('listening', resolve));
		browser = await launch();
		// Sara's anställningsnummer, as the provider would know it: from the audit log of a login.
		await apiLogin(demo.socialsekreterare);
		const log = await api(await apiLogin(demo.admin), `/audit?action=login&who=${encodeURIComponent(demo.socialsekreterare)}`);
		saraEmployeeId = log.body.entries[0].actorEmployeeId;
		expect(saraEmployeeId).toMatch(/^\S+$/);
	});
	afterAll(async () => {
		await browser?.close();
		await new Promise((resolve) => server?.close(resolve));
	});

	/** Through the provider's login form (and its consent page the first time). */
	async function signInAtProvider(page: Page, loginName: string) {
		await page.waitForURL((url) => url.href.startsWith(oidc.issuer));
		await page.locator('input[name="login"]').fill(loginName);
		await page.locator('input[name="password"]').fill('vilket-som-helst');
		await page.getByRole('button', { name: 'Sign-in' }).click();
		await page.waitForURL((url) => !url.href.startsWith(oidc.issuer) || /\/interaction\//.test(url.pathname));
		if (page.url().startsWith(oidc.issuer)) await page.getByRole('button', { name: 'Continue' }).click();
		await page.waitForURL((url) => url.href.startsWith(baseURL()));
	}

	const sessionCookie = async (context: BrowserContext) => (await context.cookies(baseURL())).find((c) => c.name === 'lagesbild_session')?.value ?? null;

	it('the login page offers the municipality’s login next to the local one, and is accessible', async () => {
		const page = await newPage(browser);
		await page.goto('/login');
		expect(await page.getByRole('link', { name: 'Logga in med kommunens konto' }).isVisible()).toBe(true);
		expect(await page.getByLabel('E-postadress').isVisible(), 'local accounts stay').toBe(true);
		await expectAccessible(page);
		await page.context().close();
	});

	it('logs in through the provider (code flow with PKCE) as the person with that anställningsnummer, with a new session id', async () => {
		const page = await newPage(browser);
		await login(page, demo.bistandshandlaggare);
		const before = await sessionCookie(page.context());
		expect(before).not.toBeNull();

		await page.goto('/login/oidc?next=/my/history');
		const authorize = new URL(page.url());
		expect(authorize.origin).toBe(oidc.issuer);
		await signInAtProvider(page, saraEmployeeId);
		expect(new URL(page.url()).pathname).toBe('/my/history');
		expect(await page.locator('header.site .who').textContent()).toContain('Sara Lindqvist');
		await expectAccessible(page);

		const after = await sessionCookie(page.context());
		expect(after).not.toBeNull();
		expect(after, 'a new session id at login').not.toBe(before);
		expect((await api(before, '/my-history')).status, 'the session from before is ended').toBe(401);
		expect((await api(after, '/my-history')).status).toBe(200);

		const log = await api(await apiLogin(demo.admin), `/audit?action=login&who=${encodeURIComponent(demo.socialsekreterare)}`);
		expect(log.body.entries[0]).toMatchObject({ actorName: 'Sara Lindqvist', detail: { via: 'oidc', subject: `idp-${saraEmployeeId}` } });
		await page.context().close();
	});

	it('asked the provider for the authorization code flow with PKCE (S256), state and nonce', async () => {
		const page = await newPage(browser);
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto('/login/oidc');
		const params = new URL(requests.find((u) => u.startsWith(`${oidc.issuer}/auth`))!).searchParams;
		expect(params.get('response_type')).toBe('code');
		expect(params.get('code_challenge_method')).toBe('S256');
		expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(params.get('state')).toBeTruthy();
		expect(params.get('nonce')).toBeTruthy();
		expect(params.get('redirect_uri')).toBe(`${baseURL()}/login/oidc/callback`);
		await page.context().close();
	});

	it('someone the provider knows but Lägesbild does not gets a clear Swedish page, not an error', async () => {
		const page = await newPage(browser);
		await page.goto('/login');
		await page.getByRole('link', { name: 'Logga in med kommunens konto' }).click();
		await signInAtProvider(page, 'okand-4711');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Du finns inte i Lägesbild');
		expect((await page.locator('main').textContent())!.replace(/\s+/g, ' ')).toContain('det finns ingen aktiv person i Lägesbild med anställningsnummer okand-4711');
		expect(await sessionCookie(page.context()), 'not logged in').toBeNull();
		await expectAccessible(page);

		const log = await api(await apiLogin(demo.admin), '/audit?action=login.unknown_user');
		expect(log.body.entries.some((e: { detail: { employeeId: string } }) => e.detail.employeeId === 'okand-4711')).toBe(true);
		await page.context().close();
	});

	it('a provider that does not send the anställningsnummer also gets the Swedish page', async () => {
		const page = await newPage(browser);
		await page.goto('/login/oidc');
		await signInAtProvider(page, 'utan-nummer');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Du finns inte i Lägesbild');
		expect(await page.locator('main').textContent()).toContain('Hej Utan Nummer!');
		await page.context().close();
	});

	it('a login cancelled at the provider comes back as "avbröts"', async () => {
		const page = await newPage(browser);
		await page.goto('/login/oidc');
		await page.getByRole('link', { name: '[ Cancel ]' }).click();
		await page.waitForURL((url) => url.href.startsWith(baseURL()));
		expect(await page.getByRole('alert').textContent()).toBe('Inloggningen avbröts.');
		await expectAccessible(page);
		await page.context().close();
	});

	it('a callback this browser did not start is refused (no login CSRF), and the flow cannot be replayed', async () => {
		const page = await newPage(browser);
		await page.goto('/login/oidc/callback?code=forged&state=forged');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggningen gick inte att slutföra');
		expect(await page.getByRole('alert').textContent()).toContain('påbörjades inte i den här webbläsaren');
		expect(await sessionCookie(page.context())).toBeNull();
		await expectAccessible(page);

		// A real code, used once by the browser; replaying the same callback URL does not log in again.
		await page.goto('/login/oidc');
		let callback = '';
		page.on('request', (r) => {
			if (r.url().startsWith(`${baseURL()}/login/oidc/callback`)) callback = r.url();
		});
		await signInAtProvider(page, saraEmployeeId);
		expect(await sessionCookie(page.context())).not.toBeNull();
		const other = await newPage(browser);
		await other.goto(callback);
		expect(await other.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggningen gick inte att slutföra');
		expect(await sessionCookie(other.context())).toBeNull();
		await page.context().close();
		await other.context().close();
	});
});
