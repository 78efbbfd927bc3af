/**
 * Publication of a year's incident statistics (decision 0005): on or after 1 February the year
 * after, the year's cells are decided by the anonymity module and written once to
 * incident_published_cells; from then on they are only read. So no figure moves when someone
 * reports late or answers (or changes) whether the support was enough — a moving published figure
 * would point at the one person who just acted. Late reports and late answers on support count
 * nowhere: not in the year (it is published) and not in the next one (a later year's figures are
 * about that year's incidents, and a count of late answers would point at the people who gave them).
 *
 * How the module is used: each year is a "round" whose respondents are the employees who had at
 * least one incident that year, by unit and by verksamhetsområde (computeDisclosure). The forms
 * are each employee's categories — one employee may have had several — shown as the breakdown of
 * a shown cell (decideBreakdown, decision 0021), all five of a cell or none, so the block argument
 * covers every combination of totals and forms (a total minus its forms included). Each figure is
 * stored only as discloseCount or discloseBreakdown returned it. Where cells compete, the kommun's
 * and the förvaltningar's win over an avdelning's or an enhet's (decision 0015). A cell about
 * fewer than ANONYMITY_MIN_GROUP employees is hidden, whatever the number of incidents. Figures
 * are additive over the employees of a cell (incidents, police reports, serious ones, answers on
 * support), as the module requires.
 *
 * Written by the minute's job (jobs/tasks.ts) and, should a reader come first, by that read. The
 * year's row in incident_publications is inserted in the same transaction as its cells, with
 * ON CONFLICT DO NOTHING: of two instances publishing at once one writes, the other's transaction
 * writes nothing, and nobody ever sees a year without its cells.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { INCIDENT_FORMS, type ActivityArea, type IncidentForm, type IncidentSupport } from '$lib/domain';
import { anonymityRules, computeDisclosure, decideBreakdown, discloseBreakdown, discloseCount, type DisclosedCount, type Respondent } from '../anonymity';
import type { Db } from '../db';
import { query } from '../db/client';
import { incidentPublications, incidentPublishedCells } from '../db/schema';
import { log } from '../log';
import { pathIds } from '../org/service';
import { closedYears, isSerious, statisticsCutoff } from './rules';

export interface IncidentFigures {
	incidents: number;
	policeReported: number;
	serious: number;
	support: Record<IncidentSupport | 'unanswered', number>;
}

/** The cells of one unit in one year (all verksamhetsområden, or one). */
export interface PublishedCells {
	total: DisclosedCount<IncidentFigures>;
	byForm: Record<IncidentForm, DisclosedCount<IncidentFigures>>;
}

/** '*' stands for "all verksamhetsområden" in the area column. */
export const ALL_AREAS = '*';

interface Row {
	personId: string;
	year: number;
	form: IncidentForm;
	activityArea: ActivityArea;
	path: string;
	policeReported: boolean;
	threatTakenSeriously: boolean;
	/** The answer as it stood at the cut-off: one given or changed later counts as unanswered. */
	supportEnough: IncidentSupport | null;
}

/** One employee's incidents in one year. */
interface PersonYear {
	personId: string;
	year: number;
	/** Unit and area of the latest incident of the year. */
	path: string;
	area: ActivityArea;
	incidents: Row[];
}

const roundIdOf = (year: number) => `incidents:${year}`;
/** The kommun is at depth 0, its förvaltningar at 1. */
const FORVALTNING_DEPTH = 1;
const rulesNow = () => anonymityRules();

function figuresOf(rows: Row[]): IncidentFigures {
	const support = { yes: 0, partly: 0, no: 0, unanswered: 0 };
	for (const r of rows) support[r.supportEnough ?? 'unanswered']++;
	return {
		incidents: rows.length,
		policeReported: rows.filter((r) => r.policeReported).length,
		serious: rows.filter((r) => isSerious(r)).length,
		support
	};
}

