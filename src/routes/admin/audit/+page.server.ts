import { actionGroups, actionLabel, searchAudit } from '$lib/server/audit/search';
import { DomainError } from '$lib/server/errors';
import { orErrorPage, requireActor } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const values = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	const actions = [...actionGroups, ...Object.entries(actionLabel).map(([value, label]) => ({ value, label }))];
	return orErrorPage(async () => {
		try {
			return { values, actions, result: await searchAudit(event.locals.db, actor, values), fieldErrors: {} as Record<string, string>, message: null };
		} catch (e) {
			// A search with a mistake in it shows the form with the message, not an error page.
			if (e instanceof DomainError && e.kind === 'invalid') return { values, actions, result: null, fieldErrors: e.fieldErrors, message: e.message };
			throw e;
		}
	});
};
