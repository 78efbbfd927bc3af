/**
 * The access rules stay in one place, by a look at the source:
 * - the nearest-manager rule (roles, unit kinds) and the valid-date window of an assignment are
 *   written only in access/rules.ts; everything else asks it (in JS or in SQL);
 * - forbidden looks like not found (decision 0003): no service or route refuses access with 403.
 *   The 'forbidden' kind is left for refusals that are not about who the caller is: a change
 *   sent from another site (auth/csrf.ts) and password login switched off (auth/login.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../..');
const ALLOWED = ['lib/server/auth/csrf.ts', 'lib/server/auth/login.ts', 'lib/server/errors.ts', 'lib/server/api/openapi.ts'];

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return sources(full);
		return /\.(ts|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
	});
}

const files = () => sources(src).map((file) => [path.relative(src, file).split(path.sep).join('/'), readFileSync(file, 'utf8')] as const);

describe('the nearest-manager rule and the valid-date window', () => {
	it('are written only in access/rules.ts', () => {
		const restated = /[([]\s*'unit_manager',\s*'deputy_unit_manager'\s*[)\]]|[([]\s*'enhet',\s*'arbetsgrupp'\s*[)\]]|valid_from is null or|validFrom === null \|\||valid_to is null or|validTo === null \|\||valid(From|To)\} is null/;
		const offenders = files()
			.filter(([rel]) => rel !== 'lib/server/access/rules.ts')
			.filter(([, text]) => restated.test(text))
			.map(([rel]) => rel);
		expect(offenders).toEqual([]);
	});
});

describe('no 403 for access', () => {
	it('nothing outside the named exceptions refuses as forbidden or answers 403', () => {
		const offenders = files()
			.filter(([rel]) => !ALLOWED.includes(rel))
			.filter(([, text]) => /'forbidden'|\bforbidden\(|error\(403|status: 403|fail\(403/.test(text))
			.map(([rel]) => rel);
		expect(offenders).toEqual([]);
	});
});
