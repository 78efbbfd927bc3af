/**
 * Issue 12, item 6: the entries that were written without an address (read.action_plan,
 * action_plan.offer, incident.report) now record the address of the request, as every entry does.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIndividualPlan, offerIndividualPlan } from '../individual-plans/service';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { reportIncident } from '../incidents/service';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';

describe(`audit entries record the address (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());

	const last = async (action: string) => (await database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

	it('offering and reading an action plan, and reporting an incident', async () => {
		const manager = await org.actor(org.people.managerE1, '10.20.30.40');
		const plan = await offerIndividualPlan(database.db, manager, { personId: org.people.g1[0].id, followUpOn: '2099-01-01' }, new Date('2026-05-04T08:00:00Z'));
		expect(await last('action_plan.offer')).toMatchObject({ actorId: manager.personId, subjectId: plan.id, ip: '10.20.30.40' });
		await getIndividualPlan(database.db, await org.actor(org.people.managerE1, '10.20.30.41'), plan.id);
		expect(await last('read.action_plan')).toMatchObject({ actorId: manager.personId, subjectId: plan.id, ip: '10.20.30.41' });

		const employee = await org.actor(org.people.e2[0], '2001:db8::7');
		const report = { form: 'hot', occurredOn: '2026-03-09', occurredTime: '14:30', activityArea: 'barn_och_unga', setting: 'Telefon', description: 'Ett hot i telefon.', policeReported: 'no', threatTakenSeriously: 'yes' };
		const incident = await reportIncident(database.db, employee, report, new Date('2026-03-10T08:00:00Z'));
		expect(await last('incident.report')).toMatchObject({ actorId: employee.personId, subjectId: incident.id, ip: '2001:db8::7' });
	});
});
