/**
 * Tables of the city's indicators (personalrörlighet, konsulter, VFU, …).
 * Import core tables and enums from './schema-core' — never from './schema' (circular import).
 */
export {};
