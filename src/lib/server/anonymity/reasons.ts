/**
 * Why a figure or a free-text answer is not shown, in plain Swedish for managers. The texts
 * name the rule, never the number of people in the hidden group.
 */
import type { AnonymityRules, SuppressionReason } from './disclosure';

type Rules = Pick<AnonymityRules, 'minGroup' | 'minTextGroup'>;

/** For the figures of a cell (counts, averages, distributions, cases per caseworker). */
export function reasonText(reason: SuppressionReason, rules: Rules): string {
	switch (reason) {
		case 'empty':
			return 'Inga svar i den här gruppen.';
		case 'too_few':
			return `Färre än ${rules.minGroup} svarande – visas inte för att ingen ska kunna pekas ut.`;
		case 'protects_other_group':
			return 'Dold för att skydda en mindre grupp: annars kunde den räknas fram ur de andra siffrorna.';
		case 'changed_since_earlier_round':
			return `Dold: gruppen har ändrats med färre än ${rules.minGroup} personer sedan en tidigare omgång, så en enskild persons svar kunde räknas fram.`;
	}
}

/** For the free-text answers (motivations) of a cell, which need a larger group. */
export function textReasonText(reason: SuppressionReason, rules: Rules): string {
	switch (reason) {
		case 'empty':
			return 'Inga svar i den här gruppen.';
		case 'too_few':
			return `Motiveringarna visas bara för grupper med minst ${rules.minTextGroup} svarande, så att ingen ska kunna kännas igen på hur de skriver.`;
		case 'protects_other_group':
			return 'Motiveringarna är dolda för att skydda en mindre grupp: annars kunde den gruppens svar pekas ut genom att jämföra med andra grupper.';
		case 'changed_since_earlier_round':
			return `Motiveringarna är dolda: gruppen har ändrats med färre än ${rules.minTextGroup} personer sedan en tidigare omgång, så en enskild persons svar kunde pekas ut.`;
	}
}