const yearOf = sql`extract(year from i.occurred_at at time zone 'Europe/Stockholm')::int`;
const cutoffOf = sql`(make_date(${yearOf} + 1, 2, 1)::timestamp at time zone 'Europe/Stockholm')`;

/** The years whose statistics are published at `now` (newest first), publishing any that are due. */
export async function publishedYears(db: Db, now: Date): Promise<number[]> {
	await publishDueYears(db, now);
	return closedYears(
		(await db.select({ year: incidentPublications.year }).from(incidentPublications)).map((r) => r.year),
		now
	);
}

/**
 * Publishes every year that is over at `now` (cut-off passed), has incidents and is not published
 * yet. Returns the years it published. Safe to run at any time, on any number of instances.
 */
export async function publishDueYears(db: Db, now: Date): Promise<number[]> {
	const withIncidents = await query<{ year: number }>(db, sql`select distinct ${yearOf} as year from incidents i`);
	const closed = closedYears(
		withIncidents.map((y) => y.year),
		now
	);
	if (closed.length === 0) return [];
	const done = new Set((await db.select({ year: incidentPublications.year }).from(incidentPublications).where(inArray(incidentPublications.year, closed))).map((r) => r.year));
	const due = closed.filter((y) => !done.has(y));
	if (due.length === 0) return [];

	// Every incident of the whole organisation in every closed year, in order: the decisions must
	// not depend on who asks, and a year's decisions depend on the years before it (rule 3).
	const years = [...closed].sort((a, b) => a - b);
	const rows = await query<Row>(
		db,
		sql`select i.person_id as "personId", ${yearOf} as year, i.form::text as form, i.activity_area as "activityArea", u.path,
		       i.police_reported as "policeReported", i.threat_taken_seriously as "threatTakenSeriously",
		       case when i.support_answered_at < ${cutoffOf} then i.support_enough::text end as "supportEnough"
		    from incidents i join org_units u on u.id = i.org_unit_id
		    where ${yearOf} in (${sql.join(
					years.map((y) => sql`${y}`),
					sql`, `
				)})
		      and i.created_at < ${cutoffOf}
		    order by i.occurred_at, i.id`
	);
	const byPersonYear = new Map<string, PersonYear>();
	for (const r of rows) {
		const key = `${r.year}:${r.personId}`;
		let p = byPersonYear.get(key);
		if (!p) byPersonYear.set(key, (p = { personId: r.personId, year: r.year, path: r.path, area: r.activityArea, incidents: [] }));
		p.incidents.push(r);
		// Ordered by time: the latest incident decides the unit and area.
		p.path = r.path;
		p.area = r.activityArea;
	}
	const personYears = [...byPersonYear.values()];

	// The kommun's and the förvaltningar's cells first (decision 0015): where a cell must be hidden
	// to protect a small group, an enhet's or an avdelning's is hidden rather than a figure of the
	// kommun or a förvaltning — their totals, and then their forms — even where the enhet is larger.
	// The kommun and the förvaltningar share the first rank and compete by size.
	const rankOf = new Map<string, number>();
	for (const p of personYears) {
		pathIds(p.path).forEach((id, depth) => {
			const rank = Math.max(depth, FORVALTNING_DEPTH);
			rankOf.set(id, rank);
		});
	}

	// The counts of employees per unit (and unit × area), decided alone; the forms are each
	// employee's categories, decided after them as the cells' breakdown (decision 0021).
	const disclosure = computeDisclosure(
		years.map((y) => ({
			roundId: roundIdOf(y),
			respondents: personYears
				.filter((p) => p.year === y)
				.map(
					(p): Respondent => ({
						personId: p.personId,
						unitPath: pathIds(p.path),
						activityArea: p.area,
						// Title is not a dimension of these statistics.
						title: 'socialsekreterare'
					})
				)
		})),
		rulesNow(),
		{ unitRank: (unitId) => rankOf.get(unitId) ?? Number.NaN }
	);

	const published: number[] = [];
	for (const year of due) {
		// The incidents of each unit (and each unit × area) that has at least one affected employee.
		const groups = new Map<string, { unitId: string; area: string; people: string[]; incidents: Row[] }>();
		const formsOf = new Map<string, IncidentForm[]>();
		for (const p of personYears.filter((x) => x.year === year)) {
			formsOf.set(p.personId, [...new Set(p.incidents.map((i) => i.form))]);
			for (const unitId of pathIds(p.path)) {
				for (const area of [ALL_AREAS, p.area]) {
					const key = `${unitId}|${area}`;
					let g = groups.get(key);
					if (!g) groups.set(key, (g = { unitId, area, people: [], incidents: [] }));
					g.people.push(p.personId);
					g.incidents.push(...p.incidents);
				}
			}
		}
		const keyOf = (g: { unitId: string; area: string }) => ({ roundId: roundIdOf(year), unitId: g.unitId, area: g.area === ALL_AREAS ? null : (g.area as ActivityArea), title: null });
		const breakdown = decideBreakdown(
			disclosure,
			INCIDENT_FORMS,
			formsOf,
			[...groups.values()].map((g) => ({ key: keyOf(g), members: g.people, rank: rankOf.get(g.unitId) ?? Number.NaN }))
		);
		const values = [...groups.values()].map((g) => {
			const key = keyOf(g);
			const cells: PublishedCells = {
				total: discloseCount(disclosure, key, figuresOf(g.incidents), 'employees'),
				byForm: Object.fromEntries(
					INCIDENT_FORMS.map((f) => {
						const count = g.people.filter((id) => formsOf.get(id)!.includes(f)).length;
						return [f, discloseBreakdown(breakdown, key, count, figuresOf(g.incidents.filter((i) => i.form === f)), 'employees')];
					})
				) as PublishedCells['byForm']
			};
			return { year, unitId: g.unitId, area: g.area, cells };
		});
		const wrote = await db.transaction(async (tx) => {
			const claimed = await tx
				.insert(incidentPublications)
				.values({ year, cutoff: statisticsCutoff(year), publishedAt: now })
				.onConflictDoNothing()
				.returning({ year: incidentPublications.year });
			if (claimed.length === 0) return false; // another instance or request published it
			for (let i = 0; i < values.length; i += 500) await tx.insert(incidentPublishedCells).values(values.slice(i, i + 500));
			return true;
		});
		if (wrote) {
			log.info({ year, cells: values.length }, 'incident statistics published');
			published.push(year);
		}
	}
	return published;
}

