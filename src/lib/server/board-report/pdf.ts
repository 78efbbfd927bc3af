/**
 * The report as a tagged PDF (PDF/UA-style structure: headings, paragraphs, tables with header
 * cells, figures with alternative text, Swedish as the document language, embedded fonts), A4,
 * with the kommun's logo and name on the first page and page numbers on every page.
 */
import PDFDocument from 'pdfkit';
import { formatNumber } from '$lib/components/charts/format';
import { imageSize } from './branding';
import { lineChartSvg } from './chart-svg';
import { fonts } from './fonts';
import { svgToPng } from './raster';
import { incompleteNote, indicatorRow, seriesCell, TEXT_SECTIONS, type BoardReport, type ReportIndicator } from './service';

const MARGIN = { top: 62, bottom: 64, left: 62, right: 62 };
const INK = '#1b2430';
const MUTED = '#4a5566';
const BRAND = '#1d3d63';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const dateFormat = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' });
const percent = (v: number | null) => (v === null ? '–' : `${formatNumber(v * 100, 0)} %`);

/** Alternative text of a chart: what it shows and its latest values, as the pages' charts say. */
export function chartAlt(title: string, ind: Pick<ReportIndicator, 'panel' | 'unit' | 'decimals' | 'target'>): string {
	const p = ind.panel;
	const span = p.categories.length === 1 ? p.categories[0] : `från ${p.categories[0]} till ${p.categories[p.categories.length - 1]}`;
	const last = p.series.map((s) => {
		const i = s.values.findLastIndex((v) => v !== null);
		return i >= 0
			? `${s.name}: ${formatNumber(s.values[i]!, ind.decimals)}${ind.unit === '%' ? ' %' : ''} (${p.categories[i]}${s.partial?.[i] ? `, ofullständigt: ${s.partial[i]}` : ''})`
			: `${s.name}: uppgift saknas`;
	});
	return `Linjediagram, ${title}, ${span}. ${last.join('. ')}.${ind.target ? ` Mål: ${ind.target}.` : ''} Värdena finns i tabellen under diagrammet.`;
}

