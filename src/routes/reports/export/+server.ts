import { error } from '@sveltejs/kit';
import { audit } from '$lib/server/audit/audit';
import { DomainError, httpStatus } from '$lib/server/errors';
import { exportFilename, toCsv, toXlsx } from '$lib/server/export/table-export';
import { clientIp, requireActor } from '$lib/server/http';
import { reportTable } from '$lib/server/reports/export';
import { buildReport } from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const actor = requireActor(event);
	const params = Object.fromEntries([...event.url.searchParams].filter(([k, v]) => v !== '' && k !== 'format'));
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	let report;
	try {
		report = await buildReport(event.locals.db, actor, params);
	} catch (e) {
		if (e instanceof DomainError) error(httpStatus(e), e.message);
		throw e;
	}
	const table = reportTable(report);
	await audit(event.locals.db, { actorId: actor.personId, action: 'export.report', subjectType: 'org_unit', subjectId: report.unit.id, detail: { format, round: report.round?.id }, ip: clientIp(event) });
	const name = exportFilename(`lagesbild-${report.unit.name}-${report.round?.name ?? ''}`, format);
	const headers = { 'content-disposition': `attachment; filename="${name}"` };
	if (format === 'csv') return new Response(toCsv(table), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
	return new Response(new Uint8Array(await toXlsx(table)), {
		headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
	});
};
