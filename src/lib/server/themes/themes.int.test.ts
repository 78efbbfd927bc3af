/**
 * Themes in what staff write (issue 15), on the database: counts per theme through the anonymity
 * rule, the split by score band, the change since the previous round, the theme's texts, the
 * lokal styrgrupp's view on a plan area, and the administrators' lexicon with its refusals.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAreaPlan } from '../city-plan/service';
import type { Database } from '../db/client';
import { auditLog, cityPlanAreas, responseThemes } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { refusal } from '../testing/refusal';
import { buildReport } from '../reports/service';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { addTerm, lexiconToAdminister, removeTerm, tryText } from './service';

describe(`themes in what staff write (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	let earlierId: string;
	let laterId: string;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const db = database.db;
		const scope = { unitIds: [org.units.f.id] };
		earlierId = (await insertRound(db, { status: 'closed', name: 'T2 2025', opensAt: new Date('2025-08-20'), ...scope })).id;
		laterId = (await insertRound(db, { status: 'closed', name: 'VB 2025', opensAt: new Date('2025-11-20'), ...scope })).id;
		const e1 = [...org.people.e1Direct, ...org.people.g1];
		// T2: two of the 19 wrote about their workload.
		for (const [i, p] of [...e1, ...org.people.e2, ...org.people.e3].entries()) {
			await insertResponse(db, {
				roundId: earlierId,
				personId: p.id,
				situationScore: 2 + (i % 4),
				qualityScore: 3 + (i % 2),
				recommendScore: 3 + (i % 3),
				situationComment: i < 2 ? 'Alldeles för många ärenden.' : null
			});
		}
		// VB: six in Enhet 1 wrote about workload (scores 1, 2, 3, 4, 5, 6), three about handledning
		// under "vad fungerar bra"; two in Enhet 2 about the premises; one about a coffee machine.
		for (const [i, p] of e1.entries()) {
			await insertResponse(db, {
				roundId: laterId,
				personId: p.id,
				situationScore: i < 6 ? i + 1 : 3 + (i % 2),
				qualityScore: 3 + (i % 2),
				recommendScore: 3 + (i % 3),
				situationComment: i < 6 ? `Arbetsbelastningen är ${['orimlig', 'hög', 'tung', 'okej', 'rimlig', 'låg'][i]} just nu.` : null,
				positiveText: i >= 6 ? 'Bra ärendehandledning varje vecka.' : null
			});
		}
		for (const [i, p] of org.people.e2.entries()) {
			await insertResponse(db, {
				roundId: laterId,
				personId: p.id,
				situationScore: 2 + (i % 3),
				qualityScore: 3 + (i % 2),
				recommendScore: 3 + (i % 3),
				qualityComment: i < 2 ? 'Lokalerna är trånga och det ekar.' : i === 2 ? 'Kaffemaskinen är trasig.' : null
			});
		}
		for (const [i, p] of org.people.e3.entries()) await insertResponse(db, { roundId: laterId, personId: p.id, situationScore: 3 + (i % 2), qualityScore: 3 + (i % 2), recommendScore: 3 + (i % 3) });
	});
	afterAll(() => database.close());

	const themesOf = async (unitId: string, extra: Record<string, string> = {}) => {
		const report = await buildReport(database.db, await org.actor(org.people.departmentA), { unit: unitId, round: laterId, ...extra }, { themes: true });
		return report;
	};
	const row = (report: Awaited<ReturnType<typeof themesOf>>, theme: string) => {
		if (!report.themes?.shown) throw new Error('themes hidden');
		return report.themes.figures.find((t) => t.theme === theme)!;
	};

	it('counts who wrote about each theme, split by the score they gave, with the change since the previous round', async () => {
		const report = await themesOf(org.units.a.id);
		expect(report.themes).toMatchObject({ shown: true, n: 19 });
		const workload = row(report, 'workload');
		expect(workload).toMatchObject({ label: 'Arbetsbelastning och ärendemängd', wrote: 6, low: 2, middle: 2, high: 2, positive: 0, share: 31.6 });
		// T2: 2 of 19 (10.5 %), so up 21.1 percentage points.
		expect(workload.previousShare).toBe(10.5);
		expect(workload.change).toBe(21.1);
		expect(row(report, 'case_supervision')).toMatchObject({ wrote: 3, positive: 3, low: 0, middle: 0, high: 0 });
		expect(row(report, 'premises_tools')).toMatchObject({ wrote: 2 });
		expect(row(report, 'salary')).toMatchObject({ wrote: 0, change: 0 });
		// Most written about first.
		if (!report.themes?.shown) throw new Error('themes hidden');
		expect(report.themes.figures[0].theme).toBe('workload');
	});

	it('shows nothing for a group under the limit, and nothing that would give it away', async () => {
		const small = await themesOf(org.units.e3.id);
		expect(small.themes).toMatchObject({ shown: false, reason: 'too_few' });
		expect(small.themes).not.toHaveProperty('figures');
		// Enhet 2 is hidden to protect Enhet 3 (the block rule): its theme counts too.
		const protecting = await themesOf(org.units.e2.id);
		expect(protecting.themes).toMatchObject({ shown: false, reason: 'protects_other_group' });
		// Only asked for: other callers of buildReport do not count themes.
		expect((await buildReport(database.db, await org.actor(org.people.departmentA), { unit: org.units.a.id, round: laterId })).themes).toBeNull();
	});

	it('lists a theme’s motivations where texts may be shown, and only those', async () => {
		const report = await themesOf(org.units.a.id, { theme: 'workload' });
		expect(report.filters.theme).toBe('workload');
		if (!report.texts?.shown) throw new Error('texts hidden');
		expect(report.texts.texts.situation).toHaveLength(6);
		expect(report.texts.texts.positive).toEqual([]);
		expect(report.texts.texts.quality).toEqual([]);
		// Enhet 1 has 9 respondents: fewer than the 10 texts need.
		const e1 = await themesOf(org.units.e1.id, { theme: 'workload' });
		expect(e1.texts).toMatchObject({ shown: false });
		expect(e1.themes).toMatchObject({ shown: true, n: 9 });
		const bad = await refusal(themesOf(org.units.a.id, { theme: 'weather' }));
		expect(bad.fieldErrors).toEqual({ theme: 'Okänt tema.' });
	});

	it('shows the lokal styrgrupp what staff wrote about an area of its plan', async () => {
		const [area] = await database.db.select().from(cityPlanAreas).where(eq(cityPlanAreas.code, 'case_supervision'));
		const plan = await getAreaPlan(database.db, await org.actor(org.people.steeringF), org.units.f.id, area.id);
		expect(plan.staffWriting?.theme).toBe('case_supervision');
		expect(plan.staffWriting?.rounds.map((r) => r.roundName)).toEqual(['VB 2025', 'T2 2025']);
		const [latest, earlier] = plan.staffWriting!.rounds;
		expect(latest.count).toMatchObject({ shown: true, n: 19, row: { wrote: 3 } });
		expect(latest.texts).toEqual({ shown: true, list: ['Bra ärendehandledning varje vecka.', 'Bra ärendehandledning varje vecka.', 'Bra ärendehandledning varje vecka.'], total: 3 });
		expect(earlier.count).toMatchObject({ shown: true, row: { wrote: 0 } });
		// Another area: its own theme.
		const custom = await getAreaPlan(database.db, await org.actor(org.people.steeringF), org.units.f.id, (await database.db.select().from(cityPlanAreas).where(eq(cityPlanAreas.code, 'premises_tools')))[0].id);
		expect(custom.staffWriting?.rounds[0].count).toMatchObject({ row: { wrote: 2 } });
	});

	it('lets an administrator extend a theme; every closed round is read again with the new word, and without it once removed', async () => {
		const admin = await org.actor(org.people.admin);
		const premises = async () => row(await themesOf(org.units.a.id), 'premises_tools').wrote;
		expect(await premises()).toBe(2);
		expect((await tryText(database.db, admin, { text: 'Kaffemaskinen är trasig igen.' })).themes).toEqual([]);

		const added = await addTerm(database.db, admin, { theme: 'premises_tools', term: '  Kaffemaskin* ' });
		expect(added.term).toBe('kaffemaskin*');
		expect(await premises()).toBe(3);
		expect((await tryText(database.db, admin, { text: 'Kaffemaskinen är trasig igen.' })).themes).toEqual([{ theme: 'premises_tools', label: 'Lokaler och arbetsredskap' }]);
		const lexicon = await lexiconToAdminister(database.db, admin);
		expect(lexicon.find((t) => t.theme === 'premises_tools')!.added).toEqual([{ id: added.id, term: 'kaffemaskin*' }]);

		await removeTerm(database.db, admin, added.id);
		expect(await premises()).toBe(2);
		const actions = (await database.db.select().from(auditLog)).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['theme_term.add', 'theme_term.remove']));
	});

	it('refuses others, words it cannot use, and a word the theme already has, in Swedish', async () => {
		const admin = await org.actor(org.people.admin);
		for (const who of [org.people.departmentA, org.people.steeringF, org.people.e1Direct[0]]) {
			const actor = await org.actor(who);
			expect((await refusal(addTerm(database.db, actor, { theme: 'salary', term: 'lönetrappa' }))).kind).toBe('not_found');
			expect((await refusal(lexiconToAdminister(database.db, actor))).kind).toBe('not_found');
			expect((await refusal(tryText(database.db, actor, { text: 'lön' }))).kind).toBe('not_found');
		}
		expect((await refusal(addTerm(database.db, admin, { theme: 'salary', term: 'a' }))).fieldErrors).toEqual({ term: 'Ordet ska ha minst två tecken.' });
		expect((await refusal(addTerm(database.db, admin, { theme: 'salary', term: 'lö*n' }))).fieldErrors.term).toMatch(/stjärna/);
		expect((await refusal(addTerm(database.db, admin, { theme: 'salary', term: 'lön!' }))).fieldErrors.term).toMatch(/bokstäver/);
		expect((await refusal(addTerm(database.db, admin, { theme: 'weather', term: 'regn' }))).fieldErrors).toEqual({ theme: 'Välj ett tema.' });
		expect((await refusal(addTerm(database.db, admin, { theme: 'salary', term: 'lön' }))).message).toBe('”lön” finns redan i temat Lön.');
		await addTerm(database.db, admin, { theme: 'salary', term: 'lönetrappa' });
		expect((await refusal(addTerm(database.db, admin, { theme: 'salary', term: 'Lönetrappa' }))).kind).toBe('conflict');
		expect((await refusal(removeTerm(database.db, admin, 'not-an-id'))).kind).toBe('not_found');
		expect((await refusal(tryText(database.db, admin, { text: '   ' }))).fieldErrors).toEqual({ text: 'Skriv en text att pröva.' });
	});

	it('keeps the tags with the answers: one row per text and theme, none for an answer without text', async () => {
		const tags = await database.db.select().from(responseThemes);
		expect(tags.filter((t) => t.theme === 'workload' && t.statement === 'situation')).toHaveLength(8);
		expect(new Set(tags.map((t) => t.statement))).toEqual(new Set(['situation', 'quality', 'positive']));
	});
});
