/**
 * Incident statistics upward: counts by unit, BRÅ form, verksamhetsområde and year, through the
 * anonymity module — never computed around it.
 *
 * How the module is used: each year is a "round" whose respondents are the employees who had at
 * least one incident that year. The form is a dimension the module does not have, so it is
 * carried in the unit dimension: an employee with a threat in enhet E is a member of E and of the
 * virtual unit "E|hot" (and likewise for every unit above E). All cells — unit totals, unit × form,
 * and both by verksamhetsområde — are then decided together in one computeDisclosure, so the block
 * argument covers every combination of them (e.g. a total minus the shown forms), and each figure
 * is shown only through discloseCell. A cell about fewer than ANONYMITY_MIN_GROUP employees is
 * hidden, whatever the number of incidents.
 *
 * Figures are additive over the employees of a cell (incidents, police reports, serious ones,
 * answers on support), as the module requires. A year is shown once it is over (rules.ts).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { INCIDENT_FORMS, type ActivityArea, type IncidentForm, type IncidentSupport } from '$lib/domain';
import type { Actor } from '../access/actor';
import { requireUnitInScope } from '../access/gate';
import { aggregateScopes, within } from '../access/policy';
import { computeDisclosure, discloseCell, type DisclosedCell, type Respondent } from '../anonymity';
import type { Db } from '../db';
import { query } from '../db/client';
import { orgUnits } from '../db/schema';
import { env } from '../env';
import { notFound } from '../errors';
import { pathIds } from '../org/service';
import { parseInput } from '../validation';
import { closedYears, isSerious, nextPublication, statsQuery } from './rules';
import { designatedScopes } from './service';
import { now as clockNow } from '../clock';

export interface IncidentFigures {
	incidents: number;
	policeReported: number;
	serious: number;
	support: Record<IncidentSupport | 'unanswered', number>;
}

interface Row {
	personId: string;
	year: number;
	form: IncidentForm;
	activityArea: ActivityArea;
	path: string;
	occurredAt: Date | string;
	policeReported: boolean;
	threatTakenSeriously: boolean;
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
const virtualUnit = (unitId: string, form: IncidentForm) => `${unitId}|${form}`;

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

export interface StatisticsRow {
	unit: { id: string; name: string; kind: string };
	isTotal: boolean;
	total: DisclosedCell<IncidentFigures>;
	byForm: Record<IncidentForm, DisclosedCell<IncidentFigures>>;
}

export async function incidentStatistics(db: Db, actor: Actor, input: unknown, now = clockNow()) {
	const q = parseInput(statsQuery, input);
	const scopes = [...aggregateScopes(actor), ...(await designatedScopes(db, actor))];
	const { unit } = await requireUnitInScope(db, scopes, q.unit);

	// Every incident of the whole organisation in the years that may be shown: the decisions must
	// not depend on who asks or what is filtered.
	const allYears = await query<{ year: number }>(
		db,
		sql`select distinct extract(year from occurred_at at time zone 'Europe/Stockholm')::int as year from incidents`
	);
	const years = closedYears(
		allYears.map((y) => y.year),
		now
	);
	const year = q.year ?? years[0] ?? null;
	if (q.year && !years.includes(q.year)) throw notFound('Året');

	const rows = years.length
		? await query<Row>(
				db,
				sql`select i.person_id as "personId", extract(year from i.occurred_at at time zone 'Europe/Stockholm')::int as year,
				       i.form::text as form, i.activity_area as "activityArea", u.path, i.occurred_at as "occurredAt",
				       i.police_reported as "policeReported", i.threat_taken_seriously as "threatTakenSeriously",
				       i.support_enough::text as "supportEnough"
				    from incidents i join org_units u on u.id = i.org_unit_id
				    where extract(year from i.occurred_at at time zone 'Europe/Stockholm')::int in (${sql.join(years.map((y) => sql`${y}`), sql`, `)})
				      and i.created_at < (make_date(extract(year from i.occurred_at at time zone 'Europe/Stockholm')::int + 1, 2, 1)::timestamp at time zone 'Europe/Stockholm')
				    order by i.occurred_at, i.id`
			)
		: [];
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

	const rules = { minGroup: env().ANONYMITY_MIN_GROUP, minTextGroup: env().ANONYMITY_MIN_TEXT_GROUP };
	const disclosure = computeDisclosure(
		[...years].sort((a, b) => a - b).map((y) => ({
			roundId: roundIdOf(y),
			respondents: personYears
				.filter((p) => p.year === y)
				.map((p): Respondent => {
					const ids = pathIds(p.path);
					const forms = [...new Set(p.incidents.map((i) => i.form))];
					return {
						personId: p.personId,
						unitPath: [...ids, ...ids.flatMap((id) => forms.map((f) => virtualUnit(id, f)))],
						activityArea: p.area,
						// Title is not a dimension of these statistics.
						title: 'socialsekreterare'
					};
				})
		})),
		rules
	);

	const area = q.area ?? null;
	const cell = (y: number, u: { id: string; path: string }, form: IncidentForm | null): DisclosedCell<IncidentFigures> => {
		const members = personYears.filter((p) => p.year === y && p.path.startsWith(u.path) && (area === null || p.area === area));
		const incidents = members.flatMap((p) => (form ? p.incidents.filter((i) => i.form === form) : p.incidents));
		return discloseCell(disclosure, { roundId: roundIdOf(y), unitId: form ? virtualUnit(u.id, form) : u.id, area, title: null }, figuresOf(incidents));
	};

	const children = await db
		.select()
		.from(orgUnits)
		.where(and(eq(orgUnits.parentId, unit.id), eq(orgUnits.active, true)))
		.orderBy(asc(orgUnits.name));
	const table: StatisticsRow[] =
		year === null
			? []
			: [unit, ...children].map((u) => ({
					unit: { id: u.id, name: u.name, kind: u.kind },
					isTotal: u.id === unit.id,
					total: cell(year, u, null),
					byForm: Object.fromEntries(INCIDENT_FORMS.map((f) => [f, cell(year, u, f)])) as StatisticsRow['byForm']
				}));

	const ancestors = await db.select().from(orgUnits).where(inArray(orgUnits.id, pathIds(unit.path)));
	return {
		unit: { id: unit.id, name: unit.name, kind: unit.kind },
		breadcrumbs: pathIds(unit.path)
			.map((id) => ancestors.find((a) => a.id === id))
			.filter((a): a is typeof unit => a !== undefined && within(a.path, scopes))
			.map((a) => ({ id: a.id, name: a.name })),
		years,
		year,
		area,
		rows: table,
		trend: [...years].sort((a, b) => a - b).map((y) => ({ year: y, cell: cell(y, unit, null) })),
		/** The current year's statistics are shown from this date. */
		nextPublication: nextPublication(now),
		rules: { minGroup: rules.minGroup }
	};
}
