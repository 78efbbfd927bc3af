/**
 * The report as a Word document (.docx) for the nämnd's papers: real headings (so the
 * navigation pane and screen readers work), tables with repeating header rows, charts as
 * pictures (SVG with a PNG fallback) with alternative text, Swedish as the language, the
 * kommun's logo and name in the header and page numbers in the footer.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { formatNumber } from '$lib/components/charts/format';
import { imageSize } from './branding';
import { lineChartSvg } from './chart-svg';
import { FONT_FAMILY } from './fonts';
import { chartAlt } from './pdf';
import { svgToPng } from './raster';
import { incompleteNote, indicatorRow, seriesCell, TEXT_SECTIONS, type BoardReport } from './service';

const FONT = 'Calibri';
const percent = (v: number | null) => (v === null ? '–' : `${formatNumber(v * 100, 0)} %`);
const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' });

const p = (text: string, options: { italic?: boolean; bold?: boolean; size?: number; color?: string } = {}) =>
	new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, italics: options.italic, bold: options.bold, size: options.size, color: options.color })] });

const h = (text: string, level: 1 | 2 | 3) =>
	new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, spacing: { before: level === 1 ? 0 : 240, after: 120 } });

function table(header: string[], rows: string[][], widths?: number[]): Table {
	const border = { style: BorderStyle.SINGLE, size: 4, color: 'C5CCD6' };
	const cell = (text: string, head: boolean, right: boolean, width?: number) =>
		new TableCell({
			width: width ? { size: width, type: WidthType.PERCENTAGE } : undefined,
			shading: head ? { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } : undefined,
			borders: { top: border, bottom: border, left: border, right: border },
			margins: { top: 40, bottom: 40, left: 80, right: 80 },
			children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: head, size: 19 })] })]
		});
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, cantSplit: true, children: header.map((t, i) => cell(t, true, i > 0, widths?.[i])) }),
			...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((t, i) => cell(t, i === 0, i > 0, widths?.[i])) }))
		]
	});
}

async function chart(svg: string, alt: string, title: string, aspect: number): Promise<Paragraph> {
	const png = await svgToPng(svg, 2);
	const width = 600;
	return new Paragraph({
		spacing: { before: 120, after: 120 },
		children: [
			new ImageRun({
				type: 'svg',
				data: Buffer.from(svg.replaceAll(FONT_FAMILY, `${FONT_FAMILY}, ${FONT}, Arial, sans-serif`)),
				fallback: { type: 'png', data: png },
				transformation: { width, height: Math.round(width * aspect) },
				altText: { title, description: alt, name: title }
			})
		]
	});
}

export async function boardReportDocx(r: BoardReport): Promise<Buffer> {
	const body: (Paragraph | Table)[] = [];
	body.push(p(r.kommunName, { bold: true, color: '4A5566' }));
	body.push(h(r.title, 1));
	body.push(p(`${r.subtitle} · ${r.unitTitle}`, { bold: true, size: 26 }));
	body.push(p(`Upprättad ${dateFormat.format(r.generatedAt)}${r.texts.updatedBy ? `. Texterna senast ändrade av ${r.texts.updatedBy}` : ''}.`, { color: '4A5566' }));

	const textSection = (key: (typeof TEXT_SECTIONS)[number]['key']) => {
		// A section with nothing written is left out: the page warned before the download.
		if (r.missingTexts.includes(key)) return;
		const section = TEXT_SECTIONS.find((s) => s.key === key)!;
		body.push(h(section.title, 2));
		const paragraphs = r.texts[key]
			.split(/\n\s*\n/)
			.map((t) => t.trim())
			.filter(Boolean);
		for (const t of paragraphs) body.push(p(t));
	};
	textSection('summary');
	textSection('work');

	body.push(h(`Indikatorer ${r.periodLabel}`, 2));
	body.push(p(`Senast kända värde vid ${r.periodLabel} jämfört med samma period året före.`, { italic: true, color: '4A5566' }));
	body.push(
		table(
			['Indikator', 'Period', 'Värde', 'Året före', 'Mål', 'Bedömning'],
			r.indicators.map(indicatorRow),
			[30, 14, 14, 14, 12, 16]
		)
	);
	const incomplete = incompleteNote(r.indicators);
	if (incomplete) body.push(p(incomplete, { italic: true, color: '4A5566' }));
	for (const i of r.indicators) {
		if (i.panel.categories.length === 0) continue;
		body.push(h(i.name, 3));
		body.push(p(`${i.description} ${i.higherIsBetter ? 'Ett högre värde är bättre.' : 'Ett lägre värde är bättre.'}`, { italic: true, color: '4A5566', size: 19 }));
		const yLabel = i.unit === '%' ? 'Procent' : i.unit ? `Antal ${i.unit}` : 'Värde';
		const svg = lineChartSvg({ categories: i.panel.categories, series: i.panel.series, yMax: i.panel.yMax, target: i.panel.target, yLabel, format: (v) => formatNumber(v, i.decimals) });
		body.push(await chart(svg, chartAlt(i.name, i), i.name, 290 / 640));
		body.push(
			table(
				['Period', ...i.panel.series.map((s) => s.name)],
				i.panel.categories.map((c, k) => [c, ...i.panel.series.map((s) => seriesCell(s, k, (v) => formatNumber(v, i.decimals)))])
			)
		);
	}

	textSection('analysis');

	if (r.pulse) {
		body.push(h('Arbetssituationen enligt mätningen', 2));
		body.push(p('Socialsekreterarnas och biståndshandläggarnas svar på de tre påståendena, skala 1–6. Inga siffror visas för grupper med för få svarande eller som skulle göra en enskild persons svar möjligt att räkna fram.', { italic: true, color: '4A5566' }));
		const round = r.pulse.round;
		if (!round) body.push(p(`Det finns ingen stängd mätomgång ${r.periodLabel}.`, { italic: true }));
		else if (!round.shown) body.push(p(`${round.roundName}: ${round.reason}`, { italic: true }));
		else {
			body.push(p(`${round.roundName}: ${round.respondents} svarande, svarsfrekvens ${percent(round.responseRate)}.`));
			body.push(table(['Påstående', 'Medelvärde', 'Andel 1–2', 'Andel 5–6'], round.statements.map((s) => [s.text, s.mean === null ? '–' : formatNumber(s.mean, 1), percent(s.shareLow), percent(s.shareHigh)]), [46, 18, 18, 18]));
		}
		const trend = r.pulse.trend;
		if (trend && trend.categories.length > 0) {
			const svg = lineChartSvg({ categories: trend.categories, series: trend.series, yMin: 1, yMax: 6, yLabel: 'Medelvärde 1–6', format: (v) => formatNumber(v, 1) });
			body.push(await chart(svg, `Linjediagram, medelvärde per påstående i ${trend.unitName} per mätomgång. Värdena finns i tabellen under diagrammet.`, 'Påståendena över tid', (290 + 22) / 640));
			body.push(table(['Mätomgång', 'Bra arbetssituation', 'Gott arbete', 'Rekommendera'], trend.categories.map((c, k) => [c, ...trend.series.map((s) => (s.values[k] === null ? '–' : formatNumber(s.values[k]!, 1)))])));
		}
	}

	if (r.cityPlanAreas && r.cityPlanAreas.length > 0) {
		body.push(h('Handlingsplanens områden', 2));
		body.push(table(['Område', r.unit.kind === 'kommun' ? 'Antal förvaltningar per status' : 'Status'], r.cityPlanAreas.map((a) => [a.title, a.status]), [55, 45]));
	}

	textSection('nextSteps');

	const headerChildren: (ImageRun | TextRun)[] = [];
	if (r.logo) {
		const size = imageSize(r.logo.data);
		const height = 40;
		const width = size ? Math.min(160, Math.round((size.width / size.height) * height)) : 100;
		headerChildren.push(new ImageRun({ type: r.logo.mime === 'image/png' ? 'png' : 'jpg', data: r.logo.data, transformation: { width, height }, altText: { title: `${r.kommunName}s logotyp`, description: `${r.kommunName}s logotyp`, name: 'Logotyp' } }));
		headerChildren.push(new TextRun({ text: '   ' }));
	}
	headerChildren.push(new TextRun({ text: r.kommunName, bold: true, color: '4A5566' }));

	const document = new Document({
		creator: 'Lägesbild',
		title: `${r.title} – ${r.subtitle}, ${r.unitTitle}`,
		description: `${r.subtitle}, ${r.unitTitle}`,
		styles: {
			default: {
				document: { run: { font: FONT, size: 22, language: { value: 'sv-SE' } } },
				heading1: { run: { font: FONT, size: 36, bold: true, color: '1D3D63' } },
				heading2: { run: { font: FONT, size: 28, bold: true, color: '1D3D63' } },
				heading3: { run: { font: FONT, size: 24, bold: true, color: '1B2430' } }
			}
		},
		sections: [
			{
				properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1300, bottom: 1300, left: 1300, right: 1300 } } },
				headers: { default: new Header({ children: [new Paragraph({ children: headerChildren })] }) },
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [new TextRun({ text: `${r.subtitle} · ${r.unitTitle} · Sida `, size: 17, color: '4A5566' }), new TextRun({ children: [PageNumber.CURRENT], size: 17, color: '4A5566' }), new TextRun({ text: ' av ', size: 17, color: '4A5566' }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 17, color: '4A5566' })]
							})
						]
					})
				},
				children: body
			}
		]
	});
	return Packer.toBuffer(document);
}