export async function boardReportPdf(r: BoardReport): Promise<Buffer> {
	const title = `${r.title} – ${r.subtitle}, ${r.unitTitle}`;
	const doc = new PDFDocument({
		size: 'A4',
		margins: MARGIN,
		bufferPages: true,
		tagged: true,
		lang: 'sv-SE',
		displayTitle: true,
		pdfVersion: '1.7',
		info: { Title: title, Author: r.kommunName, Subject: `${r.subtitle}, ${r.unitTitle}`, Creator: 'Lägesbild', Keywords: 'handlingsplan, socialsekreterare, biståndshandläggare, indikatorer' }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	doc.registerFont('body', fonts.regular());
	doc.registerFont('bold', fonts.bold());
	doc.registerFont('italic', fonts.italic());
	doc.font('body').fontSize(10.5).fillColor(INK);

	const root = doc.struct('Document');
	doc.addStructure(root);
	const width = doc.page.width - MARGIN.left - MARGIN.right;
	const bottom = () => doc.page.height - MARGIN.bottom;
	const ensure = (height: number) => {
		if (doc.y + height > bottom()) doc.addPage();
	};
	const heading = (parent: Struct, text: string, level: 1 | 2 | 3) => {
		ensure(level === 1 ? 60 : 40);
		if (level !== 1) doc.moveDown(level === 2 ? 0.8 : 0.5);
		doc.font('bold').fontSize(level === 1 ? 20 : level === 2 ? 15 : 12.5).fillColor(level === 3 ? INK : BRAND);
		doc.text(text, MARGIN.left, doc.y, { width, structParent: parent, structType: `H${level}` });
		doc.moveDown(0.3).font('body').fontSize(10.5).fillColor(INK);
	};
	const paragraphs = (parent: Struct, text: string, empty = '') => {
		const list = text
			.split(/\n\s*\n/)
			.map((p) => p.trim())
			.filter(Boolean);
		if (list.length === 0) {
			doc.font('italic').fillColor(MUTED).text(empty, MARGIN.left, doc.y, { width, structParent: parent, structType: 'P' });
			doc.font('body').fillColor(INK).moveDown(0.4);
			return;
		}
		for (const p of list) {
			ensure(30);
			doc.text(p, MARGIN.left, doc.y, { width, structParent: parent, structType: 'P', lineGap: 1.5 });
			doc.moveDown(0.5);
		}
	};
	const small = (parent: Struct, text: string) => {
		doc.font('italic').fontSize(9.5).fillColor(MUTED).text(text, MARGIN.left, doc.y, { width, structParent: parent, structType: 'P' });
		doc.font('body').fontSize(10.5).fillColor(INK).moveDown(0.3);
	};
	const table = (parent: Struct, header: string[], rows: string[][], columnWidths?: (number | string)[], textColumns = 1) => {
		ensure(22 * Math.min(rows.length + 1, 4));
		const head = header.map((h) => ({ text: h, type: 'TH' as const, scope: 'column', font: { src: 'bold' }, backgroundColor: '#eef2f7' }));
		const body = rows.map((row) =>
			row.map((c, i) => (i === 0 ? { text: c, type: 'TH' as const, scope: 'row', font: { src: 'body' } } : { text: c, align: { x: i < textColumns ? ('left' as const) : ('right' as const), y: 'top' as const } }))
		);
		doc.fontSize(9.5);
		doc.table({
			data: [head, ...body],
			structParent: parent,
			columnStyles: columnWidths,
			defaultStyle: { border: { bottom: 0.5, top: 0, left: 0, right: 0 }, borderColor: '#c5ccd6', padding: { top: 3, bottom: 3, left: 4, right: 4 } }
		} as unknown as Parameters<Doc["table"]>[0]);
		doc.fontSize(10.5).moveDown(0.6);
		doc.x = MARGIN.left;
	};
	const figure = async (parent: Struct, svg: string, alt: string, aspect: number) => {
		const png = await svgToPng(svg);
		const h = width * aspect;
		ensure(h + 10);
		const y = doc.y;
		parent.add(doc.struct('Figure', { alt }, () => doc.image(png, MARGIN.left, y, { width })));
		doc.y = y + h + 6;
		doc.x = MARGIN.left;
	};

	// --- First page: logo, kommun, title ---
	const front = doc.struct('Sect');
	root.add(front);
	if (r.logo) {
		const size = imageSize(r.logo.data);
		const h = 46;
		const w = size ? Math.min(180, (size.width / size.height) * h) : 120;
		front.add(doc.struct('Figure', { alt: `${r.kommunName}s logotyp` }, () => doc.image(r.logo!.data, MARGIN.left, MARGIN.top - 20, { fit: [w, h] })));
		doc.y = MARGIN.top - 20 + h + 14;
	}
	doc.font('bold').fontSize(11).fillColor(MUTED).text(r.kommunName, MARGIN.left, doc.y, { width, structParent: front, structType: 'P' });
	doc.moveDown(0.8);
	heading(front, r.title, 1);
	doc.font('bold').fontSize(13).fillColor(INK).text(`${r.subtitle} · ${r.unitTitle}`, { width, structParent: front, structType: 'P' });
	doc.font('body').fontSize(10).fillColor(MUTED).text(`Upprättad ${dateFormat.format(r.generatedAt)}${r.texts.updatedBy ? `. Texterna senast ändrade av ${r.texts.updatedBy}` : ''}.`, { width, structParent: front, structType: 'P' });
	doc.fillColor(INK).fontSize(10.5).moveDown(1);
	front.end();

	const textSection = (key: (typeof TEXT_SECTIONS)[number]['key']) => {
		// A section with nothing written is left out: the page warned before the download.
		if (r.missingTexts.includes(key)) return;
		const section = TEXT_SECTIONS.find((s) => s.key === key)!;
		const sect = doc.struct('Sect');
		root.add(sect);
		heading(sect, section.title, 2);
		paragraphs(sect, r.texts[key]);
		sect.end();
	};
	textSection('summary');
	textSection('work');

	// --- Indicators ---
	const ind = doc.struct('Sect');
	root.add(ind);
	heading(ind, `Indikatorer ${r.periodLabel}`, 2);
	small(ind, `Senast kända värde vid ${r.periodLabel} jämfört med samma period året före.${r.unit.kind === 'kommun' ? ' Stadens värde är det som rapporterats för hela staden, annars förvaltningarnas sammanlagda.' : ''}`);
	table(
		ind,
		['Indikator', 'Period', 'Värde', 'Året före', 'Mål', 'Bedömning'],
		r.indicators.map(indicatorRow),
		[150, 62, 62, 62, 52, '*']
	);
	const incomplete = incompleteNote(r.indicators);
	if (incomplete) small(ind, incomplete);
	for (const i of r.indicators) {
		if (i.panel.categories.length === 0) continue;
		// Keep the heading, its description and the chart together.
		ensure(width * (290 / 640) + 95);
		heading(ind, i.name, 3);
		small(ind, `${i.description} ${i.higherIsBetter ? 'Ett högre värde är bättre.' : 'Ett lägre värde är bättre.'}`);
		const yLabel = i.unit === '%' ? 'Procent' : i.unit ? `Antal ${i.unit}` : 'Värde';
		const svg = lineChartSvg({ categories: i.panel.categories, series: i.panel.series, yMax: i.panel.yMax, target: i.panel.target, yLabel, format: (v) => formatNumber(v, i.decimals) });
		await figure(ind, svg, chartAlt(i.name, i), 290 / 640);
		table(
			ind,
			['Period', ...i.panel.series.map((s) => s.name)],
			i.panel.categories.map((c, k) => [c, ...i.panel.series.map((s) => seriesCell(s, k, (v) => formatNumber(v, i.decimals)))])
		);
	}
	ind.end();

	textSection('analysis');

	// --- The pulse survey ---
	if (r.pulse) {
		const sect = doc.struct('Sect');
		root.add(sect);
		heading(sect, 'Arbetssituationen enligt mätningen', 2);
		small(sect, 'Socialsekreterarnas och biståndshandläggarnas svar på de tre påståendena, skala 1–6. Inga siffror visas för grupper med för få svarande eller som skulle göra en enskild persons svar möjligt att räkna fram.');
		const round = r.pulse.round;
		if (!round) paragraphs(sect, '', `Det finns ingen stängd mätomgång ${r.periodLabel}.`);
		else if (!round.shown) paragraphs(sect, '', `${round.roundName}: ${round.reason}`);
		else {
			paragraphs(sect, `${round.roundName}: ${round.respondents} svarande, svarsfrekvens ${percent(round.responseRate)}.`);
			table(
				sect,
				['Påstående', 'Medelvärde', 'Andel 1–2', 'Andel 5–6'],
				round.statements.map((s) => [s.text, s.mean === null ? '–' : formatNumber(s.mean, 1), percent(s.shareLow), percent(s.shareHigh)]),
				[230, '*', '*', '*']
			);
		}
		const trend = r.pulse.trend;
		if (trend && trend.categories.length > 0) {
			const svg = lineChartSvg({ categories: trend.categories, series: trend.series, yMin: 1, yMax: 6, yLabel: 'Medelvärde 1–6', format: (v) => formatNumber(v, 1) });
			await figure(sect, svg, `Linjediagram, medelvärde per påstående i ${trend.unitName} per mätomgång från ${trend.categories[0]} till ${trend.categories[trend.categories.length - 1]}. Värdena finns i tabellen under diagrammet.`, (290 + 22) / 640);
			table(
				sect,
				['Mätomgång', 'Bra arbetssituation', 'Gott arbete', 'Rekommendera'],
				trend.categories.map((c, k) => [c, ...trend.series.map((s) => (s.values[k] === null ? '–' : formatNumber(s.values[k]!, 1)))])
			);
		}
		sect.end();
	}

	// --- The plan's areas ---
	if (r.cityPlanAreas && r.cityPlanAreas.length > 0) {
		const sect = doc.struct('Sect');
		root.add(sect);
		heading(sect, 'Handlingsplanens områden', 2);
		table(sect, ['Område', r.unit.kind === 'kommun' ? 'Antal förvaltningar per status' : 'Status'], r.cityPlanAreas.map((a) => [a.title, a.status]), [260, '*'], 2);
		sect.end();
	}

	textSection('nextSteps');

	// Page numbers, as artifacts (not part of the reading order).
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// Writing below the bottom margin would otherwise start a new page.
		doc.page.margins.bottom = 0;
		doc.markContent('Artifact', { type: 'Pagination' });
		doc.font('body').fontSize(8.5).fillColor(MUTED);
		const footerY = doc.page.height - MARGIN.bottom + 24;
		doc.text(`${r.kommunName} · ${r.subtitle} · ${r.unitTitle}`, MARGIN.left, footerY, { width: width - 80, lineBreak: false });
		doc.text(`Sida ${i + 1} av ${range.count}`, MARGIN.left, footerY, { width, align: 'right', lineBreak: false });
		doc.endMarkedContent();
	}
	root.end();
	doc.end();
	return done;
}
