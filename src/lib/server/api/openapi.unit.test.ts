/**
 * The OpenAPI document must describe every route and method that exists, and every JSON answer
 * with the shape of the presenter the handler sends it through (drift check).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument, responseShapes } from './openapi';

const apiRoot = path.resolve('src/routes/api/v1');

function routes(dir = apiRoot): { path: string; methods: string[]; source: string }[] {
	const out: { path: string; methods: string[]; source: string }[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...routes(full));
		else if (entry.name === '+server.ts') {
			const source = readFileSync(full, 'utf8');
			const methods = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
			// Route groups "(x)" add no segment; [param] and [...rest] become {param}.
			const segments = path
				.relative(apiRoot, dir)
				.split(path.sep)
				.filter((s) => s && !/^\(.*\)$/.test(s))
				.map((s) => s.replace(/^\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]$/, '{$1}'));
			const route = '/' + segments.join('/');
			out.push({ path: route, methods, source });
		}
	}
	return out;
}

describe('OpenAPI document', () => {
	const doc = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };

	it('is OpenAPI 3.1 with the request schemas generated from the validators', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.components.schemas.ResponseInput).toMatchObject({ type: 'object', properties: { caseCount: expect.anything(), situationScore: expect.anything() } });
		expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
	});

	it('describes every route and method under /api/v1', () => {
		const found = routes();
		expect(found.length).toBeGreaterThan(8);
		for (const route of found) {
			expect(doc.paths[route.path], `missing path ${route.path}`).toBeDefined();
			for (const method of route.methods) expect(doc.paths[route.path][method], `${method.toUpperCase()} ${route.path}`).toBeDefined();
		}
	});

	it('declares every path parameter and resolves every reference', () => {
		for (const [p, item] of Object.entries(doc.paths)) {
			for (const [, name] of p.matchAll(/\{([^}]+)\}/g)) {
				const params = [item.parameters ?? [], ...Object.values(item).map((op) => (op as { parameters?: unknown[] })?.parameters ?? [])].flat() as { in: string; name: string; required?: boolean }[];
				expect(params.some((x) => x.in === 'path' && x.name === name && x.required), `${p} declares {${name}}`).toBe(true);
			}
		}
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
		expect(refs.length).toBeGreaterThan(0);
		for (const ref of new Set(refs)) {
			const target = ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
			expect(target, ref).toBeTypeOf('object');
		}
	});

	it('describes nothing that does not exist', () => {
		const found = new Map(routes().map((r) => [r.path, r.methods]));
		for (const [p, item] of Object.entries(doc.paths)) {
			expect(found.has(p), `documented but missing: ${p}`).toBe(true);
			for (const method of Object.keys(item).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k))) {
				expect(found.get(p), `${method} ${p}`).toContain(method);
			}
		}
	});

	it('gives every JSON answer of every route the schema of a presenter', () => {
		const self = '/openapi.json';
		for (const [p, item] of Object.entries(doc.paths)) {
			if (p === self) continue;
			for (const [method, op] of Object.entries(item)) {
				if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
				const responses = (op as { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }).responses;
				for (const [status, response] of Object.entries(responses)) {
					if (!/^2/.test(status) || !response.content?.['application/json']) continue;
					expect(responseShapes[p]?.[method]?.[Number(status)], `a presenter for ${method.toUpperCase()} ${p} ${status}`).toBeDefined();
					const shape = response.content['application/json'].schema;
					expect(shape.type ?? shape.anyOf ?? shape.oneOf, `${method.toUpperCase()} ${p} ${status} has a shape`).toBeDefined();
				}
			}
		}
	});

	it('finds every JSON answer of a handler sent through a presenter, never a service result as it is', () => {
		for (const route of routes()) {
			if (route.path === '/openapi.json') continue;
			const calls = [...route.source.matchAll(/\bjson\(\s*([\w.]+)/g)].map((m) => m[1]);
			for (const first of calls) expect(first, `${route.path}: json(${first}…) goes through a presenter`).toMatch(/^present[A-Z]/);
		}
	});
});

