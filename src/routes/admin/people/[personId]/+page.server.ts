import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import { getPerson } from '$lib/server/privacy/people';
import { APP_ROLES, endRole, giveRole, isEndable, roleUnits } from '$lib/server/org/roles';
import { todayInStockholm } from '$lib/server/clock';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const person = await orErrorPage(() => getPerson(event.locals.db, actor, event.params.personId));
	const today = todayInStockholm();
	return {
		person: { ...person, roles: person.roles.map((r) => ({ ...r, endable: isEndable(r, today) })) },
		appRoles: APP_ROLES,
		units: await roleUnits(event.locals.db, actor),
		me: actor.personId
	};
};

const action = (saved: string, work: (event: RequestEvent, values: Record<string, unknown>) => Promise<unknown>) => savingAction<RequestEvent>(saved, work);

export const actions: Actions = {
	giveRole: action('given', (event, values) => giveRole(event.locals.db, requireActor(event), event.params.personId, values)),
	endRole: action('ended', (event, values) => endRole(event.locals.db, requireActor(event), event.params.personId, String(values.id ?? '')))
};
