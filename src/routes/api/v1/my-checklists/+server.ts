import { json } from '@sveltejs/kit';
import { presentMyChecklists, presentOwnChecklist } from '$lib/server/api/presenters/unit-goals';
import { apiCall, readJson, requireApiActor } from '$lib/server/http';
import { checklistForm, fillChecklist, myChecklists, ownChecklist } from '$lib/server/unit-goals/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const form = await checklistForm(locals.db, actor);
		return json(presentMyChecklists({ ...form, checklists: await myChecklists(locals.db, actor) }));
	});

/** { closedOn, clientGender, ageBand, answers: { itemId: 'ja' | 'nej' | 'ej_aktuellt' } } */
export const POST: RequestHandler = ({ locals, request }) =>
	apiCall(async () => {
		const actor = requireApiActor(locals);
		const { id } = await fillChecklist(locals.db, actor, await readJson(request));
		return json(presentOwnChecklist(await ownChecklist(locals.db, actor, id)), { status: 201 });
	});
