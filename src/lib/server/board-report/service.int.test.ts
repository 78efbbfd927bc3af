import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { saveEntries } from '../indicators/service';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { getBranding, saveBranding } from './branding';
import { boardReportDocx } from './docx';
import { boardReportPdf } from './pdf';
import { boardReport, incompleteNote, indicatorRow, saveBoardReportTexts } from './service';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe(`the report to the nämnd (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
		const steering = await org.actor(org.people.steeringF);
		await saveEntries(database.db, steering, { unit: org.units.f.id, period: 'T2 2020', entries: [{ indicator: 'consultants', dimension: 'total', value: '5' }, { indicator: 'vfu_places', dimension: 'total', value: '6' }] });
		await saveEntries(database.db, steering, { unit: org.units.f.id, period: 'T2 2021', confirm: true, entries: [{ indicator: 'consultants', dimension: 'total', value: '3' }, { indicator: 'vfu_places', dimension: 'total', value: '8' }] });
		const round = await insertRound(database.db, { status: 'closed', kind: 'T2', year: 2021, name: 'T2 2021', opensAt: new Date('2021-08-30'), unitIds: [org.units.f.id, org.units.f2.id] });
		// Answers 4, 6, 4, 6 … (and 5 for the odd one) in every group: mean 5 in any of them, and not a
		// group where everyone gave one answer (its distribution would be withheld, decision 0010).
		for (const list of [org.people.e1Direct, org.people.g1, org.people.e2, org.people.e3, org.people.e4]) {
			for (const [i, p] of list.entries()) {
				const situationScore = i === list.length - 1 && list.length % 2 ? 5 : i % 2 ? 4 : 6;
				await insertResponse(database.db, { roundId: round.id, personId: p.id, situationScore });
			}
		}
	});
	afterAll(() => database.close());
	const db = () => database.db;

	it('the lokal styrgrupp writes its texts; others may not', async () => {
		const steering = await org.actor(org.people.steeringF);
		await saveBoardReportTexts(db(), steering, { unit: org.units.f.id, period: 'T2 2021', summary: 'Färre konsulter.', work: '', analysis: 'Stabilt.', nextSteps: '' });
		expect(await kindOf(saveBoardReportTexts(db(), steering, { unit: org.units.f2.id, period: 'T2 2021', summary: 'x' }))).toBe('not_found');
		expect(await kindOf(saveBoardReportTexts(db(), await org.actor(org.people.departmentA), { unit: org.units.f.id, period: 'T2 2021', summary: 'x' }))).toBe('not_found');
		const bad = await saveBoardReportTexts(db(), steering, { unit: org.units.f.id, period: 'T3 2021' }).catch((e) => e);
		expect(bad.fieldErrors).toEqual({ period: 'Välj en period, till exempel T2 2025.' });
	});

	it("holds the period's figures, the year before, the survey through buildReport, and the texts", async () => {
		const report = await boardReport(db(), await org.actor(org.people.steeringF), { unit: org.units.f.id, period: 'T2 2021' });
		expect(report).toMatchObject({ periodLabel: 'T2 2021', subtitle: 'Tertialrapport 2 2021', unitTitle: 'Norrviks förvaltning', kommunName: 'Testkommun', canWrite: true });
		expect(report.texts).toMatchObject({ summary: 'Färre konsulter.', analysis: 'Stabilt.', updatedBy: 'Styrgrupp F' });
		// The sections left empty: the page warns, the files leave them out.
		expect(report.missingTexts).toEqual(['work', 'nextSteps']);
		const consultants = report.indicators.find((i) => i.name === 'Antal konsulter')!;
		expect(consultants).toMatchObject({ periodLabel: 'april 2021', value: '3 konsulter', previousLabel: 'april 2020', previous: '5 konsulter' });
		expect(report.indicators.find((i) => i.name === 'VFU-platser som erbjudits')).toMatchObject({ periodLabel: 'VT 2021', value: '8 platser', target: null });
		// Norrvik has 19 answers but Söderås 6: both shown.
		expect(report.pulse!.round).toMatchObject({ roundName: 'T2 2021', shown: true, respondents: 19 });
		expect(report.pulse!.round!.statements[0].mean).toBe(5);
		// The avdelningschef reads the förvaltning's report but not its survey results, nor writes it.
		const department = await boardReport(db(), await org.actor(org.people.departmentA), { unit: org.units.f.id, period: 'T2 2021' });
		expect(department.canWrite).toBe(false);
		expect(department.pulse).toBeNull();
		expect(await kindOf(boardReport(db(), await org.actor(org.people.departmentA), { unit: org.units.f2.id }))).toBe('not_found');
		expect(await kindOf(boardReport(db(), await org.actor(org.people.e1Direct[0]), {}))).toBe('not_found');
	});

	it('is a tagged PDF and a Word document, with the kommun name and logo from the settings', async () => {
		const admin = await org.actor(org.people.admin);
		expect(await kindOf(saveBranding(db(), await org.actor(org.people.central), { name: 'Exempelstad' }, null))).toBe('not_found');
		const notImage = await saveBranding(db(), admin, { name: 'Exempelstad' }, new TextEncoder().encode('<svg/>')).catch((e) => e);
		expect(notImage.fieldErrors).toEqual({ logo: 'Logotypen ska vara en PNG- eller JPEG-bild.' });
		await saveBranding(db(), admin, { name: 'Exempelstads kommun' }, PNG);
		expect(await getBranding(db())).toMatchObject({ name: 'Exempelstads kommun', nameSet: true, logo: { mime: 'image/png' } });

		const report = await boardReport(db(), await org.actor(org.people.central), { unit: org.units.kommun.id, period: 'T2 2021' });
		expect(report.kommunName).toBe('Exempelstads kommun');
		// The city's VFU places are only Norrvik's: the report says so in words, never as the total.
		const vfu = report.indicators.find((i) => i.name === 'VFU-platser som erbjudits')!;
		expect(vfu).toMatchObject({ value: '8 platser', valuePartial: '1 av 2 förvaltningar har rapporterat' });
		expect(indicatorRow(vfu)[2]).toBe('8 platser (ofullständigt: 1 av 2 förvaltningar har rapporterat)');
		expect(incompleteNote(report.indicators)).toContain('VFU-platser som erbjudits VT 2021 är summan av de förvaltningar som har rapporterat (1 av 2 förvaltningar har rapporterat)');
		const pdf = await boardReportPdf(report);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const raw = pdf.toString('latin1');
		for (const marker of ['/StructTreeRoot', '/Lang (sv-SE)', '/Figure', '/H1', '/Table', '/TH', '/Alt', '/FontFile2']) expect(raw, marker).toContain(marker);
		const docx = await boardReportDocx(report);
		expect(docx.subarray(0, 2).toString()).toBe('PK');
		expect(docx.length).toBeGreaterThan(10_000);
	});
});
