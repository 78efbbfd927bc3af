/** Issue 12, item 3: a proxy's X-Forwarded-For is believed only from TRUSTED_PROXIES. */
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';
import { parseEnv } from './env';

describe('the client address behind a reverse proxy', () => {
	const proxies = parseTrustedProxies('10.0.0.5, 10.1.0.0/16, 2001:db8::/32');

	it('without TRUSTED_PROXIES: the connection, whatever the header says', () => {
		expect(clientAddress('198.51.100.7', '203.0.113.1', null)).toBe('198.51.100.7');
		expect(clientAddress('::ffff:198.51.100.7', null, null)).toBe('198.51.100.7');
	});

	it('from a trusted proxy: the nearest untrusted address in X-Forwarded-For', () => {
		expect(clientAddress('10.0.0.5', '203.0.113.1', proxies)).toBe('203.0.113.1');
		expect(clientAddress('::ffff:10.0.0.5', 'forged, 203.0.113.1, 10.1.2.3', proxies), 'two trusted hops; the forged left part is never reached').toBe('203.0.113.1');
		expect(clientAddress('2001:db8::1', '2a00:1450::5', proxies)).toBe('2a00:1450::5');
	});

	it('from anyone else: the header is ignored (it could be forged)', () => {
		expect(clientAddress('198.51.100.7', '10.0.0.1', proxies)).toBe('198.51.100.7');
	});

	it('a trusted proxy without a header is itself the client', () => {
		expect(clientAddress('10.0.0.5', null, proxies)).toBe('10.0.0.5');
	});

	it('refuses to start with a bad entry, or with adapter-node’s ADDRESS_HEADER as well', () => {
		expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.5, proxy.kommun.se' })).toThrow(/TRUSTED_PROXIES: "proxy.kommun.se" is not an IP address or CIDR range/);
		expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/invalid prefix length/);
		expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.5', ADDRESS_HEADER: 'x-forwarded-for' })).toThrow(/ADDRESS_HEADER: trusts the header from every connection/);
		expect(parseEnv({ TRUSTED_PROXIES: '10.0.0.5' }).TRUSTED_PROXIES).toBe('10.0.0.5');
	});

	it('login limits: the per-address limit is configurable and defaults far above the per-account one', () => {
		const e = parseEnv({});
		expect(e.LOGIN_MAX_PER_ADDRESS).toBeGreaterThanOrEqual(50 * e.LOGIN_MAX_FAILURES);
		expect(parseEnv({ LOGIN_MAX_PER_ADDRESS: '5000' }).LOGIN_MAX_PER_ADDRESS).toBe(5000);
		expect(() => parseEnv({ LOGIN_MAX_PER_ADDRESS: '2' })).toThrow(/LOGIN_MAX_PER_ADDRESS/);
	});
});
