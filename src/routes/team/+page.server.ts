import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { mailer } from '$lib/server/mail/mailer';
import { env } from '$lib/server/env';
import { remindOwnStaff, staffProgress } from '$lib/server/rounds/manager-reminders';
import { defaultTeamRoundId, teamContext, teamRounds, teamView } from '$lib/server/team/service';
import { formToObject } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const rounds = await orErrorPage(() => teamRounds(event.locals.db, actor));
	const roundId = event.url.searchParams.get('round') ?? (await defaultTeamRoundId(event.locals.db, actor)) ?? rounds[0]?.id;
	if (!roundId) return { rounds: [], view: null, progress: null, context: null };
	const view = await orErrorPage(() => teamView(event.locals.db, actor, roundId));
	return {
		rounds: rounds.map((r) => ({ id: r.id, name: r.name, status: r.status })),
		view: { round: { id: view.round.id, name: view.round.name, status: view.round.status, closesAt: view.round.closesAt }, members: view.members, summary: view.summary },
		progress: view.round.status === 'open' ? await orErrorPage(() => staffProgress(event.locals.db, actor, roundId)) : null,
		context: await orErrorPage(() => teamContext(event.locals.db, actor, view.round, view.members))
	};
};

export const actions: Actions = {
	remind: async (event) => {
		const actor = requireActor(event);
		const values = formToObject(await event.request.formData());
		return formAction(values, async () => {
			const sent = await remindOwnStaff(event.locals.db, actor, String(values.roundId ?? ''), values, mailer(), env().ORIGIN ?? event.url.origin);
			const emailed = sent.emailed > 0 ? ` ${sent.emailed} av dem fick också ett e-postmeddelande.` : '';
			return { reminded: sent.reminded === 0 ? 'Alla har redan svarat, så ingen behövde påminnas.' : `Påminnelsen visas nu på startsidan för ${sent.reminded} medarbetare som inte har svarat.${emailed}` };
		});
	}
};
