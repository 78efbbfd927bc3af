/**
 * Line charts for the report as plain SVG text (no browser, no DOM): the same picture as the
 * pages' TrendChart, with a marker shape and dash per series so colour is never the only cue,
 * and a dashed target line. Rasterised for Word and the PDF by raster.ts.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import { SERIES_COLOURS, SERIES_DASHES } from '$lib/components/charts/format';
import { FONT_FAMILY } from './fonts';

export interface LineChartSpec {
	categories: string[];
	series: { name: string; values: (number | null)[]; partial?: (string | null)[] }[];
	yMax: number;
	yMin?: number;
	target?: number | null;
	yLabel: string;
	format: (v: number) => string;
}

const SYMBOLS: SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond];

export const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

export function lineChartSvg(spec: LineChartSpec, size = { width: 640, height: 290 }): string {
	const { width, height } = size;
	const rotate = spec.categories.length > 8 || spec.categories.some((c) => c.length > 9);
	const legendHeight = 22 * Math.ceil(spec.series.length / 2) + (spec.target !== null && spec.target !== undefined ? 0 : 0);
	const margin = { top: 14, right: 20, bottom: (rotate ? 70 : 34) + legendHeight, left: 58 };
	const x = scalePoint<number>()
		.domain(spec.categories.map((_, i) => i))
		.range([margin.left, width - margin.right])
		.padding(0.5);
	const y = scaleLinear()
		.domain([spec.yMin ?? 0, spec.yMax])
		.range([height - margin.bottom, margin.top])
		.clamp(true);
	const text = (attrs: string, content: string) => `<text ${attrs} font-family="${FONT_FAMILY}" font-size="12" fill="#1b2430">${escapeXml(content)}</text>`;
	const parts: string[] = [`<rect width="${width}" height="${height}" fill="#ffffff"/>`];
	for (const tick of y.ticks(5)) {
		parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#1b2430" stroke-opacity="0.15"/>`);
		parts.push(text(`x="${margin.left - 8}" y="${y(tick) + 4}" text-anchor="end"`, spec.format(tick)));
	}
	parts.push(text(`transform="translate(14 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" text-anchor="middle" font-weight="600"`, spec.yLabel));
	const baseY = height - margin.bottom;
	parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${baseY}" y2="${baseY}" stroke="#1b2430" stroke-opacity="0.7"/>`);
	const every = Math.max(1, Math.ceil(spec.categories.length / 16));
	spec.categories.forEach((c, i) => {
		const cx = x(i) ?? 0;
		parts.push(`<line x1="${cx}" x2="${cx}" y1="${baseY}" y2="${baseY + 4}" stroke="#1b2430" stroke-opacity="0.7"/>`);
		if (i % every !== 0 && i !== spec.categories.length - 1) return;
		parts.push(rotate ? text(`transform="translate(${cx} ${baseY + 10}) rotate(-40)" text-anchor="end" dy="0.32em"`, c) : text(`x="${cx}" y="${baseY + 18}" text-anchor="middle"`, c));
	});
	if (spec.target !== null && spec.target !== undefined) {
		const ty = y(spec.target);
		parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" stroke="#1b2430" stroke-width="1.5" stroke-dasharray="3 6" stroke-linecap="round"/>`);
		parts.push(text(`x="${width - margin.right}" y="${ty - 6}" text-anchor="end" font-style="italic"`, `Mål ${spec.format(spec.target)}`));
	}
	const path = line<number | null>()
		.defined((v) => v !== null && Number.isFinite(v))
		.x((_, i) => x(i) ?? 0)
		.y((v) => y(v as number));
	spec.series.forEach((s, i) => {
		const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
		const dash = SERIES_DASHES[i % SERIES_DASHES.length];
		// An incomplete value (a partial sum) is a hollow marker, and the line to and from it dotted.
		const partial = (c: number) => (s.partial?.[c] ?? null) !== null;
		parts.push(`<path d="${path(s.values.map((v, c) => (partial(c) ? null : v))) ?? ''}" fill="none" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
		s.values.forEach((v, c) => {
			const before = s.values[c - 1];
			if (c === 0 || v === null || before === null || before === undefined || !(partial(c) || partial(c - 1))) return;
			parts.push(`<line x1="${x(c - 1)}" y1="${y(before)}" x2="${x(c)}" y2="${y(v)}" stroke="${colour}" stroke-width="2" stroke-dasharray="1 5" stroke-linecap="round"/>`);
		});
		const marker = symbol(SYMBOLS[i % SYMBOLS.length], 48)() ?? '';
		s.values.forEach((v, c) => {
			if (v === null || !Number.isFinite(v)) return;
			parts.push(
				partial(c)
					? `<path d="${marker}" transform="translate(${x(c)} ${y(v)})" fill="#ffffff" stroke="${colour}" stroke-width="2"/>`
					: `<path d="${marker}" transform="translate(${x(c)} ${y(v)})" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`
			);
		});
		// Legend: two columns under the chart.
		const lx = margin.left + (i % 2) * ((width - margin.left) / 2);
		const ly = height - legendHeight + 6 + Math.floor(i / 2) * 22;
		parts.push(`<line x1="${lx}" x2="${lx + 34}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
		parts.push(`<path d="${marker}" transform="translate(${lx + 17} ${ly})" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`);
		parts.push(text(`x="${lx + 42}" y="${ly + 4}"`, s.name));
	});
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
