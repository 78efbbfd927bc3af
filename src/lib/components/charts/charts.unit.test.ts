import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import TwoTrendCharts from './test-fixtures/TwoTrendCharts.svelte';
import { DistributionBar, TrendChart, formatNumber, formatPercentPoints, normaliseCounts, roundedPercentages } from './index';

/** Text content of the first <table> in the html, cells separated by '|' and rows by newlines. */
function tableText(html: string): string[][] {
	const table = html.match(/<table[\s\S]*?<\/table>/)?.[0] ?? '';
	return [...table.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((row) =>
		[...row[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
			cell[1]
				.replace(/<!--[\s\S]*?-->/g, '')
				.replace(/<span class="visually-hidden[^"]*">[\s\S]*?<\/span>/g, '')
				.replace(/<[^>]+>/g, '')
				.replace(/[ \t\r\n]+/g, ' ')
				.trim()
		)
	);
}

describe('format helpers', () => {
	it('formats with Swedish decimal comma and percent', () => {
		expect(formatNumber(4.25)).toBe('4,25');
		expect(formatNumber(4.256, 1)).toBe('4,3');
		expect(formatPercentPoints(23)).toBe('23\u00a0%');
	});

	it('rounds percentages to exactly 100', () => {
		expect(roundedPercentages([1, 1, 1])).toEqual([34, 33, 33]);
		expect(roundedPercentages([0, 0, 0])).toEqual([0, 0, 0]);
		expect(roundedPercentages([1, 2, 3, 4, 5, 6]).reduce((a, b) => a + b)).toBe(100);
	});

	it('normalises arrays and records of counts', () => {
		expect(normaliseCounts([1, 2, 3])).toEqual([1, 2, 3, 0, 0, 0]);
		expect(normaliseCounts({ 6: 4, 1: 2 })).toEqual([2, 0, 0, 0, 0, 4]);
		expect(normaliseCounts([-1, Number.NaN, 2, 0, 0, 1])).toEqual([0, 0, 2, 0, 0, 1]);
	});
});

describe('TrendChart (SSR)', () => {
	const props = {
		title: 'Jag har en bra arbetssituation',
		categories: ['VB 2016', 'T2 2017', 'VB 2017', 'T1 2018'],
		series: [
			{ name: 'Enhet A', values: [4.25, null, 3.5, 4] },
			{ name: 'Kommunen', values: [3.9, 4.1, 4.06, 4.2] }
		],
		yDomain: [1, 6] as [number, number],
		yLabel: 'Medelvärde',
		target: 4.5
	};

	it('renders an accessible svg with title, description and markers', () => {
		const { body } = render(TrendChart, { props });
		expect(body).toContain('<figure');
		expect(body).toMatch(/<figcaption[^>]*>Jag har en bra arbetssituation<\/figcaption>/);
		const svg = body.match(/<svg[^>]*role="img"[^>]*>/)?.[0];
		expect(svg).toBeDefined();
		const labelledby = svg!.match(/aria-labelledby="([^"]+)"/)?.[1];
		const describedby = svg!.match(/aria-describedby="([^"]+)"/)?.[1];
		expect(labelledby).toBeTruthy();
		expect(body).toContain(`<title id="${labelledby}">Jag har en bra arbetssituation</title>`);
		expect(body).toMatch(new RegExp(`<desc id="${describedby}">Linjediagram med 2 serier, från VB 2016 till T1 2018`));
		expect(body).toContain('Enhet A: senaste värde 4 (T1 2018).');
		expect(body).toMatch(/viewBox="0 0 640 \d+"/);
		// one marker per non-null value (3 + 4), each with a tooltip title
		expect(body.match(/<path d="[^"]+" transform="translate[^>]+><title>/g)).toHaveLength(7);
		expect(body).toContain('<title>T2 2017, Kommunen: 4,1</title>');
		expect(body).not.toContain('T2 2017, Enhet A');
		// the line of Enhet A is broken at the null: two sub-paths
		const enhetPath = body.match(/<path d="(M[^"]+)" fill="none" stroke="#0072B2"/)?.[1] ?? '';
		expect(enhetPath.match(/M/g)).toHaveLength(2);
		// second series has a dash pattern (not colour alone)
		expect(body).toMatch(/stroke="#D55E00" stroke-width="2.5" stroke-dasharray="8 4"/);
		// target line and legend
		expect(body).toContain('Mål 4,5');
		expect(body).toContain('Teckenförklaring');
	});

	it('renders the data table with Swedish decimals and dashes for nulls', () => {
		const { body } = render(TrendChart, { props });
		expect(body).toMatch(/<details[^>]*open/);
		expect(tableText(body)).toEqual([
			['Mätomgång', 'Enhet A', 'Kommunen'],
			['VB 2016', '4,3', '3,9'],
			['T2 2017', '–', '4,1'],
			['VB 2017', '3,5', '4,1'],
			['T1 2018', '4', '4,2']
		]);
		expect(body).toContain(
			'<span aria-hidden="true">–</span><span class="visually-hidden svelte-'
		);
		expect(body).toContain('värde saknas eller döljs för att skydda anonymiteten</span>');
		expect(body).toMatch(/<th scope="col"[^>]*>Enhet A<\/th>/);
		expect(body).toMatch(/<th scope="row"[^>]*>VB 2016<\/th>/);
	});

	it('can start with the data table closed, still in the page', () => {
		const { body } = render(TrendChart, { props: { ...props, tableOpen: false } });
		const details = body.match(/<details[^>]*>/)?.[0] ?? '';
		expect(details).toContain('class="data');
		expect(details).not.toMatch(/\sopen/);
		expect(body).toContain('<summary');
		expect(tableText(body)[0]).toEqual(['Mätomgång', 'Enhet A', 'Kommunen']);
	});

	it('uses a custom format and percent domain', () => {
		const { body } = render(TrendChart, {
			props: {
				title: 'Andel positiva',
				categories: ['T1 2024'],
				series: [{ name: 'Enhet', values: [62.5] }],
				yDomain: [0, 100],
				yLabel: 'Andel (%)',
				format: (v: number) => `${formatNumber(v, 1)} %`
			}
		});
		expect(tableText(body)[1]).toEqual(['T1 2024', '62,5 %']);
		expect(body).toContain('>100 %</text>');
		expect(body).not.toContain('Mål');
	});

	it('marks incomplete periods: hollow point, dotted line, the reason in the legend, table and description', () => {
		const partial = '7 av 14 förvaltningar har rapporterat';
		const { body } = render(TrendChart, {
			props: {
				title: 'Antal konsulter',
				categories: ['2023', '2024', '2025'],
				series: [{ name: 'Hela staden', values: [16, 15, 7], partial: [null, null, partial] }],
				yDomain: [0, 20],
				yLabel: 'Antal konsulter',
				format: (v: number) => formatNumber(v, 0)
			}
		});
		expect(tableText(body)[3]).toEqual(['2025', `7 (ofullständig: ${partial})`]);
		expect(tableText(body)[1]).toEqual(['2023', '16']);
		expect(body).toContain('Ofullständig: alla har inte rapporterat');
		expect(body).toContain(`senaste värde 7 (2025, ofullständigt: ${partial})`);
		// One dotted segment (2024–2025), and one hollow marker (white fill).
		expect(body.match(/stroke-dasharray="1 5"/g)).toHaveLength(2); // the segment and the legend swatch
		expect(body.match(/<path[^>]*fill="#FFFFFF"[^>]*>/g)).toHaveLength(1);
		expect(body).toContain(`2025, Hela staden: 7 (ofullständigt: ${partial})`);
	});

	it('draws no incomplete marks when every value is whole', () => {
		const { body } = render(TrendChart, { props });
		expect(body).not.toContain('Ofullständig');
		expect(body).not.toContain('stroke-dasharray="1 5"');
	});

	it('gives distinct ids to two charts on one page', () => {
		const { body } = render(TwoTrendCharts);
		const ids = [...body.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1]);
		expect(ids).toHaveLength(2);
		expect(ids[0]).not.toBe(ids[1]);
		for (const id of ids) expect(body.match(new RegExp(`id="${id}"`, 'g'))).toHaveLength(1);
	});

	it('renders an empty state without svg', () => {
		const { body } = render(TrendChart, {
			props: { title: 'Tom', categories: [], series: [], yDomain: [1, 6], yLabel: 'Medelvärde' }
		});
		expect(body).toContain('Det finns inga värden att visa.');
		expect(body).not.toContain('<svg');
	});
});

