/**
 * Materialised paths and LIKE patterns: a subtree is one prefix match, and text typed by a user
 * is escaped before it becomes part of a pattern (so "%" and "_" are matched as themselves).
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** Escapes LIKE's wildcards and its escape character. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** A pattern for "starts with" (a subtree's paths, an action prefix). */
export const startsWithPattern = (s: string) => `${escapeLike(s)}%`;

/** A pattern for "contains" (searches by name or e-mail). */
export const containsPattern = (s: string) => `%${escapeLike(s)}%`;

/** `column` lies in one of the subtrees (materialised-path prefixes): one index range scan each. */
export function pathIn(column: SQLWrapper | SQL, scopes: string[]): SQL {
	if (scopes.length === 0) return sql`false`;
	return sql`(${sql.join(
		scopes.map((s) => sql`${column} like ${startsWithPattern(s)}`),
		sql` or `
	)})`;
}
