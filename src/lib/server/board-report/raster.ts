/** SVG to PNG for the report (Word needs pictures; the PDF uses the same), through resvg in WebAssembly. */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import { FONT_FAMILY, fonts, resvgWasmPath } from './fonts';

let ready: Promise<void> | null = null;

export async function svgToPng(svg: string, scale = 2.5): Promise<Buffer> {
	ready ??= initWasm(readFileSync(resvgWasmPath())).catch((e) => {
		// initWasm may be called once per process; a second call (e.g. after a hot reload) throws.
		if (!String(e).includes('Already initialized')) throw e;
	});
	await ready;
	const renderer = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: scale },
		font: { fontBuffers: [fonts.regular(), fonts.bold(), fonts.italic()], defaultFontFamily: FONT_FAMILY, loadSystemFonts: false }
	});
	const image = renderer.render();
	const png = Buffer.from(image.asPng());
	image.free();
	renderer.free();
	return png;
}
