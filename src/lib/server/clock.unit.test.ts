import { afterEach, describe, expect, it } from 'vitest';
import { appNow } from './clock';
import { parseEnv, resetEnvCache } from './env';

const TODAY = '2027-02-01T08:00:00Z';

describe('DEMO_TODAY, the app clock of a demonstration', () => {
	afterEach(() => {
		delete process.env.DEMO_TODAY;
		delete process.env.DEMO;
		resetEnvCache();
	});

	it('is accepted with the demo: DEMO=on, or DEMO=auto with the embedded database', () => {
		expect(parseEnv({ DEMO: 'on', DEMO_TODAY: TODAY }).DEMO_TODAY).toEqual(new Date(TODAY));
		expect(parseEnv({ DEMO: 'on', DATABASE_URL: 'postgres://db/x', DEMO_TODAY: TODAY }).DEMO_TODAY).toEqual(new Date(TODAY));
		expect(parseEnv({ DEMO: 'auto', DEMO_TODAY: '2027-02-01T09:00:00+01:00' }).DEMO_TODAY).toEqual(new Date(TODAY));
	});

	it('is refused at start without the demo, with a clear message', () => {
		expect(() => parseEnv({ DEMO: 'off', DEMO_TODAY: TODAY })).toThrow(/DEMO_TODAY: is only for demonstrations/);
		expect(() => parseEnv({ DEMO: 'auto', DATABASE_URL: 'postgres://db/x', DEMO_TODAY: TODAY })).toThrow(/aldrig användas i produktion/);
	});

	it('must be a date-time, not just any text', () => {
		expect(() => parseEnv({ DEMO: 'on', DEMO_TODAY: 'i morgon' })).toThrow(/DEMO_TODAY/);
	});

	it('moves appNow() only when set', () => {
		process.env.DEMO = 'on';
		resetEnvCache();
		const before = Date.now();
		expect(appNow().getTime()).toBeGreaterThanOrEqual(before);
		process.env.DEMO_TODAY = TODAY;
		resetEnvCache();
		expect(appNow()).toEqual(new Date(TODAY));
	});
});
