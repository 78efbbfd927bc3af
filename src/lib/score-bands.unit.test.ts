import { describe, expect, it } from 'vitest';
import { changeDirection, meanBand, responseRateBand } from './score-bands';

describe('score bands', () => {
	it('bands a mean around the middle of the 1–6 scale', () => {
		expect([1, 2.49, 2.5, 3.49, 3.5, 4.49, 4.5, 6].map(meanBand)).toEqual(['low', 'low', 'lowish', 'lowish', 'highish', 'highish', 'high', 'high']);
	});
	it('bands a response rate', () => {
		expect([0.2, 0.5, 0.7, 0.8, 1].map(responseRateBand)).toEqual(['low', 'lowish', 'highish', 'high', 'high']);
	});
	it('calls a change of less than 0,05 no change', () => {
		expect([0.3, 0.05, 0.04, -0.04, -0.05, -1].map(changeDirection)).toEqual(['up', 'up', 'same', 'same', 'down', 'down']);
	});
});
