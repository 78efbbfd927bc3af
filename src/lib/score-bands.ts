/**
 * The bands a figure is coloured by (colour is never the only carrier: the band's word is
 * printed or read out beside the number). Shared by every heatmap in the app.
 */

export type Band = 'low' | 'lowish' | 'highish' | 'high';

export const bandLabel: Record<Band, string> = { low: 'Lågt', lowish: 'Något lågt', highish: 'Något högt', high: 'Högt' };

/** The band's background (hex RGB), light enough for AA contrast of dark text; app.css has the same for pages. */
export const bandColour: Record<Band, string> = { low: 'F9D6D2', lowish: 'FCEBDC', highish: 'E2EEF8', high: 'C9E2F3' };

/** A mean on the 1–6 scale, around the middle of the scale (3,5). */
export function meanBand(mean: number): Band {
	if (mean < 2.5) return 'low';
	if (mean < 3.5) return 'lowish';
	if (mean < 4.5) return 'highish';
	return 'high';
}

/** A response rate (0–1): below half is low, two thirds or more is high. */
export function responseRateBand(rate: number): Band {
	if (rate < 0.5) return 'low';
	if (rate < 0.67) return 'lowish';
	if (rate < 0.8) return 'highish';
	return 'high';
}

/** A change of a mean since the previous round: what counts as a move, not noise. */
export function changeDirection(change: number): 'up' | 'down' | 'same' {
	if (change >= 0.05) return 'up';
	if (change <= -0.05) return 'down';
	return 'same';
}