describe('DistributionBar (SSR)', () => {
	const counts = [2, 3, 5, 10, 12, 8]; // n = 40

	it('renders the bar, the legend table and a hidden summary', () => {
		const { body } = render(DistributionBar, { props: { counts, label: 'Jag har en bra arbetssituation.' } });
		expect(body).toMatch(/<figcaption[^>]*>Jag har en bra arbetssituation.<\/figcaption>/);
		expect(body).toMatch(/<div class="bar[^"]*" aria-hidden="true"/);
		expect(body).toContain('Svarsfördelning, 40 svar. Vanligast: 5 Stämmer bra (30\u00a0%).');
		expect(body).toContain('background-color: #B2182B');
		expect(body).toContain('width: 30%');
		expect(tableText(body)).toEqual([
			['Svar', 'Antal', 'Andel'],
			['1 Stämmer inte alls', '2', '5\u00a0%'],
			['2 Stämmer dåligt', '3', '8\u00a0%'],
			['3 Stämmer ganska dåligt', '5', '12\u00a0%'],
			['4 Stämmer ganska bra', '10', '25\u00a0%'],
			['5 Stämmer bra', '12', '30\u00a0%'],
			['6 Stämmer helt', '8', '20\u00a0%'],
			['Totalt', '40', '100\u00a0%']
		]);
		// percentages shown inside wide segments only (5 % segment has no label)
		const clean = body.replace(/<!--[\s\S]*?-->/g, '');
		expect(clean).toMatch(/>25\u00a0%<\/span>/);
		expect(clean).not.toMatch(/>5\u00a0%<\/span>/);
	});

	it('compact mode lists every score in visually hidden text and has no table', () => {
		const { body } = render(DistributionBar, { props: { counts: { 1: 1, 6: 3 }, compact: true } });
		expect(body).not.toContain('<table');
		expect(body).not.toContain('<figure');
		expect(body).toContain(
			'4 svar. 1 Stämmer inte alls: 1 (25\u00a0%); 2 Stämmer dåligt: 0 (0\u00a0%); 3 Stämmer ganska dåligt: 0 (0\u00a0%); ' +
				'4 Stämmer ganska bra: 0 (0\u00a0%); 5 Stämmer bra: 0 (0\u00a0%); 6 Stämmer helt: 3 (75\u00a0%).'
		);
		expect(body).toMatch(/class="visually-hidden svelte-/);
		// zero segments are not drawn
		expect(body.match(/class="segment/g)).toHaveLength(2);
	});

	it('handles zero answers', () => {
		const { body } = render(DistributionBar, { props: { counts: [0, 0, 0, 0, 0, 0], label: 'Fråga' } });
		expect(body).toContain('Inga svar');
		expect(tableText(body).at(-1)).toEqual(['Totalt', '0', '–']);
	});
});
