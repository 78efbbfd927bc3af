import { createCode, researchView, setTextCodes } from '$lib/server/research/service';
import { orErrorPage, requireActor, savingAction } from '$lib/server/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireActor(event);
	const q = event.url.searchParams;
	return await orErrorPage(() => researchView(event.locals.db, actor, { unit: q.get('unit') || undefined, round: q.get('round') || undefined, statement: q.get('statement') || undefined }));
};

const action = (saved: string, work: (event: RequestEvent, values: Record<string, unknown>) => Promise<unknown>) => savingAction<RequestEvent>(saved, work, ['codeIds']);

export const actions: Actions = {
	createCode: action('code', (event, values) => createCode(event.locals.db, requireActor(event), values)),
	code: action('coding', (event, values) => setTextCodes(event.locals.db, requireActor(event), values))
};
