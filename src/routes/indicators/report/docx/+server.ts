import { boardReportDocx } from '$lib/server/board-report/docx';
import { reportDownload } from '../download';
import type { RequestHandler } from './$types';

/** ?unit=…&period=T2 2021: the report to the nämnd as a Word document. */
export const GET: RequestHandler = (event) => reportDownload(event, 'docx', boardReportDocx);
