/**
 * The address a request comes from, for the audit log and login throttling. Behind a reverse
 * proxy the connection comes from the proxy; the client's address is then in X-Forwarded-For,
 * which anyone can write — so it is believed only from the proxies listed in TRUSTED_PROXIES
 * (addresses or CIDR ranges). The header is read from the right, skipping trusted hops: the
 * first address that is not a trusted proxy is the client.
 *
 * adapter-node's own ADDRESS_HEADER / XFF_DEPTH trust the header from every connection (right
 * only when nothing but the proxy can reach the app); env.ts refuses them together with
 * TRUSTED_PROXIES. See docs/security.md.
 */
import { BlockList, isIP } from 'node:net';
import { env } from './env';

/** IPv4 written as IPv6 (::ffff:10.0.0.1) is the IPv4 address. */
export function normalizeAddress(address: string): string {
	const a = address.trim().replace(/^\[|\]$/g, '');
	return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a;
}

/** The list as a BlockList; throws an English message (env.ts refuses to start) for a bad entry. */
export function parseTrustedProxies(value: string): BlockList {
	const list = new BlockList();
	for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
		const [address, bits] = raw.split('/');
		const family = isIP(address);
		if (!family) throw new Error(`"${raw}" is not an IP address or CIDR range`);
		const type = family === 4 ? 'ipv4' : 'ipv6';
		if (bits === undefined) list.addAddress(address, type);
		else {
			const prefix = Number(bits);
			if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) throw new Error(`"${raw}" has an invalid prefix length`);
			list.addSubnet(address, prefix, type);
		}
	}
	return list;
}

function isTrusted(list: BlockList, address: string): boolean {
	const family = isIP(address);
	return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the connection's (`peer`, from adapter-node), or — when the connection
 * comes from a trusted proxy — the nearest untrusted address in X-Forwarded-For.
 */
export function clientAddress(peer: string, forwardedFor: string | null, trusted: BlockList | null): string {
	let address = normalizeAddress(peer);
	if (!trusted) return address;
	const hops = (forwardedFor ?? '').split(',').map(normalizeAddress).filter(Boolean);
	while (isTrusted(trusted, address) && hops.length > 0) address = hops.pop()!;
	return address;
}

let cached: { value: string | undefined; list: BlockList | null } | undefined;

/** TRUSTED_PROXIES from the settings, parsed once. */
export function trustedProxies(): BlockList | null {
	const value = env().TRUSTED_PROXIES;
	if (!cached || cached.value !== value) cached = { value, list: value ? parseTrustedProxies(value) : null };
	return cached.list;
}
