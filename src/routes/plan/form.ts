/**
 * Small helpers shared by the plan's pages: several forms live on one page, so a failed form
 * is recognised by the hidden `_form` (and `id`) it sent, which come back with its values.
 */
import type { PlanAreaStatus } from '$lib/domain';

export type Values = Record<string, unknown>;

export interface FormResult {
	message?: string;
	fieldErrors?: Record<string, string>;
	values?: Values;
}

/** The values and errors of the named form when it is the one that failed; otherwise none. */
export function failedForm(form: FormResult | null | undefined, name: string, id?: string): { values: Values | null; errors: Record<string, string>; message: string | null } {
	const values = form?.values;
	if (!values || values._form !== name || (id !== undefined && values.id !== id)) return { values: null, errors: {}, message: null };
	return { values, errors: form?.fieldErrors ?? {}, message: form?.message ?? null };
}

export const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** id, name and the ARIA wiring of a field with a possible error. */
export function field(errors: Record<string, string>, name: string, id = name) {
	return {
		id,
		name,
		'aria-invalid': errors[name] ? ('true' as const) : undefined,
		'aria-describedby': errors[name] ? `${id}-error` : undefined
	};
}

/** Badge classes of app.css per status; the label always says it in words too. */
export const statusBadge: Record<PlanAreaStatus, string> = {
	not_started: 'badge',
	under_analysis: 'badge open',
	measures_under_way: 'badge warn',
	established: 'badge ok'
};
