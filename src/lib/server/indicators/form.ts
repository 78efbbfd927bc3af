/**
 * The entry form's fields as entries for saveEntries: "consultants.total" (value),
 * "turnover.title.socialsekreterare.base" (a rate's denominator), "consultants.countMonth",
 * "consultants.note". Every figure field of the form is sent, so an emptied field removes the
 * figure.
 */
import type { Entry } from './service';

const FIELD = /^([a-z0-9_]+)\.(total|title|gender|level|area)(?:\.([a-z_]+))?$/;

export function entriesFromForm(values: Record<string, unknown>): { unit: unknown; period: unknown; confirm: unknown; entries: Entry[] } {
	const str = (v: unknown) => (typeof v === 'string' ? v : '');
	const entries: Entry[] = [];
	for (const [name, raw] of Object.entries(values)) {
		const m = FIELD.exec(name);
		if (!m || name.endsWith('.base')) continue;
		const [, indicator, dimension, category = ''] = m;
		if (category === 'base') continue;
		const entry: Entry = { indicator, dimension: dimension as Entry['dimension'], category, value: str(raw) };
		if (`${name}.base` in values) entry.base = str(values[`${name}.base`]);
		if (dimension === 'total') {
			if (`${indicator}.countMonth` in values) entry.countMonth = str(values[`${indicator}.countMonth`]);
			if (`${indicator}.note` in values) entry.note = str(values[`${indicator}.note`]);
		}
		entries.push(entry);
	}
	return { unit: values.unit, period: values.period, confirm: values.confirm, entries };
}
