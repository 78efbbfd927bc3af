/**
 * The group plans API against the built app: the biträdande enhetschef makes the plan of his
 * arbetsgrupp after the latest closed round (a past date is refused with a Swedish message, a
 * second plan for the same round is a conflict), adds an action owned by a member, the member
 * marks it done and comments, the avdelningschef reads it without comments or names, and someone
 * outside the group gets 404. The follow-up closes it.
 *
 * Shared demo state: the deputy's arbetsgrupp gets a plan for the latest closed round (the browser
 * test makes the enhet's, a different group, so they never meet).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, appToday, demo } from './support';

const dayAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the group plans API', () => {
	const token: Record<string, string> = {};
	let groupId: string;
	let roundId: string;
	let saraId: string;
	beforeAll(async () => {
		for (const who of ['deputy', 'socialsekreterare', 'avdelningschef', 'bistandshandlaggare', 'admin'] as const) token[who] = await apiLogin(demo[who]);
		const units = (await api(token.deputy, '/org-units')).body.orgUnits as { id: string; kind: string }[];
		groupId = units.find((u) => u.kind === 'arbetsgrupp')!.id;
		const rounds = (await api(token.admin, '/rounds')).body.rounds as { id: string; status: string; opensAt: string }[];
		roundId = rounds.filter((r) => r.status === 'closed').sort((a, b) => b.opensAt.localeCompare(a.opensAt))[0].id;
		saraId = (await api(token.admin, `/people?q=${encodeURIComponent(demo.socialsekreterare)}`)).body.people[0].id;
	});

	it('makes, works through and follows up the arbetsgrupp’s plan, each step for whom it is', async () => {
		const past = await api(token.deputy, '/group-plans', { method: 'POST', body: JSON.stringify({ unitId: groupId, roundId, followUpOn: dayAfter(appToday(), -1) }) });
		expect(past.status).toBe(400);
		expect(past.body.error.fields).toEqual({ followUpOn: 'Välj ett datum för uppföljning från och med i dag.' });

		const made = await api(token.deputy, '/group-plans', { method: 'POST', body: JSON.stringify({ unitId: groupId, roundId, focusStatements: ['quality'], summary: 'Mer handledning.', followUpOn: dayAfter(appToday(), 60) }) });
		expect(made.status).toBe(201);
		expect(made.body).toMatchObject({ orgUnitId: groupId, roundId, status: 'active', focusStatements: ['quality'] });
		expect(typeof made.body.results.shown).toBe('boolean');
		const planId = made.body.id as string;
		const again = await api(token.deputy, '/group-plans', { method: 'POST', body: JSON.stringify({ unitId: groupId, roundId, followUpOn: dayAfter(appToday(), 60) }) });
		expect(again.status).toBe(409);

		const action = await api(token.deputy, `/group-plans/${planId}/actions`, { method: 'POST', body: JSON.stringify({ title: 'Ärendehandledning varannan vecka', ownerId: saraId, dueOn: dayAfter(appToday(), 30) }) });
		expect(action.status).toBe(201);
		const done = await api(token.socialsekreterare, `/group-plans/${planId}/actions/${action.body.id}`, { method: 'PUT', body: JSON.stringify({ done: true }) });
		expect(done.status).toBe(200);
		expect(done.body.doneAt).not.toBeNull();
		const comment = await api(token.socialsekreterare, `/group-plans/${planId}/comments`, { method: 'POST', body: JSON.stringify({ body: 'Handledningen har redan hjälpt.' }) });
		expect(comment.status).toBe(201);

		const asMember = await api(token.socialsekreterare, `/group-plans/${planId}`);
		expect(asMember.body.reading).toBe('member');
		expect(asMember.body.comments.map((c: { body: string }) => c.body)).toEqual(['Handledningen har redan hjälpt.']);
		expect(asMember.body.actions[0].ownerName).toBe('Sara Lindqvist');

		const above = await api(token.avdelningschef, `/group-plans/${planId}`);
		expect(above.status).toBe(200);
		expect(above.body).toMatchObject({ reading: 'above', comments: null, members: [], subgoals: [] });
		expect(above.body.actions[0]).toMatchObject({ title: 'Ärendehandledning varannan vecka', ownerId: null, ownerName: null });
		expect(JSON.stringify(above.body)).not.toContain('Sara Lindqvist');
		expect((await api(token.avdelningschef, `/group-plans/${planId}/comments`, { method: 'POST', body: JSON.stringify({ body: 'Hej' }) })).status).toBe(404);
		expect((await api(token.bistandshandlaggare, `/group-plans/${planId}`)).status).toBe(404);

		const bad = await api(token.deputy, `/group-plans/${planId}/follow-up`, { method: 'POST', body: JSON.stringify({ outcome: 'kanske' }) });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ outcome: 'Välj vad uppföljningen visade.' });
		const followed = await api(token.deputy, `/group-plans/${planId}/follow-up`, { method: 'POST', body: JSON.stringify({ outcome: 'improved', followUpText: 'Bättre.' }) });
		expect(followed.status).toBe(200);
		expect(followed.body).toMatchObject({ status: 'followed_up', outcome: 'improved' });
		const list = await api(token.avdelningschef, '/group-plans');
		expect(list.body.groupPlans.find((g: { id: string }) => g.id === planId)).toMatchObject({ status: 'followed_up', actions: 1, actionsDone: 1, reading: 'above' });
	});
});
