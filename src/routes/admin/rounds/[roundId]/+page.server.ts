import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { mailer } from '$lib/server/mail/mailer';
import { closeRound, openRound, remindNonRespondents, roundAdministration } from '$lib/server/rounds/service';
import { env } from '$lib/server/env';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { round, progress, missingCount } = await orErrorPage(() => roundAdministration(event.locals.db, actor, event.params.roundId));
	return {
		round,
		progress,
		missingCount,
		emailConfigured: mailer() !== null,
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	open: async (event) => {
		const actor = requireActor(event);
		return formAction({}, async () => {
			await openRound(event.locals.db, actor, event.params.roundId);
			return { done: 'Mätomgången är öppen. Medarbetarna ser den på sin startsida.' };
		});
	},
	close: async (event) => {
		const actor = requireActor(event);
		return formAction({}, async () => {
			await closeRound(event.locals.db, actor, event.params.roundId);
			return { done: 'Mätomgången är stängd. Rapporterna visar nu resultatet.' };
		});
	},
	remind: async (event) => {
		const actor = requireActor(event);
		return formAction({}, async () => {
			const r = await remindNonRespondents(event.locals.db, actor, event.params.roundId, mailer(), env().ORIGIN ?? event.url.origin);
			return { done: `${r.reminded} påminnelser skickade${r.emailed ? ` (${r.emailed} med e-post)` : ' (visas på startsidan)'}.` };
		});
	}
};
