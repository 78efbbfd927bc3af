import { boardReportPdf } from '$lib/server/board-report/pdf';
import { reportDownload } from '../download';
import type { RequestHandler } from './$types';

/** ?unit=…&period=T2 2021: the report to the nämnd as a tagged PDF. */
export const GET: RequestHandler = (event) => reportDownload(event, 'pdf', boardReportPdf);
