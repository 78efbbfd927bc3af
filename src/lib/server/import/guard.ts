/**
 * Guardrails for an import that changes many people at once: an import that deactivates more
 * than a set share of the active people in its scope (IMPORT_CONFIRM_LEAVERS_PERCENT) must be
 * confirmed by typing the number of people who will leave, in the form and in the API
 * (`confirm`). A two-row test file against "the whole kommun" is the mistake this stops.
 */
import { formatInt as fmt } from '$lib/format';
import { invalid } from '../errors';

export interface LeaverGuard {
	/** Active people in the scope before the import. */
	activeInScope: number;
	leavers: number;
	/** The share (0–1) of activeInScope who would leave. */
	share: number;
	/** The limit in percent above which confirmation is needed. */
	limitPercent: number;
	/** Whether the import needs `confirm` equal to `leavers`. */
	needsConfirm: boolean;
}

export function leaverGuard(leavers: number, activeInScope: number, limitPercent: number): LeaverGuard {
	const share = activeInScope > 0 ? leavers / activeInScope : 0;
	return { activeInScope, leavers, share, limitPercent, needsConfirm: leavers > 0 && share * 100 > limitPercent };
}

/** Refuses (400, on the field `confirm`) unless the confirmation is the number of leavers. */
export function assertConfirmed(guard: LeaverGuard, confirm: number | undefined): void {
	if (!guard.needsConfirm || confirm === guard.leavers) return;
	const percent = Math.round(guard.share * 100);
	const what = `Importen avaktiverar ${fmt(guard.leavers)} av ${fmt(guard.activeInScope)} aktiva personer (${percent} %), mer än ${guard.limitPercent} %.`;
	const field =
		confirm === undefined
			? `Skriv antalet personer som slutar, ${fmt(guard.leavers)}, för att bekräfta.`
			: `Du skrev ${fmt(confirm)}, men ${fmt(guard.leavers)} personer slutar. Skriv ${fmt(guard.leavers)} för att bekräfta, eller kontrollera filen och vad den omfattar.`;
	throw invalid(`${what} ${field}`, { confirm: field });
}

/** A list shown a page at a time: the items of page `page` (1-based, clamped) and the page count. */
export function pageOf<T>(list: T[], page: number, size: number): { items: T[]; page: number; pages: number; total: number } {
	const pages = Math.max(1, Math.ceil(list.length / size));
	const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	return { items: list.slice((p - 1) * size, p * size), page: p, pages, total: list.length };
}
