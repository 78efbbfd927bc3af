import { DomainError } from '$lib/server/errors';
import { formAction, orErrorPage, requireActor } from '$lib/server/http';
import { searchPeople } from '$lib/server/privacy/people';
import { retentionStatus, runRetention } from '$lib/server/privacy/retention';
import type { Actions, PageServerLoad } from './$types';
import { now } from '$lib/server/clock';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const retention = await orErrorPage(() => retentionStatus(event.locals.db, actor));
	const q = event.url.searchParams.get('q') ?? '';
	let found: Awaited<ReturnType<typeof searchPeople>> | null = null;
	let fieldErrors: Record<string, string> = {};
	try {
		found = await searchPeople(event.locals.db, actor, { q });
	} catch (e) {
		if (!(e instanceof DomainError && e.kind === 'invalid')) throw e;
		fieldErrors = e.fieldErrors;
	}
	return { q, found, fieldErrors, retention };
};

export const actions: Actions = {
	retention: async (event) => {
		const actor = requireActor(event);
		return formAction({}, async () => {
			const result = await runRetention(event.locals.db, actor, now(), undefined);
			return {
				done:
					result.rounds.length === 0
						? 'Ingen mätomgång behövde gallras.'
						: `Gallrat: ${result.rounds.map((r) => r.name).join(', ')}. ${result.pseudonymised} svar och deltaganden går inte längre att koppla till någon person.`
			};
		});
	}
};
