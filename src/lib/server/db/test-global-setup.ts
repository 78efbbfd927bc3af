/**
 * Vitest global setup: on PostgreSQL, builds a migrated template database for this run; every
 * test file then copies it (CREATE DATABASE … TEMPLATE), and the run drops its own databases at
 * the end. Names carry a run id, so runs side by side never touch each other's databases.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from './client';
import { serverUrl, testBackend, urlFor } from './testing';

export default async function setup(project: TestProject) {
	if (testBackend !== 'postgres') return;
	const prefix = `lagesbild_t${randomBytes(4).toString('hex')}_`;
	const template = `${prefix}template`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${template}`);
	} finally {
		await admin.end();
	}
	const migrated = await openDatabase({ url: urlFor(template), poolSize: 1 });
	await migrated.close();
	project.provide('testDatabasePrefix', prefix);

	return async () => {
		const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
		try {
			const mine = await cleanup`select datname from pg_database where datname like ${prefix + '%'}`;
			for (const row of mine) await cleanup.unsafe(`drop database if exists ${row.datname} with (force)`);
		} finally {
			await cleanup.end();
		}
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		testDatabasePrefix: string;
	}
}
