/**
 * Bookkeeping of scheduled work (src/lib/server/jobs/). The queue itself is pg-boss's, in its own
 * schema `pgboss` that pg-boss creates and migrates; this table only makes work that must happen
 * once per thing (the automatic reminder of a round) impossible to do twice, whichever instance
 * or retry gets there. Re-exported from schema.ts.
 */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const jobClaims = pgTable('job_claims', {
	/** What was done, e.g. 'reminder:<round id>'. */
	key: text('key').primaryKey(),
	claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow()
});
