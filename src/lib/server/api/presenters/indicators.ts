/** Indicators (personalrörlighet, konsulter, VFU, …): definitions, one indicator's figures, saving a period. */
import { z } from 'zod';
import { INDICATOR_KINDS, INDICATOR_PERIOD_TYPES, INDICATOR_SPLITS } from '$lib/domain';
import { dateTime, id, presenter, unitRef } from './presenter';

const kind = z.enum(INDICATOR_KINDS);
const periodType = z.enum(INDICATOR_PERIOD_TYPES);
const split = z.enum(INDICATOR_SPLITS);
const reportingUnit = z.object({ id, name: z.string(), kind: z.enum(['kommun', 'forvaltning']), path: z.string(), depth: z.number().int() });
const series = z.object({
	name: z.string(),
	values: z.array(z.number().nullable()),
	partial: z.array(z.string().nullable()).optional().describe('Per value: why it is incomplete (a city figure from only some förvaltningar: "7 av 14 förvaltningar har rapporterat"), or null.')
});

const definition = z.object({
	id,
	key: z.string(),
	name: z.string(),
	description: z.string(),
	kind,
	unit: z.string(),
	numeratorLabel: z.string().nullable(),
	denominatorLabel: z.string().nullable(),
	periodType,
	higherIsBetter: z.boolean(),
	target: z.number().nullable().describe('The city’s target.'),
	unitTarget: z.number().nullable().describe('Each förvaltning’s target.'),
	splits: z.array(split),
	builtin: z.boolean(),
	active: z.boolean(),
	sortOrder: z.number().int()
});

export const presentIndicators = presenter(
	z.object({ indicators: z.array(definition), units: z.array(z.object({ id, name: z.string(), kind: z.enum(['kommun', 'forvaltning']) })) })
);

const panelDef = z.object({ key: z.string(), name: z.string(), description: z.string(), unit: z.string(), kind, decimals: z.number().int(), higherIsBetter: z.boolean(), periodType });

export const presentIndicatorDetail = presenter(
	z.object({
		def: panelDef,
		target: z.number().nullable(),
		unitTarget: z.number().nullable(),
		unit: reportingUnit,
		units: z.array(reportingUnit),
		panel: z.object({
			def: panelDef,
			periods: z.array(z.string()),
			categories: z.array(z.string()),
			series: z.array(series),
			target: z.number().nullable(),
			yMax: z.number(),
			latest: z
				.object({
					label: z.string(),
					text: z.string(),
					meets: z.boolean().nullable(),
					previousText: z.string().nullable(),
					previousLabel: z.string().nullable(),
					note: z.string().nullable(),
					partial: z.string().nullable().describe('The latest figure is a partial sum: how many förvaltningar reported.')
				})
				.nullable()
		}),
		splits: z
			.array(z.object({ split, label: split, series: z.array(series), yMax: z.number(), hiddenPeriods: z.array(z.string()).describe('Periods whose split is hidden whole: a group in it is smaller than minGroup.') }))
			.describe('A split is shown whole or not at all.'),
		comparison: z
			.object({
				periods: z.array(z.string()),
				labels: z.array(z.string()),
				latestLabel: z.string().nullable(),
				rows: z.array(z.object({ unit: unitRef, values: z.array(z.number().nullable()), texts: z.array(z.string()), meets: z.boolean().nullable() }))
			})
			.nullable()
			.describe('The förvaltningar side by side (for a kommun).'),
		countDays: z.array(z.object({ year: z.number().int(), label: z.string(), april: z.string(), november: z.string() })).nullable(),
		minGroup: z.number().int(),
		history: z.array(
			z.object({
				at: dateTime,
				by: z.string().nullable(),
				indicator: z.string(),
				indicatorKey: z.string(),
				period: z.string(),
				periodLabel: z.string(),
				dimension: z.enum(['total', ...INDICATOR_SPLITS]),
				category: z.string(),
				split: z.string(),
				action: z.string(),
				oldValue: z.number().nullable(),
				newValue: z.number().nullable(),
				oldBase: z.number().nullable(),
				newBase: z.number().nullable(),
				source: z.string(),
				oldText: z.string(),
				newText: z.string()
			})
		)
	})
);

export const presentSavedEntries = presenter(
	z.object({ saved: z.number().int(), warnings: z.record(z.string(), z.string()).describe('Implausible jumps, per field.'), needsConfirmation: z.boolean() })
);
