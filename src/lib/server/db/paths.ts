import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** `column` lies in one of the subtrees (materialised-path prefixes): one index range scan each. */
export function pathIn(column: SQLWrapper | SQL, scopes: string[]): SQL {
	if (scopes.length === 0) return sql`false`;
	return sql`(${sql.join(
		scopes.map((s) => sql`${column} like ${escapeLike(s) + '%'}`),
		sql` or `
	)})`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);
