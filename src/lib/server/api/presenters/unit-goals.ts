/** The unit's goals and checklists (issue 14): the compilation, one's own checklists, and a saved one. */
import { z } from 'zod';
import { CHECKLIST_ANSWERS, CLIENT_AGE_BANDS, CLIENT_GENDERS, ORG_UNIT_KINDS } from '$lib/domain';
import { disclosedCount } from './disclosure';
import { date, id, presenter } from './presenter';

export const checklistPeriod = z.object({
	key: z.string().describe("'2026-T1', '2026-T2', '2026-T3', '2026' (the year, bokslut) or 'from..to'."),
	label: z.string(),
	from: date,
	to: date,
	tertials: z.array(z.string())
});

const unit = z.object({ id, name: z.string(), kind: z.enum(ORG_UNIT_KINDS) });
const share = z.number().nullable();
const figure = z
	.object({
		ja: z.number().int(),
		nej: z.number().int(),
		ejAktuellt: z.number().int(),
		share,
		byGender: z.object(Object.fromEntries(CLIENT_GENDERS.map((g) => [g, z.object({ share, answered: z.number().int() })])) as Record<(typeof CLIENT_GENDERS)[number], z.ZodObject<{ share: typeof share; answered: z.ZodNumber }>>).nullable()
	})
	.nullable()
	.describe('null: withheld above the enhet, because everyone in a part of the group had the same share.');
const figures = z.object({ checklists: z.number().int(), items: z.record(z.string(), figure), goals: z.record(z.string(), figure) });

export const presentCompilation = presenter(
	z.object({
		viewer: z.enum(['staff', 'manager', 'above']).describe('staff: the enhet’s own; manager: its nearest manager (per person for own staff); above: closed periods through the anonymity rule.'),
		unit,
		enhet: z.object({ id, name: z.string() }),
		choices: z.array(unit),
		period: checklistPeriod,
		periods: z.array(checklistPeriod),
		goals: z.array(z.object({ id, title: z.string(), expectedShare: z.number().int(), subgoalId: id.nullable(), itemIds: z.array(id) })),
		items: z.array(z.object({ id, question: z.string(), goalId: id.nullable() })),
		rows: z.array(z.object({ unit, isTotal: z.boolean(), cell: disclosedCount(figures) })),
		trend: z.object({ periods: z.array(checklistPeriod), goals: z.record(z.string(), z.array(share)) }),
		people: z
			.array(z.object({ personId: id, name: z.string(), checklists: z.number().int(), goals: z.record(z.string(), share), items: z.record(z.string(), share) }))
			.nullable()
			.describe('Per person: only for the nearest manager, of their own staff (audited).'),
		rules: z.object({ minGroup: z.number().int() })
	})
);

const ownChecklist = z.object({
	id,
	closedOn: date,
	clientGender: z.enum(CLIENT_GENDERS),
	ageBand: z.enum(CLIENT_AGE_BANDS),
	answers: z.record(z.string(), z.enum(CHECKLIST_ANSWERS)).describe('Item id → answer.')
});
export const presentOwnChecklist = presenter(ownChecklist);

export const presentMyChecklists = presenter(
	z.object({
		enhet: z.object({ id, name: z.string() }),
		goals: z.array(z.object({ id, title: z.string(), expectedShare: z.number().int() })),
		items: z.array(z.object({ id, question: z.string(), goalId: id.nullable() })).describe('The checklist to fill in: every item must be answered.'),
		checklists: z.array(ownChecklist).describe('The latest 200, newest first.')
	})
);
