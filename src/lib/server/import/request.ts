/**
 * How an import arrives over the API, turned into a source and options for the service:
 *  - JSON: { rows: [...], scope, kommun, dryRun, fingerprint, confirm, fileName };
 *  - the file itself as the body (Content-Type text/csv, application/vnd.openxmlformats-
 *    officedocument.spreadsheetml.sheet or application/octet-stream), options in the query;
 *  - multipart/form-data with a `file` field and the options as fields (browsers; SvelteKit
 *    refuses form posts without a same-origin Origin header).
 * Query parameters fill in what the body does not say.
 */
import { invalid } from '../errors';
import { readJson } from '../http';
import type { ImportSource } from './service';

export interface ImportRequest {
	source: ImportSource;
	options: Record<string, unknown>;
	dryRun: boolean;
}

const truthy = (v: unknown) => v === true || v === 'true' || v === '1' || v === 'ja';

export async function readImportRequest(request: Request, url: URL): Promise<ImportRequest> {
	const query = Object.fromEntries(url.searchParams);
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	let source: ImportSource;
	let fields: Record<string, unknown> = {};
	if (type === 'application/json') {
		const body = (await readJson(request)) as Record<string, unknown> | null;
		if (!body || typeof body !== 'object' || !Array.isArray(body.rows)) throw invalid('Skicka raderna som en lista i fältet rows.', { rows: 'Skicka raderna som en lista.' });
		const { rows, fileName, ...rest } = body;
		source = { kind: 'rows', rows: rows as unknown[], fileName: typeof fileName === 'string' ? fileName : undefined };
		fields = rest;
	} else if (type === 'multipart/form-data') {
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) throw invalid('Skicka filen i fältet file.', { file: 'Skicka filen i fältet file.' });
		source = { kind: 'file', fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
		for (const key of ['scope', 'kommun', 'dryRun', 'fingerprint', 'confirm']) if (form.has(key)) fields[key] = String(form.get(key));
	} else {
		const bytes = new Uint8Array(await request.arrayBuffer());
		if (bytes.length === 0) throw invalid('Skicka filen som innehåll (CSV eller XLSX), eller rader som JSON.', { file: 'Filen saknas.' });
		source = { kind: 'file', fileName: query.fileName ?? (type.includes('spreadsheet') ? 'import.xlsx' : 'import.csv'), bytes };
	}
	const merged = { ...query, ...fields };
	const options: Record<string, unknown> = {};
	for (const key of ['scope', 'kommun', 'fingerprint', 'confirm']) if (merged[key] !== undefined && merged[key] !== '') options[key] = merged[key];
	return { source, options, dryRun: truthy(merged.dryRun) };
}
