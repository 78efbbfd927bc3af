/** What a request that no route answered gets: the error hook (issue 12 items 5 and 10). */
import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { handleError } from './hooks.server';

const at = (pathname: string) => ({ url: new URL(`http://x${pathname}`) }) as RequestEvent;
const handled = (pathname: string, status: number, error: unknown = new Error('boom')) =>
	handleError({ error, event: at(pathname), status, message: 'Internal Error' });

describe('the error hook', () => {
	it('gives the API its documented shape for an unexpected error (the database gone)', () => {
		expect(handled('/api/v1/rounds', 500)).toEqual({
			message: 'Något gick fel hos oss. Försök igen om en stund.',
			error: { code: 'internal', message: 'Något gick fel hos oss. Försök igen om en stund.' }
		});
	});

	it('says in Swedish that a form or upload was too large, with the limit', () => {
		const page = handled('/plan/x/y', 413, { status: 413, text: 'Payload Too Large' }) as { message: string };
		expect(page.message).toMatch(/^Det du skickade är för stort – högst 512 kB\./);
		expect(handled('/api/v1/import', 413)).toMatchObject({ error: { code: 'too_large' } });
	});

	it('keeps pages to a message, and says "not found" in words', () => {
		expect(handled('/reports', 404)).toEqual({ message: 'Sidan finns inte.' });
	});
});

