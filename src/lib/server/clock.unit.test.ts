import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dateInStockholm, stockholmInstant, timeInStockholm } from '$lib/time';
import { clockStart, fixClock, halfYearOf, now, tertialOf, todayInStockholm, yearInStockholm } from './clock';
import { parseEnv, resetEnvCache } from './env';

const saved = { CLOCK_AT: process.env.CLOCK_AT, CLOCK_AT_SINCE: process.env.CLOCK_AT_SINCE, DEMO: process.env.DEMO };

afterEach(() => {
	for (const [k, v] of Object.entries(saved)) {
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
	fixClock(null);
	resetEnvCache();
});

describe('the Stockholm calendar', () => {
	it('takes the date in Stockholm, not in UTC: 00:30 in Stockholm is the previous day in UTC', () => {
		const winter = new Date('2026-12-02T23:30:00Z'); // 00:30 on 3 December in Stockholm (UTC+1)
		expect(dateInStockholm(winter)).toBe('2026-12-03');
		expect(timeInStockholm(winter)).toBe('00:30');
		const summer = new Date('2026-06-14T22:10:00Z'); // 00:10 on 15 June (UTC+2)
		expect(dateInStockholm(summer)).toBe('2026-06-15');
		expect(timeInStockholm(summer)).toBe('00:10');
	});

	it('finds the instant of a Stockholm date and time in winter, summer and on the change days', () => {
		expect(stockholmInstant('2026-12-03', '00:30').toISOString()).toBe('2026-12-02T23:30:00.000Z');
		expect(stockholmInstant('2026-06-15').toISOString()).toBe('2026-06-14T22:00:00.000Z');
		expect(stockholmInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T00:30:00.000Z');
		expect(stockholmInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(stockholmInstant('2026-10-25', '03:30').toISOString()).toBe('2026-10-25T02:30:00.000Z');
		expect(stockholmInstant('2026-12-31', '23:59').toISOString()).toBe('2026-12-31T22:59:00.000Z');
	});

	it('counts calendar days over month and year ends', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
	});
});

describe('the clock', () => {
	it('tells today, the year and the periods in Stockholm time', () => {
		fixClock(new Date('2026-12-31T23:30:00Z')); // 00:30 on New Year's Day in Stockholm
		expect(todayInStockholm()).toBe('2027-01-01');
		expect(yearInStockholm()).toBe(2027);
		expect(tertialOf()).toEqual({ year: 2027, tertial: 1 });
		expect(halfYearOf()).toEqual({ year: 2027, half: 1 });
		expect(tertialOf(new Date('2026-08-31T22:30:00Z'))).toEqual({ year: 2026, tertial: 3 });
		expect(halfYearOf(new Date('2026-06-30T22:30:00Z'))).toEqual({ year: 2026, half: 2 });
	});

	it('is real time when nothing is set, and now is the same clock', () => {
		delete process.env.CLOCK_AT;
		resetEnvCache();
		const before = Date.now();
		expect(now().getTime()).toBeGreaterThanOrEqual(before);
		expect(now().getTime()).toBeLessThan(before + 5_000);
		expect(now).toBe(now);
	});

	it('starts at CLOCK_AT and runs on from the recorded real start', () => {
		const since = Date.now() - 60_000;
		process.env.CLOCK_AT = '2027-02-01T08:00:00+01:00';
		process.env.CLOCK_AT_SINCE = String(since);
		resetEnvCache();
		const shown = now().getTime() - new Date('2027-02-01T07:00:00Z').getTime();
		expect(shown).toBeGreaterThanOrEqual(60_000);
		expect(shown).toBeLessThan(65_000);
	});

	it('reads HH:MM as that time today in Stockholm, on the date of the real start', () => {
		expect(clockStart('00:30', new Date('2026-12-02T23:45:00Z')).toISOString()).toBe('2026-12-02T23:30:00.000Z');
		expect(clockStart('23:59', new Date('2026-12-02T10:00:00Z')).toISOString()).toBe('2026-12-02T22:59:00.000Z');
		expect(clockStart('2027-02-01T08:00:00Z', new Date()).toISOString()).toBe('2027-02-01T08:00:00.000Z');
	});
});

describe('CLOCK_AT, the setting', () => {
	it('is accepted for demonstrations and tests', () => {
		expect(parseEnv({ DEMO: 'on', NODE_ENV: 'production', CLOCK_AT: '00:30' }).CLOCK_AT).toBe('00:30');
		expect(parseEnv({ DEMO: 'auto', NODE_ENV: 'production', CLOCK_AT: '2027-02-01T09:00:00+01:00' }).CLOCK_AT).toBe('2027-02-01T09:00:00+01:00');
		expect(parseEnv({ DEMO: 'off', NODE_ENV: 'test', CLOCK_AT: '23:59' }).CLOCK_AT).toBe('23:59');
	});

	it('is refused at start in production, with a clear message', () => {
		expect(() => parseEnv({ DEMO: 'off', NODE_ENV: 'production', CLOCK_AT: '00:30' })).toThrow(/CLOCK_AT: is only for demonstrations and tests/);
		expect(() => parseEnv({ DEMO: 'auto', DATABASE_URL: 'postgres://db/x', NODE_ENV: 'production', CLOCK_AT: '00:30' })).toThrow(/aldrig användas i produktion/);
	});

	it('must be HH:MM or a date-time, not just any text', () => {
		for (const bad of ['i morgon', '24:00', '7:30', '2027-02-01']) {
			expect(() => parseEnv({ DEMO: 'on', CLOCK_AT: bad }), bad).toThrow(/CLOCK_AT: must be HH:MM/);
		}
	});

	it('refuses the former name DEMO_TODAY and says what it is called now', () => {
		expect(() => parseEnv({ DEMO: 'on', DEMO_TODAY: '2027-02-01T08:00:00Z' })).toThrow(/DEMO_TODAY: has been renamed CLOCK_AT/);
	});
});
