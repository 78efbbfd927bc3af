/** Shared by the PDF and Word downloads: the report, audited, as a file named after it. */
import type { RequestEvent } from '@sveltejs/kit';
import { audit } from '$lib/server/audit/audit';
import { boardReport, type BoardReport } from '$lib/server/board-report/service';
import { contentDisposition, exportFilename } from '$lib/server/export/table-export';
import { orErrorPage, requireActor } from '$lib/server/http';

export async function reportDownload(event: RequestEvent, format: 'pdf' | 'docx', render: (r: BoardReport) => Promise<Buffer>): Promise<Response> {
	const actor = requireActor(event);
	const query = Object.fromEntries([...event.url.searchParams].filter(([, v]) => v !== ''));
	const report = await orErrorPage(() => boardReport(event.locals.db, actor, query));
	const file = await render(report);
	await audit(event.locals.db, actor, { action: `export.board_report.${format}`, subjectType: 'org_unit', subjectId: report.unit.id, detail: { period: report.periodLabel } });
	const name = exportFilename(`lagesbild ${report.periodLabel} ${report.unitTitle}`, format);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': contentDisposition(name),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
