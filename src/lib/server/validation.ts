/** Turns Zod results into DomainErrors with Swedish messages, per field. */
import type { z } from 'zod';
import { invalid } from './errors';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fieldErrors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.') || '_';
		fieldErrors[key] ??= issue.message;
	}
	const count = Object.keys(fieldErrors).length;
	throw invalid(
		count === 1 ? 'Ett fält behöver rättas.' : `${count} fält behöver rättas.`,
		fieldErrors
	);
}

/** FormData → plain object (last value wins; checkboxes with several values become arrays). */
export function formToObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of new Set(form.keys())) {
		const values = form.getAll(key).map((v) => (typeof v === 'string' ? v : ''));
		out[key] = arrays.includes(key) ? values : values[values.length - 1];
	}
	for (const key of arrays) out[key] ??= [];
	return out;
}
