/**
 * Incidents flow from report to statistics, through the functions the pages and the API call:
 * employees and a manager report with `reportIncident` during a year; the year's statistics
 * (`incidentStatistics`) stay closed until 1 February the year after, then show the reports —
 * and a report made after 31 January never moves the published figures (decision 0005).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { DomainError } from '../errors';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { answerSupport, reportIncident } from './service';
import { incidentStatistics } from './statistics';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const report = (form: string, occurredOn: string, extra: Record<string, unknown> = {}) => ({
	form,
	occurredOn,
	activityArea: 'barn_och_unga',
	description: 'Testhändelse',
	policeReported: form === 'vald' ? 'yes' : 'no',
	threatTakenSeriously: form === 'hot' ? 'yes' : '',
	...extra
});

describe(`incidents from report to statistics (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const p = org.people;
		// 2025 in Enhet 2: five employees report a threat, the enhetschef reports violence for a sixth,
		// and one of them answers that the support was enough.
		for (const [i, person] of p.e2.slice(0, 5).entries()) {
			const reported = await reportIncident(database.db, await org.actor(person), report('hot', `2025-0${i + 3}-10`), at(`2025-0${i + 3}-11`));
			if (i === 0) await answerSupport(database.db, await org.actor(person), reported.id, { supportEnough: 'yes' }, at('2025-04-01'));
		}
		await reportIncident(database.db, await org.actor(p.managerE2), report('vald', '2025-10-02', { personId: p.e2[5].id }), at('2025-10-02'));
		// Reported late, on 10 February 2026: after the year's statistics were fixed.
		await reportIncident(database.db, await org.actor(p.e2[6]), report('trakasserier', '2025-12-20'), at('2026-02-10'));
	});
	afterAll(() => database.close());

	it('while the year runs, and in January after it, the statistics are not published', async () => {
		const avdelningschef = await org.actor(org.people.departmentA);
		for (const now of ['2025-11-01', '2026-01-31']) {
			const stats = await incidentStatistics(database.db, avdelningschef, {}, at(now));
			expect(stats.years, now).toEqual([]);
			expect(stats.rows, now).toEqual([]);
			expect(stats.nextPublication.toISOString(), now).toBe('2026-01-31T23:00:00.000Z');
		}
		expect(await kindOf(incidentStatistics(database.db, avdelningschef, { year: '2025' }, at('2026-01-31')))).toBe('not_found');
	});

	it('from 1 February the year after, the reports are counted by unit and form, without names', async () => {
		const stats = await incidentStatistics(database.db, await org.actor(org.people.departmentA), {}, at('2026-02-01'));
		expect(stats.years).toEqual([2025]);
		const enhet2 = stats.rows.find((r) => r.unit.name === 'Enhet 2')!;
		// Six employees affected: five threats, one act of violence (reported by the manager); the late report is not there.
		expect(enhet2.total).toMatchObject({ shown: true, n: 6, figures: { incidents: 6, policeReported: 1, serious: 6, support: { yes: 1, partly: 0, no: 0, unanswered: 5 } } });
		// The five threats are not shown: with the total, they would reveal the one act of violence.
		expect(enhet2.byForm.hot).toMatchObject({ shown: false, reason: 'protects_other_group' });
		expect(enhet2.byForm.vald).toMatchObject({ shown: false, reason: 'too_few' });
		expect(enhet2.byForm.trakasserier).toMatchObject({ shown: false, reason: 'too_few' }); // none, and said as for 1–4 (issue 11)
		expect(stats.rows.find((r) => r.isTotal)!.total).toMatchObject({ shown: true, n: 6 });
		expect(JSON.stringify(stats)).not.toMatch(/E2 person|Testhändelse/);
	});

	it('stay the same afterwards: later reports about the year do not move them', async () => {
		const avdelningschef = await org.actor(org.people.departmentA);
		const published = await incidentStatistics(database.db, avdelningschef, { year: '2025' }, at('2026-02-01'));
		await reportIncident(database.db, await org.actor(org.people.e2[4]), report('hot', '2025-12-30'), at('2026-03-01'));
		const later = await incidentStatistics(database.db, avdelningschef, { year: '2025' }, at('2026-06-01'));
		expect(later.rows).toEqual(published.rows);
	});
});
