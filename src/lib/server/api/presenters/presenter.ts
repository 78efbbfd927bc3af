/**
 * A presenter is the public JSON shape of one API answer, as a Zod schema. The service's result
 * is first put in its wire form (dates become ISO strings, as `json()` would send them), then
 * parsed by the schema: a field the schema does not name is dropped, so a new column or an
 * internal rename never reaches a client unnoticed. The OpenAPI document is generated from the
 * same schemas (openapi.ts), and the e2e API tests check that every real answer parses to itself.
 */
import { getTableColumns, type Column, type Table } from 'drizzle-orm';
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
	const { $schema: _, ...rest } = z.toJSONSchema(p.schema, {
		io: 'output',
		unrepresentable: 'any',
		// A format (uuid, date-time, date) says it; the long regular expression beside it says nothing more.
		override: ({ jsonSchema }) => {
			if (jsonSchema.format) delete jsonSchema.pattern;
		}
	}) as Record<string, unknown>;
	return rest;
}

/** Wire types used across presenters. */
export const id = z.guid();
export const dateTime = z.iso.datetime({ offset: true });
export const date = z.iso.date();
export const unitRef = z.object({ id, name: z.string() });

/**
 * The wire schema of some columns of a table, named one by one: a row the API sends as stored
 * shows exactly these fields, and a column added later stays internal until it is named here.
 */
export function columnsOf<T extends Table>(table: T, names: readonly (keyof T['_']['columns'] & string)[]) {
	const all = getTableColumns(table) as Record<string, Column>;
	return z.object(Object.fromEntries(names.map((name) => [name, wireOf(all[name])])));
}

function wireOf(column: Column): z.ZodType {
	const base = wireBase(column);
	return column.notNull ? base : base.nullable();
}

function wireBase(column: Column): z.ZodType {
	if (column.enumValues?.length) return z.enum(column.enumValues as [string, ...string[]]);
	switch (column.columnType) {
		case 'PgUUID':
			return id;
		case 'PgTimestamp':
			return dateTime;
		case 'PgDateString':
			return date;
		case 'PgInteger':
		case 'PgSmallInt':
		case 'PgBigInt53':
		case 'PgBigSerial53':
			return z.number().int();
		case 'PgDoublePrecision':
		case 'PgNumericNumber':
			return z.number();
		case 'PgBoolean':
			return z.boolean();
		case 'PgText':
			return z.string();
		case 'PgJsonb':
			return z.unknown();
		case 'PgArray':
			return z.array(wireBase((column as unknown as { baseColumn: Column }).baseColumn));
	}
	throw new Error(`No wire type for the column ${column.name} (${column.columnType}).`);
}
