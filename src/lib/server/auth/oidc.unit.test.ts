/** The single sign-on settings: the app refuses to start with settings that cannot work. */
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { safeNext } from './login-method';

describe('single sign-on settings', () => {
	const base = { OIDC_ISSUER: 'https://login.kommun.se/realms/personal', OIDC_CLIENT_ID: 'lagesbild' };

	it('reads the issuer, client and claim, with employee_id as the default claim', () => {
		expect(parseEnv({ ...base, OIDC_CLIENT_SECRET: 's' })).toMatchObject({ ...base, OIDC_CLIENT_SECRET: 's', OIDC_CLAIM: 'employee_id', OIDC_SCOPE: 'openid profile' });
		expect(parseEnv({ ...base, OIDC_CLAIM: 'urn:oid:1.2.752.29.4.13' }).OIDC_CLAIM).toBe('urn:oid:1.2.752.29.4.13');
	});

	it('refuses an issuer without a client id, and plain http except on this machine', () => {
		expect(() => parseEnv({ OIDC_ISSUER: base.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: is required when OIDC_ISSUER is set/);
		expect(() => parseEnv({ ...base, OIDC_ISSUER: 'http://login.kommun.se' })).toThrow(/OIDC_ISSUER: must be an https address/);
		expect(parseEnv({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4000' }).OIDC_ISSUER).toBe('http://127.0.0.1:4000');
	});

	it('refuses to switch off local accounts when there is no single sign-on: nobody could log in', () => {
		expect(() => parseEnv({ LOCAL_LOGIN: 'off' })).toThrow(/LOCAL_LOGIN: is off, but no single sign-on is configured/);
		expect(parseEnv({ ...base, LOCAL_LOGIN: 'off' }).LOCAL_LOGIN).toBe('off');
	});

	it('sends people back only to paths of this app after login', () => {
		expect(['/my/history', '//evil.example', '/\\evil.example', 'https://evil.example', null, ''].map(safeNext)).toEqual(['/my/history', '/', '/', '/', '/', '/']);
	});
});
