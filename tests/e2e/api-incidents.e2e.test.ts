/**
 * The incidents API (otillåten påverkan, hot och våld) against the built app: reporting with
 * Swedish messages per field, the caller's list, one incident, and the employee's answer on
 * support — through the same service functions and access rules as the pages.
 *
 * Shared demo state: the demo biståndshandläggare reports incidents of harassment (not
 * serious, so no manager is told to report them to Arbetsmiljöverket); each test reports its own.
 * The time is taken from the app's clock, so the tests pass at any hour (also just after midnight).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, demo, minutesAgo } from './support';

const WHAT = 'En brukare skickade kränkande sms efter beslutet om hemtjänst.';

describe('the incidents API', () => {
	let employee: string;
	/** The arbetsmiljö function the demo kommun designated to read every incident. */
	let reader: string;
	beforeAll(async () => {
		employee = await apiLogin(demo.bistandshandlaggare);
		reader = await apiLogin('arbetsmiljo@exempelstad.se');
	});

	/** The employee reports an incident that happened five minutes ago; returns the answer. */
	async function reportOne() {
		const { day, time } = minutesAgo(5);
		const reported = await api(employee, '/incidents', {
			method: 'POST',
			body: JSON.stringify({ form: 'trakasserier', occurredOn: day, occurredTime: time, activityArea: 'aldreomsorg', description: WHAT, policeReported: false })
		});
		expect(reported.status).toBe(201);
		return reported.body;
	}

	it('refuses an incomplete report with a Swedish message per field', async () => {
		const bad = await api(employee, '/incidents', { method: 'POST', body: JSON.stringify({ form: 'hot', occurredOn: '2026-02-30' }) });
		expect(bad.status).toBe(400);
		expect(bad.body.error.code).toBe('invalid');
		expect(bad.body.error.fields).toMatchObject({
			occurredOn: 'Datumet finns inte. Kontrollera månad och dag.',
			activityArea: 'Välj i vilken verksamhet det hände.',
			description: 'Beskriv vad som hände.',
			policeReported: 'Svara om händelsen är polisanmäld.',
			threatTakenSeriously: 'Svara om medarbetaren tar hotet på allvar.'
		});
		const future = await api(employee, '/incidents', {
			method: 'POST',
			body: JSON.stringify({ form: 'trakasserier', occurredOn: '2099-01-01', activityArea: 'aldreomsorg', description: WHAT, policeReported: false })
		});
		expect(future.status).toBe(400);
		expect(future.body.error.fields.occurredOn).toBe('Händelsen kan inte ha hänt i framtiden.');
	});

	it('an employee reports an incident (yes/no as booleans) and finds it in her list', async () => {
		const reported = await reportOne();
		expect(reported).toMatchObject({ form: 'trakasserier', policeReported: false, threatTakenSeriously: false, description: WHAT });
		const id = reported.id;
		const list = await api(employee, '/incidents');
		expect(list.status).toBe(200);
		expect(list.body.own.map((i: { id: string }) => i.id)).toContain(id);
		expect(list.body.others).toEqual([]);
		const one = await api(employee, `/incidents/${id}`);
		expect(one.status).toBe(200);
		expect(one.body).toMatchObject({ personName: 'Amina Hassan', serious: false, permissions: { answerSupport: true, manage: false } });
	});

	it('the designated arbetsmiljö function reads it but may not answer on support for her; colleagues and those above get "not found"', async () => {
		const { id } = await reportOne();
		const read = await api(reader, `/incidents/${id}`);
		expect(read.status).toBe(200);
		expect(read.body.incident.description).toBe(WHAT);
		expect(read.body.permissions).toEqual({ answerSupport: false, manage: false });
		expect((await api(reader, '/incidents')).body.others.map((i: { id: string }) => i.id)).toContain(id);
		const refused = await api(reader, `/incidents/${id}/support`, { method: 'PUT', body: JSON.stringify({ supportEnough: 'yes' }) });
		expect(refused.status).toBe(404);
		expect(refused.body.error.message).toBe('Bara medarbetaren som det hände kan svara på om stödet räckte.');
		for (const who of [demo.socialsekreterare, demo.avdelningschef, demo.central, demo.admin]) {
			expect((await api(await apiLogin(who), `/incidents/${id}`)).status, who).toBe(404);
		}
		expect((await api(reader, '/incidents/not-an-id')).status).toBe(404);
	});

	it('the employee says whether the support was enough; a missing answer is said in Swedish', async () => {
		const { id } = await reportOne();
		const bad = await api(employee, `/incidents/${id}/support`, { method: 'PUT', body: JSON.stringify({}) });
		expect(bad.status).toBe(400);
		expect(bad.body.error.fields).toEqual({ supportEnough: 'Svara om stödet räckte.' });
		const saved = await api(employee, `/incidents/${id}/support`, { method: 'PUT', body: JSON.stringify({ supportEnough: 'partly', supportComment: 'Samtal med chefen, men ingen uppföljning.' }) });
		expect(saved.status).toBe(200);
		expect(saved.body).toMatchObject({ supportEnough: 'partly', supportComment: 'Samtal med chefen, men ingen uppföljning.' });
		expect((await api(reader, `/incidents/${id}`)).body.incident.supportEnough).toBe('partly');
	});

	it('answers 401 without a session', async () => {
		const id = randomUUID();
		expect((await api(null, '/incidents')).status).toBe(401);
		expect((await api(null, '/incidents', { method: 'POST', body: JSON.stringify({}) })).status).toBe(401);
		expect((await api(null, `/incidents/${id}`)).status).toBe(401);
	});
});
