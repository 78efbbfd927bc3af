/**
 * Deciding a year's incident statistics at the size of a large kommun (decision 0021): the counts
 * per unit and per unit × verksamhetsområde (computeDisclosure) and then the forms as each cell's
 * breakdown (decideBreakdown), in memory — what publication does once a year, before it writes the
 * cells. Prints a table, and how many of the kommun's and the förvaltningar's forms were shown.
 *
 *   node scripts/bench/run.mjs --only=incidents [--affected=3000,10000] [--forvaltningar=14] [--repeat=3]
 */
import os from 'node:os';
import { ACTIVITY_AREAS, INCIDENT_FORMS, type ActivityArea } from '$lib/domain';
import { computeDisclosure, decideBreakdown, type BreakdownCandidate, type Respondent } from '$lib/server/anonymity';
import { Random } from '$lib/server/demo/random';

/** A tree kommun → förvaltningar → 4 avdelningar → 5 enheter → 2 arbetsgrupper, and `affected` employees with 1–3 forms. */
function organisation(affected: number, forvaltningar: number) {
	const random = new Random(7);
	const leaves: string[][] = [];
	for (let f = 0; f < forvaltningar; f++)
		for (let a = 0; a < 4; a++) for (let e = 0; e < 5; e++) for (let g = 0; g < 2; g++) leaves.push(['k', `f${f}`, `f${f}a${a}`, `f${f}a${a}e${e}`, `f${f}a${a}e${e}g${g}`]);
	// Forms as often as in the demo: harassment and threats common, corruption rare.
	const weights = [0.38, 0.34, 0.12, 0.1, 0.06];
	const pick = () => {
		let x = random.next();
		for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return INCIDENT_FORMS[i];
		return INCIDENT_FORMS[0];
	};
	const people = Array.from({ length: affected }, (_, i) => {
		const forms = new Set([pick()]);
		if (random.chance(0.08)) forms.add(pick());
		return { id: `p${i}`, path: leaves[random.int(0, leaves.length - 1)], area: ACTIVITY_AREAS[random.int(0, ACTIVITY_AREAS.length - 1)] as ActivityArea, forms: [...forms] };
	});
	return people;
}

function decide(people: ReturnType<typeof organisation>) {
	// As publication ranks them: the kommun and the förvaltningar first, then by depth.
	const depth = new Map(people.flatMap((p) => p.path.map((id, d) => [id, d] as const)));
	const rank = (unitId: string) => Math.max(depth.get(unitId) ?? 0, 1);
	const started = performance.now();
	const disclosure = computeDisclosure(
		[
			{
				roundId: 'incidents:2025',
				respondents: people.map((p): Respondent => ({ personId: p.id, unitPath: p.path, activityArea: p.area, title: 'socialsekreterare' }))
			}
		],
		{},
		{ unitRank: rank }
	);
	const counted = performance.now();
	const cells = new Map<string, BreakdownCandidate>();
	for (const p of people) {
		for (const unitId of p.path) {
			for (const area of [null, p.area]) {
				const id = `${unitId}|${area}`;
				let c = cells.get(id);
				if (!c) cells.set(id, (c = { key: { roundId: 'incidents:2025', unitId, area, title: null }, members: [], rank: rank(unitId) }));
				(c.members as string[]).push(p.id);
			}
		}
	}
	const breakdown = decideBreakdown(disclosure, INCIDENT_FORMS, new Map(people.map((p) => [p.id, p.forms])), [...cells.values()]);
	const done = performance.now();
	const shownAt = (level: (unitId: string) => boolean) => [...cells.values()].filter((c) => c.key.area === null && level(c.key.unitId) && breakdown.shown(c.key)).length;
	return {
		counts: counted - started,
		forms: done - counted,
		cells: cells.size,
		kommunForms: shownAt((u) => u === 'k') === 1,
		forvaltningForms: shownAt((u) => /^f\d+$/.test(u)),
		belowForms: shownAt((u) => /a/.test(u))
	};
}

export async function runIncidentsOnly(args: Record<string, string>) {
	const sizes = (args.affected ?? '3000,10000').split(',').map(Number);
	const forvaltningar = Number(args.forvaltningar ?? 14);
	const repeat = Number(args.repeat ?? 3);
	console.log(`Incident statistics, one year decided in memory: ${forvaltningar} förvaltningar × 4 avdelningar × 5 enheter × 2 arbetsgrupper; best of ${repeat}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	const table = ['| affected employees | cells | counts ms | forms ms | kommun\'s forms | förvaltningar with forms | units below with forms |', '|---|---|---|---|---|---|---|'];
	for (const affected of sizes) {
		const people = organisation(affected, forvaltningar);
		const runs = Array.from({ length: repeat }, () => decide(people));
		const best = runs.reduce((a, b) => (a.counts + a.forms <= b.counts + b.forms ? a : b));
		table.push(`| ${affected.toLocaleString('en')} | ${best.cells.toLocaleString('en')} | ${best.counts.toFixed(0)} | ${best.forms.toFixed(0)} | ${best.kommunForms ? 'all 5' : 'hidden'} | ${best.forvaltningForms} of ${forvaltningar} | ${best.belowForms} |`);
	}
	console.log(table.join('\n'));
}
