/**
 * The kommun's library of suggested measures (åtgärdsbank) that individual action plans pick
 * from. Individual plans themselves are in schema-core.ts. Re-exported from schema.ts; only lazy
 * references into other schema files (see schema-city-plan.ts).
 */
import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cityPlanAreas } from './schema-city-plan';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// --- Suggested measures (åtgärdsbank) -----------------------------------------------------

/** A measure a manager may suggest, e.g. "Medhandläggare i tunga ärenden". Seeded by migration 0016. */
export const measures = pgTable('measures', {
	id: id(),
	title: text('title').notNull(),
	description: text('description').notNull().default(''),
	position: integer('position').notNull(),
	/** A retired measure is no longer suggested; plans that used it keep their text. */
	retiredAt: timestamp('retired_at', { withTimezone: true }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** The plan areas a measure belongs to (one or more). */
export const measureAreas = pgTable(
	'measure_areas',
	{
		measureId: uuid('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		areaId: uuid('area_id')
			.notNull()
			.references(() => cityPlanAreas.id)
	},
	(t) => [primaryKey({ columns: [t.measureId, t.areaId] })]
);
