import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { closedYears, incidentTable, isSerious, measuresInput, nextPublication, occurredAt, occursInFuture, reportInput, statisticsCutoff, type ExportIncident } from './rules';

function fieldErrors(schema: Parameters<typeof parseInput>[0], input: unknown): Record<string, string> {
	try {
		parseInput(schema, input);
	} catch (e) {
		if (e instanceof DomainError) return e.fieldErrors;
		throw e;
	}
	return {};
}

const valid = { form: 'hot', occurredOn: '2026-03-14', activityArea: 'barn_och_unga', description: 'Pappan hotade mig i telefon.', policeReported: 'no', threatTakenSeriously: 'yes' };

describe('an incident report', () => {
	it('needs the form, the day, the activity, what happened and whether it was reported to the police', () => {
		expect(fieldErrors(reportInput, {})).toEqual({
			form: 'Välj vilken sorts påverkan det var.',
			occurredOn: 'Fyll i vilken dag det hände.',
			activityArea: 'Välj i vilken verksamhet det hände.',
			description: 'Beskriv vad som hände.',
			policeReported: 'Svara om händelsen är polisanmäld.'
		});
	});

	it('asks, for a threat, whether it is taken seriously, together with the other missing answers', () => {
		expect(fieldErrors(reportInput, { form: 'hot' })).toMatchObject({ threatTakenSeriously: 'Svara om medarbetaren tar hotet på allvar.', description: 'Beskriv vad som hände.' });
		expect(fieldErrors(reportInput, { ...valid, threatTakenSeriously: '' })).toEqual({ threatTakenSeriously: 'Svara om medarbetaren tar hotet på allvar.' });
		expect(parseInput(reportInput, { ...valid, form: 'trakasserier', threatTakenSeriously: 'yes' }).threatTakenSeriously).toBe(false);
	});

	it('checks date and time', () => {
		expect(fieldErrors(reportInput, { ...valid, occurredOn: '2026-02-30', occurredTime: '25:00' })).toEqual({
			occurredOn: 'Datumet finns inte. Kontrollera månad och dag.',
			occurredTime: 'Skriv klockslaget som TT:MM, till exempel 14:30.'
		});
	});

	it('reads yes/no answers, from a form or as JSON booleans', () => {
		expect(parseInput(reportInput, { ...valid, policeReported: 'yes' })).toMatchObject({ policeReported: true, threatTakenSeriously: true, setting: '' });
		expect(parseInput(reportInput, { ...valid, policeReported: true, threatTakenSeriously: false })).toMatchObject({ policeReported: true, threatTakenSeriously: false });
		expect(fieldErrors(reportInput, { ...valid, policeReported: 'kanske' })).toEqual({ policeReported: 'Svara om händelsen är polisanmäld.' });
	});

	it('places the time in Swedish time, summer and winter', () => {
		expect(occurredAt('2026-01-15', '14:30')).toEqual({ at: new Date('2026-01-15T13:30:00.000Z'), timeKnown: true });
		expect(occurredAt('2026-07-15', '14:30')).toEqual({ at: new Date('2026-07-15T12:30:00.000Z'), timeKnown: true });
	});

	it('keeps a time left blank as unknown, at the start of the Stockholm day (not noon)', () => {
		expect(occurredAt('2026-07-15', undefined)).toEqual({ at: new Date('2026-07-14T22:00:00.000Z'), timeKnown: false });
		expect(occurredAt('2026-12-03', undefined)).toEqual({ at: new Date('2026-12-02T23:00:00.000Z'), timeKnown: false });
	});

	describe('in the future, against Stockholm time', () => {
		// 00:30 on 3 December in Stockholm is still 2 December in UTC.
		const at0030 = new Date('2026-12-02T23:30:00Z');
		it('an incident at 00:10 reported at 00:30 is not in the future', () => {
			expect(occursInFuture('2026-12-03', '00:10', at0030)).toBe(false);
			expect(occursInFuture('2026-12-03', '00:31', at0030)).toBe(false); // within the minute's grace
			expect(occursInFuture('2026-12-03', '00:40', at0030)).toBe(true);
		});
		it("today's incident without a time is not in the future before noon, nor just after midnight", () => {
			expect(occursInFuture('2026-12-03', undefined, at0030)).toBe(false);
			expect(occursInFuture('2026-12-03', undefined, new Date('2026-12-03T08:00:00Z'))).toBe(false);
			expect(occursInFuture('2026-12-04', undefined, at0030)).toBe(true);
		});
		it('yesterday late in the evening is not in the future at 00:30', () => {
			expect(occursInFuture('2026-12-02', '23:50', at0030)).toBe(false);
		});
	});

	it('the manager’s dates are optional but real', () => {
		expect(parseInput(measuresInput, { measures: ' Samtal ', authorityReportedOn: '', workInjuryReportedOn: '' })).toEqual({ measures: 'Samtal' });
		expect(fieldErrors(measuresInput, { authorityReportedOn: '2026-13-01' })).toEqual({ authorityReportedOn: 'Datumet finns inte. Kontrollera månad och dag.' });
		expect(fieldErrors(measuresInput, { workInjuryReportedOn: '14/3' })).toEqual({ workInjuryReportedOn: 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-14.' });
	});
});

describe('serious incidents', () => {
	it('are violence, or a threat the employee takes seriously', () => {
		expect(isSerious({ form: 'vald', threatTakenSeriously: false })).toBe(true);
		expect(isSerious({ form: 'hot', threatTakenSeriously: true })).toBe(true);
		expect(isSerious({ form: 'hot', threatTakenSeriously: false })).toBe(false);
		expect(isSerious({ form: 'trakasserier', threatTakenSeriously: false })).toBe(false);
	});
});

describe('statistics per year', () => {
	it('are shown from 1 February the year after, never while the year runs', () => {
		expect(statisticsCutoff(2025).toISOString()).toBe('2026-01-31T23:00:00.000Z');
		expect(closedYears([2024, 2025, 2026, 2025], new Date('2026-01-20T12:00:00Z'))).toEqual([2024]);
		expect(closedYears([2024, 2025, 2026], new Date('2026-02-01T12:00:00Z'))).toEqual([2025, 2024]);
		// What the page announces: in January the year just ended, from February the current one.
		expect(nextPublication(new Date('2026-01-20T12:00:00Z'))).toEqual(statisticsCutoff(2025));
		expect(nextPublication(new Date('2026-02-01T12:00:00Z'))).toEqual(statisticsCutoff(2026));
		expect(nextPublication(new Date('2026-11-25T12:00:00Z'))).toEqual(statisticsCutoff(2026));
	});
});

describe('the export for work-injury reporting', () => {
	const incident: ExportIncident = {
		id: 'i1',
		occurredAt: new Date('2026-03-14T13:30:00Z'),
		occurredTimeKnown: true,
		personName: 'Sara Lindqvist',
		employeeId: '100234',
		title: 'Socialsekreterare',
		forvaltningName: 'Norrviks stadsdelsförvaltning',
		unitName: 'Utredningsgrupp 1',
		form: 'vald',
		activityArea: 'barn_och_unga',
		setting: 'Besöksrum',
		description: 'Slogs.',
		policeReported: true,
		threatTakenSeriously: false,
		measures: 'Samtal med företagshälsovården.',
		authorityReportedOn: null,
		workInjuryReportedOn: null,
		supportEnough: null,
		reportedByName: 'Maria Ekström',
		createdAt: new Date('2026-03-15T08:00:00Z')
	};

	it('has one row per incident in Swedish, and says when a serious one is not yet reported', () => {
		const table = incidentTable([incident], 'Hot och våld 2026');
		expect(table.columns.map((c) => c.header)).toContain('Anmäld till Arbetsmiljöverket');
		expect(table.rows[0]).toMatchObject({
			date: '2026-03-14',
			time: '14:30',
			form: 'Våld',
			area: 'Barn och unga',
			police: 'Ja',
			serious: 'Ja',
			authority: 'Inte anmäld än',
			support: 'Inte besvarat'
		});
	});

	it('says the time is unknown when none was given, with the date in Stockholm time', () => {
		const table = incidentTable([{ ...incident, occurredAt: new Date('2026-03-13T23:00:00Z'), occurredTimeKnown: false }], 'Hot och våld 2026');
		expect(table.rows[0]).toMatchObject({ date: '2026-03-14', time: 'Okänd' });
	});
});
