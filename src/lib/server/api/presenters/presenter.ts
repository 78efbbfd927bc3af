/**
 * A presenter is the public JSON shape of one API answer, as a Zod schema. The service's result
 * is first put in its wire form (dates become ISO strings, as `json()` would send them), then
 * parsed by the schema: a field the schema does not name is dropped, so a new column or an
 * internal rename never reaches a client unnoticed. The OpenAPI document is generated from the
 * same schemas (openapi.ts), and the e2e API tests check that every real answer parses to itself.
 */
import { z } from 'zod';

export interface Presenter<S extends z.ZodType> {
	(value: unknown): z.output<S>;
	schema: S;
}

export function presenter<S extends z.ZodType>(schema: S): Presenter<S> {
	const present = (value: unknown) => schema.parse(JSON.parse(JSON.stringify(value ?? null)));
	return Object.assign(present, { schema });
}

/** The JSON Schema of a presenter, for the OpenAPI document. */
export function jsonSchemaOf(p: { schema: z.ZodType }): object {
	const { $schema: _, ...rest } = z.toJSONSchema(p.schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
	return rest;
}

/** Wire types used across presenters. */
export const id = z.uuid();
export const dateTime = z.iso.datetime({ offset: true });
export const date = z.iso.date();
export const unitRef = z.object({ id, name: z.string() });
