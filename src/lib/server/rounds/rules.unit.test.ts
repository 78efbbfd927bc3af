import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { assertAnswerable, assertNoOverlap, assertTransition, openInput, responseInput, roundInput, roundName } from './rules';

const valid = { caseCount: '18', situationScore: '4', qualityScore: '5', recommendScore: '3' };

describe('round states', () => {
	it('goes draft → open → closed and nothing else', () => {
		expect(() => assertTransition('draft', 'open')).not.toThrow();
		expect(() => assertTransition('open', 'closed')).not.toThrow();
		for (const [from, to] of [['closed', 'open'], ['open', 'open'], ['draft', 'closed'], ['closed', 'closed']] as const) {
			expect(() => assertTransition(from, to)).toThrow(DomainError);
		}
	});
	it('explains why a closed round cannot be reopened', () => {
		expect(() => assertTransition('closed', 'open')).toThrow(/kan inte öppnas igen/);
	});
	it('only accepts answers while open', () => {
		expect(() => assertAnswerable('open')).not.toThrow();
		expect(() => assertAnswerable('draft')).toThrow(/inte öppnat/);
		expect(() => assertAnswerable('closed')).toThrow(/stängd/);
	});
	it('names rounds by kind and year', () => {
		expect(roundName('T2', 2026)).toBe('T2 2026');
		expect(roundName('VB', 2016)).toBe('VB 2016');
		expect(roundName('custom', 2026, ' Extra mätning maj ')).toBe('Extra mätning maj');
	});
});

describe('an answer', () => {
	it('accepts a complete answer from a form and trims texts, empty becomes null', () => {
		const r = responseInput.parse({ ...valid, situationComment: '  För många ärenden  ', qualityComment: '' });
		expect(r).toMatchObject({ caseCount: 18, situationScore: 4, qualityScore: 5, recommendScore: 3, situationComment: 'För många ärenden', qualityComment: null, positiveText: null });
	});
	it('requires each statement with a Swedish message naming it', () => {
		const r = responseInput.safeParse({ caseCount: '3', situationScore: '', qualityScore: '5', recommendScore: '3' });
		expect(r.success).toBe(false);
		expect(r.error!.issues[0].path).toEqual(['situationScore']);
		expect(r.error!.issues[0].message).toContain('Jag har en bra arbetssituation.');
	});
	it('refuses scores outside 1–6 and non-integers', () => {
		for (const bad of ['0', '7', '3.5', 'abc']) {
			const r = responseInput.safeParse({ ...valid, qualityScore: bad });
			expect(r.success, bad).toBe(false);
			expect(r.error!.issues[0].message).toMatch(/mellan 1 och 6/);
		}
	});
	it('refuses a missing, negative, fractional or absurd case count', () => {
		expect(responseInput.safeParse({ ...valid, caseCount: '' }).error!.issues[0].message).toMatch(/Fyll i hur många/);
		expect(responseInput.safeParse({ ...valid, caseCount: '-1' }).error!.issues[0].message).toMatch(/negativt/);
		expect(responseInput.safeParse({ ...valid, caseCount: '2.5' }).error!.issues[0].message).toMatch(/heltal/);
		expect(responseInput.safeParse({ ...valid, caseCount: '9999' }).error!.issues[0].message).toMatch(/högst 500/);
		expect(responseInput.parse({ ...valid, caseCount: '0' }).caseCount).toBe(0);
	});
	it('limits motivations to 1000 characters', () => {
		expect(responseInput.safeParse({ ...valid, recommendComment: 'x'.repeat(1001) }).error!.issues[0].message).toMatch(/högst 1000/);
	});
	it('accepts JSON numbers and null texts from the API', () => {
		const r = responseInput.parse({ caseCount: 0, situationScore: 6, qualityScore: 1, recommendScore: 2, positiveText: null });
		expect(r.positiveText).toBeNull();
	});
});

describe('a new round', () => {
	const base = { kind: 'T2', year: '2027', opensAt: '2027-08-20', closesAt: '2027-09-10', unitIds: ['7d6f1e5e-9a3b-4c1d-8e2f-0a1b2c3d4e5f'] };
	it('accepts a valid round', () => {
		expect(roundInput.parse(base).year).toBe(2027);
	});
	it('needs the close after the open', () => {
		const r = roundInput.safeParse({ ...base, closesAt: '2027-08-01' });
		expect(r.error!.issues[0]).toMatchObject({ path: ['closesAt'], message: 'Stängningsdatum måste vara efter öppningsdatum.' });
	});
	it('needs at least one förvaltning, and a name for custom rounds', () => {
		expect(roundInput.safeParse({ ...base, unitIds: [] }).error!.issues[0].message).toMatch(/minst en förvaltning/);
		expect(roundInput.safeParse({ ...base, kind: 'custom' }).error!.issues[0].message).toMatch(/namn/);
	});
	it('reports every error at once, the missing name too', () => {
		const r = roundInput.safeParse({ kind: 'custom', year: '2027', opensAt: '', closesAt: '', unitIds: [] });
		expect(r.error!.issues.map((i) => i.path[0]).sort()).toEqual(['closesAt', 'name', 'opensAt', 'unitIds']);
	});
	it('refuses missing dates with Swedish messages', () => {
		expect(roundInput.safeParse({ ...base, opensAt: '' }).error!.issues[0].message).toMatch(/när mätomgången öppnar/);
	});
});

describe('opening while another round is open', () => {
	const other = { id: 'x', name: 'VB 2026', units: ['Socialförvaltningen'] };
	const messageOf = (f: () => void) => {
		try {
			f();
			return null;
		} catch (e) {
			expect(e).toBeInstanceOf(DomainError);
			expect((e as DomainError).kind).toBe('conflict');
			return (e as DomainError).message;
		}
	};

	it('is refused, naming the other round and what to do, unless explicitly allowed', () => {
		expect(messageOf(() => assertNoOverlap([other], false))).toBe(
			'Mätomgången ”VB 2026” (Socialförvaltningen) är redan öppen för samma personer. Stäng den först, eller kryssa i ”Tillåt samtidig mätomgång” (i API:et allowOverlap: true) om två mätomgångar samtidigt är avsikten.'
		);
		expect(messageOf(() => assertNoOverlap([other, { id: 'y', name: 'Extra', units: ['A', 'B'] }], false))).toMatch(/^Mätomgångarna ”VB 2026” \(Socialförvaltningen\) och ”Extra” \(A och B\) är redan öppna för samma personer\. Stäng dem först/);
		expect(messageOf(() => assertNoOverlap([other], true))).toBeNull();
		expect(messageOf(() => assertNoOverlap([], false))).toBeNull();
	});

	it('allowOverlap is true only when said so', () => {
		for (const yes of [true, 'true', 'on', '1', 'ja']) expect(openInput.parse({ allowOverlap: yes }).allowOverlap).toBe(true);
		for (const no of [undefined, false, 'false', 'nej', '', 0]) expect(openInput.parse({ allowOverlap: no }).allowOverlap).toBe(false);
		expect(openInput.parse({}).allowOverlap).toBe(false);
	});
});
