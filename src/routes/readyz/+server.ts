import { sql } from 'drizzle-orm';
import { isShuttingDown } from '$lib/server/lifecycle';
import { log } from '$lib/server/log';
import type { RequestHandler } from './$types';

/** Readiness: the database answers. */
export const GET: RequestHandler = async ({ locals }) => {
	// Shutting down: finish what is in flight, but take no new traffic.
	if (isShuttingDown()) return new Response('shutting down', { status: 503, headers: { 'content-type': 'text/plain' } });
	try {
		await locals.db.execute(sql`select 1`);
		return new Response('ready', { headers: { 'content-type': 'text/plain' } });
	} catch (err) {
		log.warn({ err }, 'not ready');
		return new Response('database unavailable', { status: 503, headers: { 'content-type': 'text/plain' } });
	}
};
