/** Vitest global setup: builds the migrated template database once per run on PostgreSQL. */
import postgres from 'postgres';
import { openDatabase } from './client';
import { serverUrl, templateName, testBackend, urlFor } from './testing';

export default async function setup() {
	if (testBackend !== 'postgres') return;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		const stale = await admin`select datname from pg_database where datname like 'lagesbild_test_%'`;
		for (const row of stale) await admin.unsafe(`drop database if exists ${row.datname} with (force)`);
		await admin.unsafe(`create database ${templateName}`);
	} finally {
		await admin.end();
	}
	const template = await openDatabase({ url: urlFor(templateName), poolSize: 1 });
	await template.close();
}