/** What a unit with no affected employee shows: the module's answer for an empty group. */
function emptyCells(year: number, unitId: string, area: ActivityArea | null): PublishedCells {
	const nobody = computeDisclosure([{ roundId: roundIdOf(year), respondents: [] }], rulesNow());
	const zero = figuresOf([]);
	const hidden = discloseCount(nobody, { roundId: roundIdOf(year), unitId, area, title: null }, zero, 'employees');
	return { total: hidden, byForm: Object.fromEntries(INCIDENT_FORMS.map((f) => [f, hidden])) as PublishedCells['byForm'] };
}

/** The published cells of these units in these years, for all areas or one; every pair answered. */
export async function readPublishedCells(db: Db, years: number[], unitIds: string[], area: ActivityArea | null) {
	const stored =
		years.length && unitIds.length
			? await db
					.select()
					.from(incidentPublishedCells)
					.where(
						and(
							inArray(incidentPublishedCells.year, years),
							inArray(incidentPublishedCells.unitId, unitIds),
							eq(incidentPublishedCells.area, area ?? ALL_AREAS)
						)
					)
			: [];
	const map = new Map(stored.map((r) => [`${r.year}|${r.unitId}`, r.cells as PublishedCells]));
	return (year: number, unitId: string): PublishedCells => map.get(`${year}|${unitId}`) ?? emptyCells(year, unitId, area);
}
