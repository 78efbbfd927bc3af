/**
 * The database schema, the single source of truth for tables: the core tables and one file per
 * feature, joined here so drizzle-kit and the typed client see one schema. Feature files import
 * from schema-core.ts (never from this file, which would be a circular import). After a change
 * run `npm run db:generate` to write a versioned migration into ./drizzle and commit both.
 */
export * from './schema-core';
export * from './schema-city-plan';
// --- Otillåten påverkan, hot och våld: reports, readers, published statistics ---
export * from './schema-incidents';
export * from './schema-indicators';
// --- Identity and import ---
export * from './schema-identity';
// --- Reports: stored anonymity decisions and figures of closed rounds ---
export * from './schema-reports';
// --- Scheduled work ---
export * from './schema-jobs';
export * from './schema-action-plans';
// --- The följeforskare's coding of motivations ---
export * from './schema-research';
// --- Themes in what staff write ---
export * from './schema-themes';
// --- Workload between the rounds ---
export * from './schema-workload';
// --- The unit's goals and checklists, introduction and mentors (issue 14) ---
export * from './schema-unit-goals';
export * from './schema-introductions';
