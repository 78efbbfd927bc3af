import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { indicatorImports, indicatorValueHistory, indicatorValues } from '../db/schema';
import { createTestDatabase, testBackend } from '../db/testing';
import { insertResponse, insertRound } from '../demo/factories';
import { DomainError } from '../errors';
import { buildReport } from '../reports/service';
import { buildOrgFixture, type OrgFixture } from '../testing/org-fixture';
import { indicatorDashboard, indicatorDetail } from './dashboard';
import { applyImport, previewImport } from './import-service';
import { createIndicator, entryForm, enterableUnits, getIndicator, listIndicators, readableUnits, saveEntries, updateIndicator, valueHistory } from './service';

const kindOf = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e instanceof DomainError ? e.kind : String(e)));
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.resolve('tests/fixtures/indicators', name))) });
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe(`indicators (${testBackend})`, () => {
	let database: Database;
	let org: OrgFixture;
	beforeAll(async () => {
		database = await createTestDatabase();
		org = await buildOrgFixture(database.db);
	});
	afterAll(() => database.close());
	const db = () => database.db;

	it('has the built-in indicators', async () => {
		const list = await listIndicators(db());
		expect(list.map((d) => d.key)).toEqual(['turnover', 'consultants', 'vfu_places', 'vfu_students', 'new_employees', 'introduction_with_mentor', 'introduction_completed', 'sick_leave_short', 'sick_leave_long', 'leadership_programme', 'reinforcement_assignments']);
		expect(list.find((d) => d.key === 'turnover')).toMatchObject({ kind: 'rate', periodType: 'year', splits: ['title', 'gender'], higherIsBetter: false });
	});

	it('the lokal styrgrupp enters its own förvaltning only; central steering and admin enter all', async () => {
		const steering = await org.actor(org.people.steeringF);
		expect((await enterableUnits(db(), steering)).map((u) => u.name)).toEqual(['Norrviks förvaltning']);
		expect((await enterableUnits(db(), await org.actor(org.people.central))).map((u) => u.name)).toEqual(['Testkommun', 'Norrviks förvaltning', 'Söderås förvaltning']);
		expect(await enterableUnits(db(), await org.actor(org.people.departmentA))).toEqual([]);
		expect(await enterableUnits(db(), await org.actor(org.people.managerE1))).toEqual([]);
		const other = { unit: org.units.f2.id, period: 'T2 2021', entries: [{ indicator: 'consultants', dimension: 'total', category: '', value: '3' }] };
		expect(await kindOf(saveEntries(db(), steering, other))).toBe('not_found');
		expect(await kindOf(saveEntries(db(), steering, { ...other, unit: org.units.kommun.id }))).toBe('not_found');
		expect(await kindOf(saveEntries(db(), await org.actor(org.people.departmentA), { ...other, unit: org.units.f.id }))).toBe('not_found');
		expect(await kindOf(entryForm(db(), await org.actor(org.people.e1Direct[0]), {}))).toBe('not_found');
	});

	it('everyone with aggregate access reads their own förvaltning and the city, the central group every förvaltning', async () => {
		expect((await readableUnits(db(), await org.actor(org.people.departmentA))).map((u) => u.name)).toEqual(['Testkommun', 'Norrviks förvaltning']);
		expect((await readableUnits(db(), await org.actor(org.people.central))).map((u) => u.name)).toEqual(['Testkommun', 'Norrviks förvaltning', 'Söderås förvaltning']);
		expect(await kindOf(indicatorDashboard(db(), await org.actor(org.people.departmentA), { unit: org.units.f2.id }))).toBe('not_found');
		expect(await kindOf(indicatorDashboard(db(), await org.actor(org.people.e1Direct[0]), {}))).toBe('not_found');
	});

	it('saves a period, refuses bad input per field and keeps who and when', async () => {
		const steering = await org.actor(org.people.steeringF);
		const bad = saveEntries(db(), steering, {
			unit: org.units.f.id,
			period: 'T2 2021',
			entries: [
				{ indicator: 'consultants', dimension: 'total', category: '', value: '-3' },
				{ indicator: 'vfu_places', dimension: 'total', category: '', value: 'tolv' },
				{ indicator: 'vfu_students', dimension: 'total', category: '', value: '4' },
				{ indicator: 'vfu_students', dimension: 'gender', category: 'kvinna', value: '5' }
			]
		});
		const error = await bad.catch((e) => e);
		expect(error).toBeInstanceOf(DomainError);
		expect(error.fieldErrors).toEqual({
			'consultants.total': 'Ett antal kan inte vara negativt.',
			'vfu_places.total': 'Skriv ett tal, till exempel 12 eller 4,5.',
			'vfu_students.gender.kvinna': 'Fördelningen per kön blir 5, mer än totalen 4.'
		});
		expect(await db().select().from(indicatorValues)).toEqual([]);

		const result = await saveEntries(db(), steering, {
			unit: org.units.f.id,
			period: 'T2 2021',
			entries: [
				{ indicator: 'consultants', dimension: 'total', category: '', value: '4', countMonth: 'maj' },
				{ indicator: 'consultants', dimension: 'title', category: 'socialsekreterare', value: '3' },
				{ indicator: 'vfu_places', dimension: 'total', category: '', value: '8' },
				{ indicator: 'sick_leave_short', dimension: 'total', category: '', value: '2,5' }
			]
		});
		expect(result).toEqual({ saved: 4, warnings: {}, needsConfirmation: false });
		const history = await valueHistory(db(), steering, { unitId: org.units.f.id });
		expect(history).toHaveLength(4);
		expect(history[0]).toMatchObject({ by: 'Styrgrupp F', action: 'create', source: 'form' });
		expect(history.find((h) => h.indicatorKey === 'consultants' && h.dimension === 'total')).toMatchObject({ period: '2021-04', newValue: 4 });

		const form = await entryForm(db(), steering, { unit: org.units.f.id, period: 'T2 2021' });
		const consultants = form.items.find((i) => i.def.key === 'consultants')!;
		expect(consultants).toMatchObject({ period: '2021-04', periodLabel: 'april 2021', countMonth: 5 });
		expect(consultants.fields[0].cells[0].value).toBe(4);
		expect(form.items.map((i) => i.def.key)).not.toContain('turnover');
		expect(form.notDue).toContain('Personalrörlighet');
	});

	it('warns about implausible jumps and saves only when confirmed; clearing a field removes the figure', async () => {
		const steering = await org.actor(org.people.steeringF);
		const input = { unit: org.units.f.id, period: 'VB 2021', entries: [{ indicator: 'consultants', dimension: 'total', category: '', value: '40' }] };
		const first = await saveEntries(db(), steering, input);
		expect(first.needsConfirmation).toBe(true);
		expect(first.warnings['consultants.total']).toBe('Värdet är 900 % högre än förra perioden (april 2021: 4 konsulter). Stämmer det?');
		const form = await entryForm(db(), steering, { unit: org.units.f.id, period: 'VB 2021' });
		expect(form.items.find((i) => i.def.key === 'consultants')!.previous).toMatchObject({ label: 'april 2021', value: 4 });
		expect((await saveEntries(db(), steering, { ...input, confirm: 'on' })).saved).toBe(1);

		const cleared = await saveEntries(db(), steering, { unit: org.units.f.id, period: 'VB 2021', entries: [{ indicator: 'consultants', dimension: 'total', category: '', value: '' }] });
		expect(cleared.saved).toBe(1);
		const history = await valueHistory(db(), steering, { unitId: org.units.f.id, limit: 2 });
		expect(history[0]).toMatchObject({ action: 'delete', oldValue: 40, newValue: null, period: '2021-11' });
		expect(history[1]).toMatchObject({ action: 'create', newValue: 40 });
	});

	it('imports Tabell 1 of the 2021 report and shows it exactly as printed', async () => {
		const central = await org.actor(org.people.central);
		const preview = await previewImport(db(), central, fixture('tabell-1-konsulter-2016-2021.csv'));
		expect(preview.problems).toEqual([]);
		expect(preview.counts).toEqual({ create: 11, update: 0, unchanged: 0 });
		expect(preview.changes[0]).toMatchObject({ line: 2, indicator: 'Antal konsulter', unit: 'Testkommun', period: 'april 2016', split: 'Totalt', action: 'create', oldValue: null, newValue: '88' });
		expect(await db().select().from(indicatorValues).where(eq(indicatorValues.orgUnitId, org.units.kommun.id))).toEqual([]);

		expect(await applyImport(db(), central, preview.importId!)).toEqual({ changed: 11, figures: 11 });
		const detail = await indicatorDetail(db(), central, 'consultants', { unit: org.units.kommun.id });
		expect(detail.countDays).toEqual([
			{ year: 2016, label: '2016', april: '88', november: '100' },
			{ year: 2017, label: '2017', april: '83', november: '60' },
			{ year: 2018, label: '2018', april: '58', november: '34' },
			{ year: 2019, label: '2019 (maj)', april: '23', november: '22' },
			{ year: 2020, label: '2020', april: '29', november: '30' },
			{ year: 2021, label: '2021', april: '26', november: '' }
		]);
		// The city's own figure wins over the förvaltningar's sum (4 in Norrvik in April 2021).
		expect(detail.panel.latest).toMatchObject({ label: 'april 2021', text: '26 konsulter', note: null });
		expect(detail.history[0]).toMatchObject({ by: 'Central styrgrupp', source: 'import' });

		// Applying twice, or someone else's import, is refused.
		expect(await kindOf(applyImport(db(), central, preview.importId!))).toBe('conflict');
		const again = await previewImport(db(), central, fixture('tabell-1-konsulter-2016-2021.csv'));
		expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 11 });
		expect(await kindOf(applyImport(db(), await org.actor(org.people.admin), again.importId!))).toBe('not_found');
	});

	it('reports every bad row of a broken file with its line number and saves nothing', async () => {
		const central = await org.actor(org.people.central);
		const before = await db().select().from(indicatorValues);
		const preview = await previewImport(db(), central, fixture('trasig.csv'));
		expect(preview.importId).toBeNull();
		expect(preview.problems.map((p) => p.line)).toEqual([3, 4, 5, 7, 9]);
		expect(preview.problems.find((p) => p.line === 7)!.message).toBe('Fördelningen per yrkestitel blir 5 men totalen är 4: summan måste stämma.');
		expect(await db().select().from(indicatorValues)).toEqual(before);
		expect(await db().select().from(indicatorImports).where(eq(indicatorImports.fileName, 'trasig.csv'))).toEqual([]);
	});

	it('imports Windows-1252 for many förvaltningar and periods at once, in one transaction', async () => {
		const central = await org.actor(org.people.central);
		const preview = await previewImport(db(), central, fixture('forvaltningar-windows-1252.csv'));
		expect(preview.problems).toEqual([]);
		expect(preview.encoding).toBe('windows-1252');
		expect(preview.counts.create).toBe(6);
		// Between the dry run and applying, someone enters a total that the file's split no longer fits.
		const steering = await org.actor(org.people.steeringF);
		const turnover = (value: string, base: string) => ({ unit: org.units.f.id, period: 'VB 2020', entries: [{ indicator: 'turnover', dimension: 'total', category: '', value: '30', base: '160' }, { indicator: 'turnover', dimension: 'gender', category: 'kvinna', value, base }] });
		await saveEntries(db(), steering, turnover('28', '150'));
		const before = await db().select().from(indicatorValues);
		const conflict = await applyImport(db(), central, preview.importId!).catch((e) => e);
		expect(conflict.kind).toBe('conflict');
		expect(conflict.message).toMatch(/^Värdena har ändrats sedan filen kontrollerades \(rad 2: Fördelningen per kön blir 28, mer än totalen 24\./);
		expect(await db().select().from(indicatorValues)).toEqual(before);
		await saveEntries(db(), steering, turnover('', ''));

		const retry = await previewImport(db(), central, fixture('forvaltningar-windows-1252.csv'));
		expect(retry.problems).toEqual([]);
		expect(retry.counts).toEqual({ create: 5, update: 1, unchanged: 0 });
		const applied = await applyImport(db(), central, retry.importId!);
		expect(applied.changed).toBe(6);
		const rows = await db().select().from(indicatorValueHistory).where(eq(indicatorValueHistory.importId, retry.importId!));
		expect(rows).toHaveLength(6);
	});

	it('the lokal styrgrupp cannot import figures of another förvaltning', async () => {
		const preview = await previewImport(db(), await org.actor(org.people.steeringF), csv('andra.csv', 'Indikator;Förvaltning;Period;Värde\nAntal konsulter;Söderås förvaltning;april 2021;3\n'));
		expect(preview.problems).toEqual([{ line: 2, message: 'Okänd förvaltning ”Söderås förvaltning”, eller så får du inte rapportera för den.' }]);
		expect(await kindOf(previewImport(db(), await org.actor(org.people.departmentA), csv('x.csv', 'Indikator\n')))).toBe('not_found');
	});

	it('the dashboard shows the förvaltning beside the city, with targets; the central group compares förvaltningar', async () => {
		const steering = await org.actor(org.people.steeringF);
		const dashboard = await indicatorDashboard(db(), steering, { unit: org.units.f.id });
		const vfu = dashboard.panels.find((p) => p.def.key === 'vfu_places')!;
		expect(vfu.series.map((s) => s.name)).toEqual(['Norrviks förvaltning', 'Hela Testkommun']);
		expect(vfu.categories).toEqual(['HT 2020', 'VT 2021']);
		expect(vfu.series[0].values).toEqual([null, 8]);
		expect(vfu.series[1].values).toEqual([7, 8]);

		const central = await org.actor(org.people.central);
		const city = await indicatorDetail(db(), central, 'vfu_places', { unit: org.units.kommun.id });
		expect(city.target).toBe(100);
		expect(city.panel.categories).toEqual(['HT 2020', 'VT 2021']);
		expect(city.panel.series[0].values).toEqual([7, 8]);
		expect(city.panel.latest!.note).toBe('summan av förvaltningarna');
		// A partial sum is never the total: the headline, the chart and the table say how many reported.
		expect(city.panel.latest!.partial).toBe('1 av 2 förvaltningar har rapporterat');
		expect(city.panel.series[0].partial!.at(-1)).toBe('1 av 2 förvaltningar har rapporterat');
		expect(city.comparison!.rows.map((r) => [r.unit.name, r.texts])).toEqual([
			['Norrviks förvaltning', ['–', '8 platser']],
			['Söderås förvaltning', ['7 platser', '–']]
		]);
		const turnover = await indicatorDetail(db(), central, 'turnover', { unit: org.units.f.id });
		expect(turnover.panel.series[0].values).toEqual([15]);
		expect(turnover.splits[0].series.map((s) => [s.name, s.values])).toEqual([
			['Socialsekreterare', [15]],
			['Biståndshandläggare', [15]]
		]);
		// The avdelningschef sees the förvaltning but no comparison of förvaltningar.
		expect((await indicatorDetail(db(), await org.actor(org.people.departmentA), 'vfu_places', { unit: org.units.kommun.id })).comparison).toBeNull();
	});

	it('the pulse survey beside the indicators comes through buildReport and its anonymity rule', async () => {
		const round = await insertRound(db(), { status: 'closed', name: 'VB 2021', kind: 'VB', year: 2021, opensAt: new Date('2021-11-20'), unitIds: [org.units.f.id, org.units.f2.id] });
		for (const [i, p] of [...org.people.e1Direct, ...org.people.g1, ...org.people.e2, ...org.people.e3].entries()) await insertResponse(db(), { roundId: round.id, personId: p.id, situationScore: (i % 6) + 1 });
		for (const p of org.people.e4.slice(0, 3)) await insertResponse(db(), { roundId: round.id, personId: p.id });
		const central = await org.actor(org.people.central);
		for (const unit of [org.units.f, org.units.f2, org.units.kommun]) {
			const dashboard = await indicatorDashboard(db(), central, { unit: unit.id });
			const report = await buildReport(db(), central, { unit: unit.id });
			expect(dashboard.pulse!.series[0].values).toEqual(report.trend.map((t) => (t.cell.shown ? t.cell.figures.statements.situation.mean : null)));
		}
		// Norrvik has 19 answers, but Söderås only 3: the city minus Norrvik would reveal Söderås, so
		// Norrvik's figures are hidden on the dashboard exactly as in the report.
		const f = await indicatorDashboard(db(), central, { unit: org.units.f.id });
		expect(f.pulse!.series.every((s) => s.values.every((v) => v === null))).toBe(true);
		expect(f.pulse!.hiddenCount).toBe(1);
		const city = await indicatorDashboard(db(), central, { unit: org.units.kommun.id });
		expect(city.pulse!.series[0].values[0]).toEqual(expect.any(Number));
		// The avdelningschef may read the förvaltning's indicators, but not its survey results.
		expect((await indicatorDashboard(db(), await org.actor(org.people.departmentA), { unit: org.units.f.id })).pulse).toBeNull();
	});

	it('administrators define their own indicators, with history; others may not', async () => {
		const admin = await org.actor(org.people.admin);
		const input = { name: 'Medarbetare med mentor', unit: 'personer', kind: 'count', periodType: 'year', higherIsBetter: 'yes', target: '20', splits: ['gender'] };
		expect(await kindOf(createIndicator(db(), await org.actor(org.people.central), input))).toBe('not_found');
		const created = await createIndicator(db(), admin, input);
		expect(created).toMatchObject({ key: 'custom_medarbetare_med_mentor', kind: 'count', target: 20, splits: ['gender'], builtin: false });
		const bad = await createIndicator(db(), admin, { ...input, name: '', kind: 'rate', higherIsBetter: '' }).catch((e) => e);
		expect(bad.fieldErrors).toMatchObject({ name: 'Ge indikatorn ett namn.', higherIsBetter: 'Välj om ett högre värde är bättre eller sämre.' });
		const updated = await updateIndicator(db(), admin, 'vfu_places', { name: 'VFU-platser', kind: 'decimal', periodType: 'year', higherIsBetter: 'no', target: '120' });
		expect(updated).toMatchObject({ name: 'VFU-platser', kind: 'count', periodType: 'semester', higherIsBetter: true, target: 120 });
		expect((await getIndicator(db(), created.id)).name).toBe('Medarbetare med mentor');
	});
});
