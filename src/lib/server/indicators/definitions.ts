/**
 * The built-in indicators: what the city follows according to the 2021 report and the plan
 * (personalrörlighet, konsulter, VFU, sjukfrånvaro, ledarutvecklingsprogrammet,
 * förstärkningsteamen). They are inserted into `indicators` the first time they are needed;
 * administrators may change their targets and descriptions but not what they measure.
 */
import type { IndicatorKind, IndicatorPeriodType, IndicatorSplit } from '$lib/domain';

export interface BuiltinIndicator {
	key: string;
	name: string;
	description: string;
	kind: IndicatorKind;
	unit: string;
	numeratorLabel?: string;
	denominatorLabel?: string;
	periodType: IndicatorPeriodType;
	higherIsBetter: boolean;
	target?: number;
	unitTarget?: number;
	splits: IndicatorSplit[];
	sortOrder: number;
}

export const BUILTIN_INDICATORS: BuiltinIndicator[] = [
	{
		key: 'turnover',
		name: 'Personalrörlighet',
		description:
			'Andel av socialsekreterarna och biståndshandläggarna som slutat under året: antal som slutat delat med genomsnittligt antal anställda. Byten inom förvaltningen räknas inte.',
		kind: 'rate',
		unit: '%',
		numeratorLabel: 'Antal som slutat',
		denominatorLabel: 'Genomsnittligt antal anställda',
		periodType: 'year',
		higherIsBetter: false,
		splits: ['title', 'gender'],
		sortOrder: 10
	},
	{
		key: 'consultants',
		name: 'Antal konsulter',
		description:
			'Inhyrda konsulter (socionomkonsulter) i verksamheterna en given dag i april och en given dag i november. En konsult kostar omkring 100 000 kr i månaden, två anställda socialsekreterares löner.',
		kind: 'count',
		unit: 'konsulter',
		periodType: 'count_day',
		higherIsBetter: false,
		splits: ['title', 'gender'],
		sortOrder: 20
	},
	{
		key: 'vfu_places',
		name: 'VFU-platser som erbjudits',
		description: 'Platser för verksamhetsförlagd utbildning (VFU) som erbjudits socionomprogrammen under terminen. Stadens mål är 100 platser per termin.',
		kind: 'count',
		unit: 'platser',
		periodType: 'semester',
		higherIsBetter: true,
		target: 100,
		splits: [],
		sortOrder: 30
	},
	{
		key: 'vfu_students',
		name: 'VFU-studenter som tagits emot',
		description: 'Socionomstudenter som gjort sin verksamhetsförlagda utbildning i förvaltningen under terminen. Kan räknas från enheternas registreringar av VFU-studenter.',
		kind: 'count',
		unit: 'studenter',
		periodType: 'semester',
		higherIsBetter: true,
		splits: ['gender'],
		sortOrder: 40
	},
	// Issue 14, part 3 (decision 0020): counted from the enheter's introduction programmes, not typed in.
	{
		key: 'new_employees',
		name: 'Nyanställda socialsekreterare och biståndshandläggare',
		description: 'Handläggare som började under terminen (från HR-importen eller introduktionsprogrammets startdag). Räknas från enheternas registreringar.',
		kind: 'count',
		unit: 'personer',
		periodType: 'semester',
		higherIsBetter: true,
		splits: [],
		sortOrder: 42
	},
	{
		key: 'introduction_with_mentor',
		name: 'Nyanställda med introduktionsprogram och mentor',
		description: 'Andel av de nyanställda under terminen som fått ett introduktionsprogram med en namngiven mentor. Räknas från enheternas registreringar; visas inte för färre nyanställda än den minsta gruppen.',
		kind: 'rate',
		unit: '%',
		numeratorLabel: 'Med program och mentor',
		denominatorLabel: 'Nyanställda',
		periodType: 'semester',
		higherIsBetter: true,
		target: 100,
		splits: [],
		sortOrder: 44
	},
	{
		key: 'introduction_completed',
		name: 'Introduktionsprogram klara inom sex månader',
		description: 'Andel av de nyanställda som började under terminen och vars sex månader har gått, som blev klara med programmet inom sex månader. Räknas från enheternas registreringar; visas inte för färre än den minsta gruppen.',
		kind: 'rate',
		unit: '%',
		numeratorLabel: 'Klara inom sex månader',
		denominatorLabel: 'Nyanställda vars sex månader har gått',
		periodType: 'semester',
		higherIsBetter: true,
		splits: [],
		sortOrder: 46
	},
	{
		key: 'sick_leave_short',
		name: 'Sjukfrånvaro, kort (dag 1–14)',
		description: 'Korttidssjukfrånvaro bland socialsekreterare och biståndshandläggare under tertialet, i procent av den schemalagda tiden.',
		kind: 'percent',
		unit: '%',
		periodType: 'tertial',
		higherIsBetter: false,
		splits: ['title', 'gender'],
		sortOrder: 50
	},
	{
		key: 'sick_leave_long',
		name: 'Sjukfrånvaro, lång (dag 15 och längre)',
		description: 'Längre sjukfrånvaro bland socialsekreterare och biståndshandläggare under tertialet, i procent av den schemalagda tiden.',
		kind: 'percent',
		unit: '%',
		periodType: 'tertial',
		higherIsBetter: false,
		splits: ['title', 'gender'],
		sortOrder: 60
	},
	{
		key: 'leadership_programme',
		name: 'Deltagare i ledarutvecklingsprogrammet',
		description: 'Chefer som deltagit i stadens ledarutvecklingsprogram under året, per chefsnivå.',
		kind: 'count',
		unit: 'deltagare',
		periodType: 'year',
		higherIsBetter: true,
		splits: ['level', 'gender'],
		sortOrder: 70
	},
	{
		key: 'reinforcement_assignments',
		name: 'Uppdrag för förstärkningsteamen',
		description:
			'Uppdrag som stadens förstärkningsteam (barn och unga sedan 2016, ekonomiskt bistånd sedan 2019) haft i förvaltningen under tertialet, vid vakanser eller tillfälliga arbetstoppar.',
		kind: 'count',
		unit: 'uppdrag',
		periodType: 'tertial',
		higherIsBetter: false,
		splits: ['area'],
		sortOrder: 80
	}
];

/** A built-in indicator as a stored definition (without id): what the insert writes. */
export function builtinDefinition(b: BuiltinIndicator) {
	return {
		key: b.key,
		builtin: true,
		active: true,
		name: b.name,
		description: b.description,
		kind: b.kind,
		unit: b.unit,
		numeratorLabel: b.numeratorLabel ?? null,
		denominatorLabel: b.denominatorLabel ?? null,
		periodType: b.periodType,
		higherIsBetter: b.higherIsBetter,
		target: b.target ?? null,
		unitTarget: b.unitTarget ?? null,
		splits: b.splits,
		sortOrder: b.sortOrder
	};
}
