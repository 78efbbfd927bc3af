import { redirect } from '@sveltejs/kit';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { mailer } from '$lib/server/mail/mailer';
import { openingPreview } from '$lib/server/rounds/opening';
import { closeRound, openRound, remindNonRespondents, roundAdministration } from '$lib/server/rounds/service';
import { env } from '$lib/server/env';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const { round, progress, missingCount } = await orErrorPage(() => roundAdministration(event.locals.db, actor, event.params.roundId));
	return {
		round,
		progress,
		missingCount,
		/** A draft: who opening it would ask, and the open rounds that already ask some of them. */
		opening: round.status === 'draft' ? await openingPreview(event.locals.db, actor, round.id) : null,
		/** The confirmation step of opening (a page of its own, so it works without JavaScript). */
		confirmOpen: round.status === 'draft' && event.url.searchParams.get('confirm') === 'open',
		emailConfigured: mailer() !== null,
		created: event.url.searchParams.has('created')
	};
};

export const actions: Actions = {
	open: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			// Opening asks many people at once: only from the confirmation step (for those who may open it; others get 404).
			if (values.confirmed !== 'ja') {
				await openingPreview(event.locals.db, actor, event.params.roundId);
				redirect(303, `/admin/rounds/${event.params.roundId}?confirm=open`);
			}
			await openRound(event.locals.db, actor, event.params.roundId, values);
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
