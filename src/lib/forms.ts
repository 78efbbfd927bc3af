/**
 * What every page's forms share: the values and errors a failed action sent back, the text of a
 * kept value, and the ARIA wiring that ties a field to its error message. Safe in the browser.
 */

export type Values = Record<string, unknown>;

export interface FormResult {
	message?: string;
	fieldErrors?: Record<string, string>;
	values?: Values;
}

/**
 * The values and errors of the named form when it is the one that failed; otherwise none. Pages
 * with several forms recognise the failed one by the hidden `_form` (and `id`) it sent back.
 */
export function failedForm(form: FormResult | null | undefined, name: string, id?: string): { values: Values | null; errors: Record<string, string>; message: string | null } {
	const values = form?.values;
	if (!values || values._form !== name || (id !== undefined && values.id !== id)) return { values: null, errors: {}, message: null };
	return { values, errors: form?.fieldErrors ?? {}, message: form?.message ?? null };
}

/** A kept value as the text of a field ('' for none). */
export const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * The ARIA wiring of a field with a possible error (its message has the id `${id}-error`), and
 * of its hint when it has one.
 */
export function invalidity(error: string | null | undefined, id: string, hintId?: string) {
	const describedBy = [hintId, error ? `${id}-error` : undefined].filter(Boolean).join(' ');
	return {
		'aria-invalid': error ? ('true' as const) : undefined,
		'aria-describedby': describedBy || undefined
	};
}

/** id, name and the ARIA wiring of a field, its error looked up by name. */
export function field(errors: Record<string, string>, name: string, id = name) {
	return { id, name, ...invalidity(errors[name], id) };
}
