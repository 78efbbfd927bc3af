/**
 * The indicators feature's public face: definitions (catalogue.ts), the units figures are
 * reported for (units.ts), a period's figures (values.ts), the entry form (entry-form.ts) and the
 * history of changes (history.ts). Access is asked of the policy module; the rules of a figure
 * live in rules.ts and periods.ts.
 */
export * from './catalogue';
export * from './units';
export * from './values';
export * from './entry-form';
export * from './history';
