import { enhetLeadUnits } from '$lib/server/access/policy';
import { DomainError } from '$lib/server/errors';
import { orErrorPage, requireActor } from '$lib/server/http';
import { compilation } from '$lib/server/unit-goals/service';
import type { PageServerLoad } from './$types';

/** ?unit=…&period=2026-T2 | 2026 | from..to (or from= & to= from the date fields). */
export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const q = event.url.searchParams;
	const from = q.get('from');
	const to = q.get('to');
	const period = from || to ? `${from ?? ''}..${to ?? ''}` : q.get('period');
	const read = (p: string | null) => compilation(event.locals.db, actor, { unit: q.get('unit'), period: p });
	let periodError: string | null = null;
	const view = await orErrorPage(() =>
		read(period).catch((e) => {
			// A period that does not exist or is not open to the reader: say so, and show the latest one.
			if (!(e instanceof DomainError && e.kind === 'invalid')) throw e;
			periodError = e.message;
			return read(null);
		})
	);
	return { view, periodError, customFrom: from, customTo: to, leadsEnhet: enhetLeadUnits(actor).length > 0 };
};
