/**
 * The report's typeface, Source Sans 3 (SIL Open Font License), from the `source-sans` package:
 * embedded in the PDF (so it is the same everywhere and readable by assistive technology) and
 * used when charts are drawn as images for Word. Nothing is downloaded at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT_FAMILY = 'Source Sans 3';

const cache = new Map<string, Buffer>();
function load(file: string): Buffer {
	let data = cache.get(file);
	if (!data) cache.set(file, (data = readFileSync(require.resolve(`source-sans/TTF/${file}`))));
	return data;
}

export const fonts = {
	regular: () => load('SourceSans3-Regular.ttf'),
	bold: () => load('SourceSans3-Semibold.ttf'),
	italic: () => load('SourceSans3-It.ttf')
};

export const resvgWasmPath = () => require.resolve('@resvg/resvg-wasm/index_bg.wasm');
