/**
 * Why a figure or a free-text answer is not shown, in plain Swedish for managers. The texts
 * name the rule, never the number of people in the hidden group, and one text covers "fewer
 * than the limit, including none": telling an empty group from a small one would be a count.
 */
import type { AnonymityRules, SuppressionReason } from './disclosure';

type Rules = Pick<AnonymityRules, 'minGroup' | 'minTextGroup'>;

/**
 * What a cell counts: survey respondents, members of an open round (its progress), employees who
 * reported incidents, employees with individual action plans, or social workers who filled in
 * checklists at closed investigations.
 */
export type ReasonSubject = 'respondents' | 'members' | 'employees' | 'plans' | 'checklists';

const few: Record<ReasonSubject, (k: number) => string> = {
	respondents: (k) => `Färre än ${k} svarande (eller inga)`,
	members: (k) => `Färre än ${k} medarbetare i gruppen (eller inga)`,
	employees: (k) => `Färre än ${k} medarbetare med rapporterade händelser (eller inga)`,
	plans: (k) => `Färre än ${k} medarbetare med handlingsplaner (eller inga)`,
	checklists: (k) => `Färre än ${k} socialsekreterare som fyllt i checklistor (eller inga)`
};

const earlier: Record<ReasonSubject, string> = {
	respondents: 'en grupp som visats för en tidigare mätomgång',
	members: 'en annan grupp',
	employees: 'en grupp som visats för ett tidigare år',
	plans: 'en grupp som visats för en annan status',
	checklists: 'en grupp som visats för ett tidigare tertial'
};

/** For the figures of a cell (counts, averages, distributions, cases per caseworker). */
export function reasonText(reason: SuppressionReason, rules: Rules, subject: ReasonSubject = 'respondents'): string {
	switch (reason) {
		case 'too_few':
			return `${few[subject](rules.minGroup)} – visas inte för att ingen ska kunna pekas ut.`;
		case 'protects_other_group':
			return 'Dold för att skydda en mindre grupp: annars kunde den räknas fram ur de andra siffrorna.';
		case 'changed_since_earlier_round':
			return `Dold: gruppen skiljer sig med färre än ${rules.minGroup} personer från ${earlier[subject]}, så en enskild persons uppgifter kunde räknas fram.`;
	}
}

/** For a statement whose mean and distribution are withheld in a shown group (rule 5). */
export function homogeneousReasonText(): string {
	return 'Medelvärde och fördelning visas inte: i en del av gruppen gav alla samma svar, så var och ens svar skulle gå att utläsa.';
}

/** For the free-text answers (motivations) of a cell, which need a larger group. */
export function textReasonText(reason: SuppressionReason, rules: Rules): string {
	switch (reason) {
		case 'too_few':
			return `Motiveringarna visas bara för grupper med minst ${rules.minTextGroup} svarande, så att ingen ska kunna kännas igen på hur de skriver.`;
		case 'protects_other_group':
			return 'Motiveringarna är dolda för att skydda en mindre grupp: annars kunde den gruppens svar pekas ut genom att jämföra med andra grupper.';
		case 'changed_since_earlier_round':
			return `Motiveringarna är dolda: gruppen skiljer sig med färre än ${rules.minTextGroup} personer från en grupp som visats för en tidigare mätomgång, så en enskild persons svar kunde pekas ut.`;
	}
}
