/** Swedish formatting used by every page. */
const dateFmt = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' });
const dateTimeFmt = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
const dec1 = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const int = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

export const formatDate = (d: Date | string | null | undefined) => (d ? dateFmt.format(new Date(d)) : '–');
export const formatDateTime = (d: Date | string | null | undefined) => (d ? dateTimeFmt.format(new Date(d)) : '–');
export const formatDecimal = (v: number | null | undefined) => (v === null || v === undefined ? '–' : dec1.format(v));
export const formatInt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : int.format(v));
export const formatPercent = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${int.format(v * 100)} %`);
