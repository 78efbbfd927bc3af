import { eq } from 'drizzle-orm';
import { it } from 'vitest';
import { INCIDENT_FORMS } from '$lib/domain';
import { incidentPublishedCells, orgUnits } from '../db/schema';
import { createTestDatabase } from '../db/testing';
import { seedDemo } from '../demo/seed';
import { publishDueYears, type PublishedCells } from './publication';

it('probe', async () => {
	const database = await createTestDatabase();
	const t0 = Date.now();
	await seedDemo(database.db, { now: new Date(process.env.PROBE_NOW ?? '2025-11-24T09:00:00+01:00') });
	const t1 = Date.now();
	const years = await publishDueYears(database.db, new Date(process.env.PROBE_PUBLISH ?? '2026-02-01T10:00:00Z'));
	const t2 = Date.now();
	console.log('seed ms', t1 - t0, 'publish ms', t2 - t1, 'years', years);
	const units = await database.db.select().from(orgUnits);
	const depth = new Map(units.map((u) => [u.id, u.depth]));
	const kommun = units.find((u) => u.kind === 'kommun')!;
	for (const year of years) {
		const rows = await database.db.select().from(incidentPublishedCells).where(eq(incidentPublishedCells.year, year));
		const k = rows.find((r) => r.unitId === kommun.id && r.area === '*')!.cells as PublishedCells;
		const line = INCIDENT_FORMS.map((f) => `${f}:${k.byForm[f].shown ? 'shown n=' + (k.byForm[f] as { n: number }).n : (k.byForm[f] as { reason: string }).reason}`);
		console.log(year, 'kommun total', k.total.shown ? (k.total as { n: number }).n : 'hidden', line.join(' '));
		const byDepth = new Map<number, { cells: number; totals: number; forms: number; formCells: number }>();
		for (const r of rows.filter((r) => r.area === '*')) {
			const d = depth.get(r.unitId)!;
			const c = r.cells as PublishedCells;
			const s = byDepth.get(d) ?? { cells: 0, totals: 0, forms: 0, formCells: 0 };
			s.cells++;
			if (c.total.shown) s.totals++;
			for (const f of INCIDENT_FORMS) {
				s.formCells++;
				if (c.byForm[f].shown) s.forms++;
			}
			byDepth.set(d, s);
		}
		console.log(year, 'by depth (units, totals shown, form cells shown / form cells)', JSON.stringify([...byDepth.entries()].sort((a, b) => a[0] - b[0])));
		const areaRows = rows.filter((r) => r.area !== '*');
		let shownArea = 0;
		for (const r of areaRows) { const c = r.cells as PublishedCells; if (c.total.shown) shownArea++; for (const f of INCIDENT_FORMS) if (c.byForm[f].shown) shownArea++; }
		console.log(year, 'area cells shown', shownArea, 'of', areaRows.length * 6);
	}
	const { query } = await import('../db/client');
	const { sql } = await import('drizzle-orm');
	const inc = await query<{ personId: string; year: number; form: string; path: string }>(database.db, sql`select i.person_id as "personId", extract(year from i.occurred_at at time zone 'Europe/Stockholm')::int as year, i.form::text as form, u.path from incidents i join org_units u on u.id = i.org_unit_id`);
	for (const year of years) {
		const per = new Map<string, Set<string>>();
		for (const r of inc.filter((r) => r.year === year)) per.set(r.personId, (per.get(r.personId) ?? new Set()).add(r.form));
		const combos = new Map<string, number>();
		for (const f of per.values()) { const k = [...f].sort().join('+'); combos.set(k, (combos.get(k) ?? 0) + 1); }
		console.log(year, 'incidents', inc.filter((r) => r.year === year).length, 'combos', JSON.stringify([...combos.entries()].sort((a, b) => b[1] - a[1])));
	}
	await database.close();
}, 600_000);
