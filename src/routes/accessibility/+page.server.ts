import { accessibilityStatement } from '$lib/server/accessibility/statement';
import type { PageServerLoad } from './$types';

/** Public: the statement must be readable without logging in (DOS-lagen). */
export const load: PageServerLoad = async ({ locals }) => accessibilityStatement(locals.db);
