import { json } from '@sveltejs/kit';
import { presentReminders } from '$lib/server/api/presenters/rounds';
import { env } from '$lib/server/env';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { mailer } from '$lib/server/mail/mailer';
import { remindOwnStaff } from '$lib/server/rounds/manager-reminders';
import type { RequestHandler } from './$types';

/** The nearest manager reminds own staff who have not answered; once a day per round. */
export const POST: RequestHandler = ({ locals, params, request, url }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		return json(presentReminders(await remindOwnStaff(locals.db, actor, params.roundId, await readJson(request), mailer(), env().ORIGIN ?? url.origin)));
	});
