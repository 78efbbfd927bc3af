import { json } from '@sveltejs/kit';
import { presentReminders } from '$lib/server/api/presenters/rounds';
import { env } from '$lib/server/env';
import { apiCall, requireApiActor } from '$lib/server/http';
import { mailer } from '$lib/server/mail/mailer';
import { remindNonRespondents } from '$lib/server/rounds/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ locals, params, url }) =>
	apiCall(async () => {
		const result = await remindNonRespondents(locals.db, requireApiActor(locals), params.roundId, mailer(), env().ORIGIN ?? url.origin);
		return json(presentReminders(result));
	});
